import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { comments, moderationTerms, type User } from '@/db/schema';
import { createComment } from '@/lib/comments/create-comment';
import { foldedWords } from '@/lib/moderation/normalize';
import { screen } from '@/lib/moderation/screen';
import { actorOf, addTopic, addUser, CONSULTATION, makeTestDb, type TestDb } from '../helpers/db';

const citizenSays = (t: TestDb, text: string, authorId = 1) => screen(t.db, { kind: 'comment', authorId, text, trusted: false });
const officialSays = (t: TestDb, text: string, authorId = 1) => screen(t.db, { kind: 'comment', authorId, text, trusted: true });

/**
 * How people in the communes write: no capitals, no punctuation, SMS spelling, numbers and dates.
 * None of this is a reason to hold or reject anything.
 */
const EVERYDAY_SENTENCES = [
  // water
  'svp ya pa deau depui 3 jour',
  'le forage du quartier est en panne depuis la semaine passee',
  'les femmes font la queue a la borne fontaine des 5h du matin',
  'il faut reparer la pompe de lecole avant lhivernage',
  'leau du puits est sale les enfants tombent malade',
  'on demande un deuxieme chateau deau pour le quartier plateau',
  'les cotisations pour le forage sont de 1000 f par famille',
  'qui va payer lentretien de la pompe',
  'merci a la mairie pour le nouveau forage',
  'le vieux dit que le puits a ete creuse en 1985',
  // market
  'la mairie doit nettoyer le caniveau devant le marche',
  'le marche est trop petit les vendeuses sont assises par terre',
  'les taxes du marche ont augmente mais rien ne change',
  'il faut un hangar pour les vendeuses de legumes',
  'le prix du sac de riz a monte cette semaine',
  'les camions bloquent la route le jour du marche',
  'le fagot de bois coute 500 f au marche maintenant',
  'le concombre et la tomate se vendent bien cette annee',
  '2 sacs de mais ont disparu du magasin communal',
  // school
  'lecole na pas assez de table banc les eleves sassoient par terre',
  'les maitres ne sont pas payes depuis deux mois',
  'il faut une cantine scolaire pour les enfants qui viennent de loin',
  'la classe de cm2 a 90 eleves cest trop',
  'pour lannee scolaire 2026-2027 il manque encore trois enseignants',
  'le toit de lecole a ete emporte par le vent',
  'ya trop de poussiere sur la route de lecole',
  // health
  'le centre de sante na plus de medicaments contre le palu',
  'la sage femme est seule pour tout le village',
  'il faut une ambulance pour evacuer les malades vers kayes',
  'les moustiquaires ne sont pas arrivees chez nous',
  'la vaccination des enfants commence quand',
  'le cscom ferme trop tot le soir',
  // harvest and livestock
  'la recolte de mil est bonne cette annee grace a dieu',
  'les criquets ont mange le sorgho a diabigue',
  'il nous faut des semences ameliorees avant les pluies',
  'lengrais arrive toujours en retard',
  'les animaux des transhumants detruisent nos champs',
  'le barrage de retenue peut aider les maraicheres',
  'les jardins des femmes manquent deau en saison seche',
  'mon voisin a vendu sa grosse vache pour payer les frais de sante',
  'les bergers et les agriculteurs doivent se parler pour eviter les conflits',
  // roads, youth, town life
  'la route de nioro est coupee pendant lhivernage',
  'le pont de la riviere est casse depuis lannee passee',
  'il faut des lampadaires solaires dans les rues',
  'les jeunes veulent un terrain de foot',
  'la maison des jeunes est fermee depuis longtemps',
  'on a besoin dun centre dalphabetisation pour les femmes',
  'les ordures sont partout derriere la gare routiere',
  'le courant coupe tous les soirs on ne peut pas conserver le poisson',
  'la caisse des femmes a besoin dun local',
  'le ramassage des ordures cest une fois par semaine seulement',
  'la reunion est prevue le 15-03-2027 a la mairie',
  // opinions and questions
  'je suis daccord avec le projet mais il faut consulter les chefs de quartier',
  'je suis contre parce que le terrain appartient au village',
  'bjr mr le maire on attend tjs la reponse pour le puits',
  'wallaye on souffre trop avec cette chaleur',
  'inch allah la pluie va venir bientot',
  'le bus est en retard chaque matin',
  'la salle est pleine pour la reunion',
];

