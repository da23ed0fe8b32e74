/** Demo consultations, written through the real use cases so the demo shows what users would see. */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { comments, communes, notifications, topicPhaseChanges, topics, users, votes } from '../db/schema';
import { loadActor } from '../lib/accounts/load-actor';
import { createComment } from '../lib/comments/create-comment';
import type { Result } from '../lib/errors';
import { changeTopicPhase } from '../lib/topics/change-phase';
import { createTopic } from '../lib/topics/create-topic';
import { castVote } from '../lib/votes/cast-vote';
import { seedDemoProjects } from './demo-projects';
import { seedDemoMeetings } from './demo-meetings';

function must<T>(r: Result<T>, what: string): T {
  if (!r.ok) throw new Error(`demo content: ${what} failed: ${JSON.stringify(r)}`);
  return r.value;
}

export function seedDemoContent(db: Db) {
  const actorBy = (email: string | null, phone: string | null) => {
    const u = db.select().from(users).where(email ? eq(users.email, email) : eq(users.phone, phone!)).get()!;
    return loadActor(db, { userId: u.id, sessionVersion: u.sessionVersion })!;
  };
  const commune = (slug: string) => db.select().from(communes).where(eq(communes.slug, slug)).get()!.id;
  const maire = actorBy('maire.nioro@baro.ml', null);
  const hydraulique = actorBy('hydraulique.kayes@baro.ml', null);
  const awa = actorBy(null, '+22376000001');
  const moussa = actorBy(null, '+22376000002');
  const fanta = actorBy('animatrice.nioro@baro.ml', null);
  const day = 86_400_000;
  const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString().slice(0, 16);

  const forage = must(
    createTopic(db, maire, {
      communeId: String(commune('nioro-du-sahel')),
      title: "Un forage d'eau potable pour le quartier Tata",
      summary: "La mairie propose de creuser un forage équipé d'une pompe solaire au quartier Tata, où les femmes marchent plus d'une heure pour l'eau. Où l'installer, et comment le gérer ?",
      body: "## Le projet\n\nLe quartier **Tata** n'a pas de point d'eau potable. La mairie peut financer un forage avec une pompe solaire (budget estimé : 18 000 000 FCFA).\n\n## Ce que nous vous demandons\n\n- Où placer le forage ?\n- Qui doit gérer le point d'eau (comité de femmes, association des jeunes, mairie) ?\n- Quel prix du bidon est juste ?",
      sector: 'water',
      location: 'Quartier Tata, Nioro du Sahel',
      opensAt: iso(-3),
      closesAt: iso(27),
      pollOptions: '',
    }),
    'topic forage',
  ).topicId;
  must(changeTopicPhase(db, maire, { topicId: String(forage), phase: 'open' }), 'open forage');
  const c1 = must(createComment(db, awa, { topicId: String(forage), stance: 'for', body: "Oui ! Nous les femmes on marche très loin chaque matin. Le forage doit être près de l'école pour les enfants aussi." }), 'c1').commentId;
  must(createComment(db, moussa, { topicId: String(forage), stance: 'question', body: 'Qui va payer la réparation de la pompe quand elle sera en panne ?' }), 'c2');
  must(createComment(db, maire, { topicId: String(forage), parentId: String(c1), stance: 'neutral', body: "Merci. L'emplacement près de l'école est étudié par le service de l'hydraulique, nous vous répondrons avant la fin de la consultation." }), 'c3');
  must(createComment(db, fanta, { topicId: String(forage), stance: 'for', body: "À l'espace connecté, 12 femmes du groupement Benkadi ont lu le projet ensemble : elles veulent un comité de gestion avec des femmes." }), 'c4');
  for (const [a, choice] of [[awa, 'for'], [moussa, 'abstain'], [fanta, 'for']] as const) must(castVote(db, a, { topicId: String(forage), choice }), 'vote');

  const budget = must(
    createTopic(db, hydraulique, {
      communeId: String(commune('kayes')),
      title: 'Budget 2027 : quelle priorité pour la commune de Kayes ?',
      summary: "Le conseil communal prépare le budget 2027. Quelle dépense doit passer en premier ? Votez et expliquez votre choix.",
      body: "Le budget d'investissement 2027 est d'environ **250 millions FCFA**. Le conseil veut connaître vos priorités avant de voter le budget.",
      sector: 'governance',
      location: '',
      opensAt: iso(-1),
      closesAt: iso(20),
      pollOptions: "Écoles et salles de classe\nCentre de santé\nRoutes et pistes\nMarché central",
    }),
    'topic budget',
  ).topicId;
  must(changeTopicPhase(db, hydraulique, { topicId: String(budget), phase: 'open' }), 'open budget');
  must(castVote(db, moussa, { topicId: String(budget), choice: 'option:0' }), 'vote budget');
  must(createComment(db, moussa, { topicId: String(budget), stance: 'for', body: "Les écoles d'abord : au lycée on est 90 par classe." }), 'c5');

  const marche = must(
    createTopic(db, maire, {
      communeId: String(commune('nioro-du-sahel')),
      title: 'Déplacer le marché à bétail hors du centre-ville',
      summary: 'Le marché à bétail du lundi bloque la route nationale. Faut-il le déplacer à la sortie nord de la ville ?',
      body: 'Chaque lundi, le marché à bétail occupe la route et gêne les écoles. Un terrain de 3 hectares est disponible à la sortie nord.',
      sector: 'markets',
      location: 'Sortie nord, route de Diéma',
      opensAt: iso(-40),
      closesAt: iso(1),
      pollOptions: '',
    }),
    'topic marche',
  ).topicId;
  must(changeTopicPhase(db, maire, { topicId: String(marche), phase: 'open' }), 'open marche');
  must(castVote(db, awa, { topicId: String(marche), choice: 'for' }), 'vote marche');
  must(createComment(db, awa, { topicId: String(marche), stance: 'for', body: 'Il faut un abri pour les vendeuses de lait sur le nouveau site.' }), 'c6');
  must(changeTopicPhase(db, maire, { topicId: String(marche), phase: 'deliberation' }), 'close marche');
  must(
    changeTopicPhase(db, maire, {
      topicId: String(marche),
      phase: 'decided',
      decision:
        "Le conseil a décidé de déplacer le marché à bétail à la sortie nord à partir de mars 2027. Comme demandé, un abri pour les vendeuses de lait sera construit, et une piste reliera le site à la route de Diéma.",
    }),
    'decide marche',
  );
  backdateMarketStory(db, marche, day);

  const plateau = must(
    createTopic(db, hydraulique, {
      communeId: String(commune('kayes')),
      title: 'Assainissement du quartier Plateau',
      summary: 'Présentation du plan de caniveaux avant la saison des pluies. La consultation ouvrira le mois prochain.',
      body: 'Le service prépare un plan de curage et de construction de caniveaux. Les documents seront présentés à l’espace connecté de Kayes ville.',
      sector: 'environment',
      location: 'Quartier Plateau, Kayes',
      opensAt: iso(10),
      closesAt: iso(40),
      pollOptions: '',
    }),
    'topic plateau',
  ).topicId;
  must(changeTopicPhase(db, hydraulique, { topicId: String(plateau), phase: 'information' }), 'info plateau');

  seedDemoProjects(db);
  seedDemoMeetings(db, { forage, market: marche });
}