describe('screening what people write', () => {
  let t: TestDb;
  beforeAll(() => {
    t = makeTestDb();
  });
  afterAll(() => t.cleanup());

  it('the list of everyday sentences is long enough to mean something', () => {
    expect(EVERYDAY_SENTENCES.length).toBeGreaterThanOrEqual(50);
    expect(new Set(EVERYDAY_SENTENCES).size).toBe(EVERYDAY_SENTENCES.length);
  });

  it.each(EVERYDAY_SENTENCES)('an everyday sentence is published as written: "%s"', (sentence) => {
    expect(citizenSays(t, sentence)).toEqual({ action: 'publish' });
  });

  it.each(['c.o.n.n.a.r.d', 'CONNARD', 'konnard', 'c0nnard', 'C O N N A R D', 'espece de c.o.n.n.a.r.d va'])(
    'an insult is rejected however it is disguised: "%s"',
    (text) => {
      expect(citizenSays(t, text)).toEqual({ action: 'reject', reason: 'screenInsult' });
      expect(officialSays(t, text)).toEqual({ action: 'reject', reason: 'screenInsult' });
    },
  );

  it.each(['concombre', 'Scunthorpe', 'le bus est en retard', 'la salle est pleine', 'il pleut a verse sur la place publique'])(
    'an innocent word that contains or resembles an insult is published: "%s"',
    (text) => {
      expect(citizenSays(t, text)).toEqual({ action: 'publish' });
    },
  );

  it.each(['connards', 'CONNARDS', 'salopes', 'enculés', 'batards', 'bâtarde', 'enculée', 'connasse', 'Connasses', 'salopards', 'fdp', 'ntm', 'tg', 'ta gueule', 'nique ta mère', 'va te faire foutre'])(
    'an insult is rejected in its plural, feminine, participle or abbreviated form: "%s"',
    (text) => {
      expect(citizenSays(t, text)).toEqual({ action: 'reject', reason: 'screenInsult' });
    },
  );

  it.each(['s a l o p e', 'connnnard', 'con.nard', 'c*nnard', 'b4t4rd', 'S@L0P3S'])('a disguised insult is rejected: "%s"', (text) => {
    expect(citizenSays(t, text)).toEqual({ action: 'reject', reason: 'screenInsult' });
  });

  it.each([
    'les députés doivent venir',
    'la dispute sur le forage dure',
    'la salopette du technicien',
    'le camion de Conakry est arrivé',
    'les connaissances des élèves',
    'Monsieur Conté est passé',
    'cette idée est un peu concon',
    'le batardeau du barrage',
    'slt jsp c pa grave kestion pr le maire',
    'i ni ce, an ka taa lakɔli la',
  ])('an ordinary word or informal writing is published: "%s"', (text) => {
    expect(citizenSays(t, text)).toEqual({ action: 'publish' });
  });

  it.each(['je vais te tuer', 'on va te tuer', "t'es mort", "j'vais t'buter", 'on va brûler ta maison', 'je vais mettre le feu chez toi', 'n bɛna i faga', 'je vais te tuer connard'])(
    'a threat is held for a moderator, whoever writes it: "%s"',
    (text) => {
      expect(citizenSays(t, text)).toEqual({ action: 'hold', reason: 'threat' });
      expect(officialSays(t, text)).toEqual({ action: 'hold', reason: 'threat' });
    },
  );

  it.each(['on va tuer les moutons pour la Tabaski', 'la maison de la vieille a brûlé hier', "c'est mort pour la récolte", 'on va brûler les ordures samedi'])(
    'a sentence close to a threat is published: "%s"',
    (text) => {
      expect(citizenSays(t, text)).toEqual({ action: 'publish' });
    },
  );

  it('spacing tricks are joined back into one word, which is then folded like any other', () => {
    expect(foldedWords('C O N N A R D')).toEqual(foldedWords('connard'));
    expect(foldedWords('c.o.n.n.a.r.d')).toEqual(foldedWords('KONNARD'));
  });

  it('a link is held for review when a citizen posts it, and published when an official does', () => {
    for (const text of ['voir https://kayes.ml/forage pour le plan', 'les infos sont sur www.nioro-info.com', 'regardez mairie-kayes.ml']) {
      expect(citizenSays(t, text)).toEqual({ action: 'hold', reason: 'link' });
      expect(officialSays(t, text)).toEqual({ action: 'publish' });
    }
  });

  it.each([
    'appelez moi au 76 12 34 56 pour le forage',
    'mon numero cest 76123456',
    'contact +223 76 12 34 56',
    'ecrivez a awa.traore@gmail.com pour les cotisations',
  ])('a phone number or an email address in a comment is held as personal data, whoever writes it: "%s"', (text) => {
    expect(citizenSays(t, text)).toEqual({ action: 'hold', reason: 'personalData' });
    expect(officialSays(t, text)).toEqual({ action: 'hold', reason: 'personalData' });
  });

  it('a topic may give a service’s phone number or email on purpose', () => {
    const text = 'Renseignements au service de l’hydraulique : 76 12 34 56 ou hydraulique@kayes.ml';
    expect(screen(t.db, { kind: 'topic', authorId: 1, text, trusted: true })).toEqual({ action: 'publish' });
  });
});