/**
 * The market consultation happened in the past: written through the use cases today, its dates are moved
 * back so that they agree with each other and with the seeding date (issue 17 §8): opened 40 days ago,
 * voted and commented 25 days ago, the public debate 20 days ago (scripts/demo-meetings.ts), closed 10
 * days ago, decided 3 days ago. Without this the list said "closed on <tomorrow>".
 */
function backdateMarketStory(db: Db, topicId: number, day: number) {
  const at = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString();
  const minute = (offsetDays: number) => at(offsetDays).slice(0, 16);
  db.update(topics).set({ createdAt: at(-41), opensAt: minute(-40), closesAt: minute(-10), decidedAt: at(-3), updatedAt: at(-3) }).where(eq(topics.id, topicId)).run();
  const when = { draft: at(-41), open: at(-40), deliberation: at(-10), decided: at(-3) } as const;
  for (const [phase, createdAt] of Object.entries(when)) {
    db.update(topicPhaseChanges)
      .set({ createdAt })
      .where(and(eq(topicPhaseChanges.topicId, topicId), eq(topicPhaseChanges.toPhase, phase as keyof typeof when)))
      .run();
  }
  db.update(comments).set({ createdAt: at(-25) }).where(eq(comments.topicId, topicId)).run();
  db.update(votes).set({ createdAt: at(-25) }).where(eq(votes.topicId, topicId)).run();
  db.update(notifications).set({ createdAt: at(-3) }).where(eq(notifications.topicId, topicId)).run();
}