describe('screening against what the same person just posted', () => {
  let t: TestDb;
  let awa: User;
  let moussa: User;
  let topicId: number;
  beforeEach(async () => {
    t = makeTestDb();
    awa = await addUser(t, { displayName: 'Awa Traoré' });
    moussa = await addUser(t, { displayName: 'Moussa Diarra' });
    topicId = addTopic(t, { authorId: moussa.id }).id;
  });
  afterEach(() => t.cleanup());

  const post = (user: User, body: string, now: Date) =>
    createComment(t.db, actorOf(t.db, user.id), { topicId: String(topicId), stance: 'for', body }, now);

  it('the same text twice by the same person is rejected as a duplicate; someone else may say the same', () => {
    const first = post(awa, 'il faut un forage au quartier plateau', CONSULTATION.during);
    expect(first).toMatchObject({ ok: true, value: { held: false } });
    const later = new Date(CONSULTATION.during.getTime() + 10 * 60_000);
    expect(screen(t.db, { kind: 'comment', authorId: awa.id, text: 'Il faut un forage   au quartier Plateau', trusted: false, now: later })).toEqual({
      action: 'reject',
      reason: 'screenDuplicate',
    });
    expect(post(awa, 'il faut un forage au quartier plateau', later)).toEqual({ ok: false, error: 'rejected', reason: 'screenDuplicate' });
    expect(post(moussa, 'il faut un forage au quartier plateau', later)).toMatchObject({ ok: true, value: { held: false } });
  });

  it('a sixth post within two minutes is held for review; after a pause, posting is normal again', () => {
    const start = CONSULTATION.during;
    for (let i = 0; i < 5; i++) {
      const r = post(awa, `message numero ${['un', 'deux', 'trois', 'quatre', 'cinq'][i]} sur le forage`, new Date(start.getTime() + i * 15_000));
      expect(r).toMatchObject({ ok: true, value: { held: false } });
    }
    const sixthAt = new Date(start.getTime() + 90_000);
    expect(screen(t.db, { kind: 'comment', authorId: awa.id, text: 'encore un message', trusted: false, now: sixthAt })).toEqual({ action: 'hold', reason: 'burst' });
    expect(post(awa, 'encore un message', sixthAt)).toMatchObject({ ok: true, value: { held: true } });
    // Someone else is not slowed down by Awa's burst.
    expect(screen(t.db, { kind: 'comment', authorId: moussa.id, text: 'encore un message', trusted: false, now: sixthAt })).toEqual({ action: 'publish' });
    const afterPause = new Date(start.getTime() + 10 * 60_000);
    expect(screen(t.db, { kind: 'comment', authorId: awa.id, text: 'un dernier mot', trusted: false, now: afterPause })).toEqual({ action: 'publish' });
  });

  it('a term a moderator adds is caught at once, and nothing is written for a rejected comment', () => {
    const text = 'ce sont des bandits de grand chemin';
    expect(screen(t.db, { kind: 'comment', authorId: awa.id, text, trusted: false })).toEqual({ action: 'publish' });
    t.db.insert(moderationTerms).values({ term: 'bandits de grand chemin', language: 'fr', addedBy: moussa.id }).run();
    expect(screen(t.db, { kind: 'comment', authorId: awa.id, text, trusted: false })).toEqual({ action: 'reject', reason: 'screenInsult' });
    expect(screen(t.db, { kind: 'comment', authorId: awa.id, text: 'CE SONT DES B.A.N.D.I.T.S DE GRAND CHEMIN', trusted: true })).toEqual({
      action: 'reject',
      reason: 'screenInsult',
    });

    t.db.insert(moderationTerms).values({ term: 'voyou', language: 'fr', addedBy: moussa.id }).run();
    expect(post(awa, 'le chef de quartier est un voyou', CONSULTATION.during)).toEqual({ ok: false, error: 'rejected', reason: 'screenInsult' });
    // A moderator's term is caught in its plural too.
    expect(screen(t.db, { kind: 'comment', authorId: awa.id, text: 'ces voyous du marché', trusted: false })).toEqual({ action: 'reject', reason: 'screenInsult' });
    expect(t.db.select({ n: count() }).from(comments).get()?.n).toBe(0);
  });
});
