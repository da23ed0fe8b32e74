/**
 * Realistic French content for the large data set: people of the Kayes region, the places of its
 * communes, and what they write about water points, markets, schools, roads, health centres and
 * women's groups. Everything is drawn from the seeded PRNG, so the same seed writes the same words.
 */
import type { Sector } from '../../db/schema';
import type { Random } from './random';

export const WOMEN_NAMES = [
  'Awa', 'Fatoumata', 'Aminata', 'Mariam', 'Kadiatou', 'Oumou', 'Djénéba', 'Hawa', 'Assétou', 'Rokia',
  'Salimata', 'Fanta', 'Bintou', 'Nana', 'Sira', 'Coumba', 'Maïmouna', 'Ramata', 'Korotoumou', 'Safiatou',
  'Ténin', 'Mah', 'Sanata', 'Kankou', 'Aïssata', 'Haby', 'Diaba', 'Goundo', 'Néné', 'Tacko', 'Kadia', 'Fily',
];
export const MEN_NAMES = [
  'Moussa', 'Mamadou', 'Bakary', 'Seydou', 'Oumar', 'Ibrahim', 'Souleymane', 'Boubacar', 'Modibo', 'Drissa',
  'Adama', 'Lassana', 'Sékou', 'Yacouba', 'Abdoulaye', 'Issa', 'Cheick', 'Mahamadou', 'Siaka', 'Amadou',
  'Tiémoko', 'Fousseyni', 'Hamidou', 'Demba', 'Samba', 'Gaoussou', 'Kassoum', 'Bréhima', 'Mamoutou', 'Hadi',
];
export const FAMILY_NAMES = [
  'Traoré', 'Diarra', 'Sissoko', 'Diallo', 'Coulibaly', 'Keïta', 'Camara', 'Konaté', 'Kanouté', 'Dembélé',
  'Cissé', 'Touré', 'Sylla', 'Diakité', 'Doucouré', 'Soumaré', 'Sacko', 'Tounkara', 'Niakaté', 'Bathily',
  'Dramé', 'Kanté', 'Fofana', 'Ba', 'Sow', 'Diawara', 'Magassa', 'Kamissoko', 'Sidibé', 'Tandia', 'Wagué',
  'Gory', 'Soukouna', 'Dansira', 'Kouyaté', 'Samaké', 'Macalou', 'Djimera',
];

/** Neighbourhoods and villages of each commune of the seeded geography (by slug). */
export const PLACES: Record<string, readonly string[]> = {
  kayes: ['Légal Ségou', 'Plateau', 'Khasso', 'Liberté', "Kayes N'Di", 'Lafiabougou', 'Sanoubougou', 'Darsalam', 'Cité du Rail'],
  khouloum: ['Khouloum Centre', 'Samé', 'Bantanguel', 'Dialla', 'Goundiourou'],
  'liberte-dembaya': ['Dembaya', 'Diakandapé', 'Kamankolé', 'Ségala', 'Séro'],
  'nioro-du-sahel': ['Tata', 'Kanda', 'Diamanguel', 'Sokala', 'Gadiaba', 'Médine', 'Sountoukoulé'],
  diabigue: ['Diabigué Centre', 'Guétéma', 'Koréra', 'Tinkaré'],
  gogui: ['Gogui Centre', 'Dioumara', 'Sabouciré', 'Lambidou'],
  yelimane: ['Yélimané Cité', 'Kersignané', 'Tambacara', 'Diongaga', 'Lakanguémou'],
  kremis: ['Krémis Centre', 'Kodié', 'Tringa Coura', 'Marena'],
  tringa: ['Tringa Centre', 'Guidimé', 'Fanga', 'Diafounou'],
};

export const GROUPS = [
  'Groupement des femmes Benkadi', 'Coopérative des maraîchères Jigiya', 'Association des jeunes Badenya',
  'Groupement féminin Musow Ka Jigi', 'Tontine des commerçantes du marché', 'Association des parents d’élèves',
  'Comité de gestion du point d’eau', 'Association des éleveurs Sahel Vert', 'Club des jeunes filles leaders',
  'Union des femmes rurales', 'Association des ressortissants en France', 'Groupement Yiriwaton',
];

const SERVICES: Record<Sector, string> = {
  water: "service de l'hydraulique",
  health: 'service de santé du cercle',
  education: "centre d'animation pédagogique",
  roads: 'service des routes',
  agriculture: "service de l'agriculture",
  markets: 'régie du marché',
  environment: "service de l'assainissement",
  culture: 'service de la culture',
  youth: 'service de la jeunesse',
  women: 'service de la promotion de la femme',
  governance: 'secrétariat général de la mairie',
  other: 'secrétariat général de la mairie',
};

type Ctx = { commune: string; place: string; group: string; n: number; m: number };

const fill = (s: string, c: Ctx) =>
  s
    .replaceAll('{commune}', c.commune)
    .replaceAll('{place}', c.place)
    .replaceAll('{group}', c.group)
    .replaceAll('{n}', String(c.n))
    .replaceAll('{m}', String(c.m));

type TopicTemplate = { title: string; summary: string; problem: string; ask: string; cost: [number, number]; poll?: string[] };

/** What an official puts to consultation, per sector. Costs in millions of FCFA. */
const TOPICS: Partial<Record<Sector, TopicTemplate[]>> = {
  water: [
    {
      title: "Un forage d'eau potable pour {place}",
      summary: "La mairie propose un forage équipé d'une pompe solaire à {place}, où les femmes marchent longtemps pour l'eau. Où l'installer et comment le gérer ?",
      problem: "{place} n'a qu'un puits traditionnel, à sec de mars à juin. Les femmes et les filles marchent plus de {n} minutes chaque matin pour chercher l'eau.",
      ask: "- Où placer le forage ?\n- Qui doit gérer le point d'eau : un comité de femmes, l'association des jeunes, la mairie ?\n- Quel prix du bidon de 20 litres est juste ?",
      cost: [12, 25],
    },
    {
      title: "Réhabilitation du château d'eau de {place}",
      summary: "Le château d'eau de {place} fuit et les bornes-fontaines sont souvent fermées. La commune veut le réparer avant l'hivernage.",
      problem: "Depuis {n} mois, trois bornes-fontaines sur cinq sont fermées. Les familles achètent l'eau aux charretiers, jusqu'à {m}0 FCFA le bidon.",
      ask: "- Faut-il réparer d'abord le réservoir ou les bornes-fontaines ?\n- Les usagers sont-ils prêts à payer une petite redevance pour l'entretien ?",
      cost: [8, 30],
      poll: ['Réparer le réservoir', 'Ajouter des bornes-fontaines', 'Étendre le réseau aux quartiers neufs'],
    },
  ],
  markets: [
    {
      title: 'Réorganiser le marché de {place}',
      summary: 'Le marché de {place} déborde sur la route les jours de foire. La mairie propose de nouveaux hangars et une aire de stationnement.',
      problem: "Chaque foire, les étals occupent la route nationale, les charrettes bloquent l'accès au centre de santé et les commerçantes n'ont ni ombre ni toilettes.",
      ask: '- Faut-il déplacer une partie du marché ?\n- Combien de places réserver aux vendeuses de légumes ?\n- Quelle taxe journalière est acceptable ?',
      cost: [15, 60],
      poll: ['Nouveaux hangars sur place', 'Déplacer la foire à la sortie de la ville', 'Ne rien changer'],
    },
    {
      title: 'Un marché à bétail hors du centre de {commune}',
      summary: 'Le marché à bétail gêne la circulation et les écoles. Un terrain est disponible à la sortie de la ville : faut-il y déménager ?',
      problem: 'Le marché à bétail occupe la rue principale le lundi. Les élèves passent entre les animaux et les accidents sont fréquents.',
      ask: '- Le nouveau terrain est-il trop loin pour les éleveurs ?\n- Faut-il un point d’eau pour les animaux sur le site ?',
      cost: [10, 40],
    },
  ],
  education: [
    {
      title: "Trois salles de classe pour l'école de {place}",
      summary: "L'école de {place} compte plus de {n} élèves par classe. La mairie propose de construire trois salles et des latrines séparées pour les filles.",
      problem: "Les classes de l'école de {place} sont surchargées : plus de {n} élèves, dont certains assis par terre. Il n'y a pas de latrines pour les filles.",
      ask: '- Faut-il construire en dur ou agrandir avec des classes provisoires ?\n- Les parents peuvent-ils contribuer en main-d’œuvre ?',
      cost: [20, 45],
    },
    {
      title: 'Cantine scolaire à {place}',
      summary: 'Beaucoup d’enfants viennent à l’école le ventre vide. La commune propose une cantine gérée avec les mères d’élèves.',
      problem: "Les enfants des hameaux de {place} marchent {n} km pour venir à l'école et ne rentrent pas à midi.",
      ask: '- Qui doit gérer la cantine ?\n- Quelle contribution demander aux familles ?',
      cost: [5, 15],
    },
  ],
  roads: [
    {
      title: 'Réhabilitation de la piste {place} – {commune}',
      summary: "La piste qui relie {place} à {commune} est coupée pendant l'hivernage. La mairie propose des ouvrages de franchissement et un rechargement en latérite.",
      problem: "De juillet à septembre, la piste est coupée par le marigot. Les femmes enceintes ne peuvent plus rejoindre le centre de santé et les produits pourrissent.",
      ask: '- Quels passages sont les plus dangereux ?\n- Les villages peuvent-ils organiser l’entretien après les travaux ?',
      cost: [30, 120],
    },
    {
      title: 'Éclairage public de la route de {place}',
      summary: 'La route de {place} est noire dès 19 h. La commune propose des lampadaires solaires.',
      problem: "Les élèves des cours du soir, surtout les filles, ont peur de rentrer. Il y a eu {n} vols de motos depuis le début de l'année.",
      ask: '- Où poser les lampadaires en priorité ?\n- Qui surveille et entretient les panneaux solaires ?',
      cost: [6, 20],
    },
  ],
  health: [
    {
      title: 'Un centre de santé communautaire (CSCOM) à {place}',
      summary: "Le CSCOM le plus proche de {place} est à {n} km. La mairie propose d'ouvrir un centre avec une maternité.",
      problem: "Les femmes de {place} accouchent souvent à la maison. Le centre de santé le plus proche est à {n} km, sur une piste difficile.",
      ask: "- Où construire le centre ?\n- Comment recruter une sage-femme qui accepte de vivre à {place} ?",
      cost: [40, 90],
    },
    {
      title: 'Une ambulance pour la commune de {commune}',
      summary: "Les évacuations vers l'hôpital de Kayes se font en charrette ou à moto. Faut-il acheter une ambulance ?",
      problem: "En {m} mois, {n} évacuations urgentes ont été faites sans véhicule adapté.",
      ask: '- Qui paie le carburant ?\n- Faut-il une participation des familles ?',
      cost: [25, 45],
      poll: ['Acheter une ambulance', 'Former des motos-ambulances', 'Renforcer le CSCOM existant'],
    },
  ],
  women: [
    {
      title: 'Un moulin et une plateforme multifonctionnelle pour les femmes de {place}',
      summary: 'Les femmes de {place} pilent le mil à la main chaque jour. La commune propose une plateforme avec moulin et décortiqueuse.',
      problem: 'Chaque femme passe au moins deux heures par jour à piler. Le moulin le plus proche est à {n} km.',
      ask: '- Quel groupement doit gérer la plateforme ?\n- Quel prix de la mouture ?',
      cost: [4, 12],
    },
    {
      title: 'Un espace pour les groupements féminins de {commune}',
      summary: 'Les groupements féminins de {commune} n’ont pas de local pour se réunir, stocker et transformer leurs produits.',
      problem: 'Les femmes transforment le karité et le pain de singe dans les cours, sans magasin pour stocker.',
      ask: '- Quels équipements en priorité ?\n- Comment partager l’espace entre groupements ?',
      cost: [8, 20],
    },
  ],
  agriculture: [
    {
      title: 'Aménagement du périmètre maraîcher de {place}',
      summary: 'Les maraîchères de {place} demandent une clôture et un puits à grand diamètre. La commune propose un aménagement.',
      problem: 'Les animaux détruisent les planches et le puits tarit en février. Les femmes arrosent à la main.',
      ask: '- Grillage ou haie vive ?\n- Comment répartir les parcelles ?',
      cost: [6, 18],
    },
  ],
  environment: [
    {
      title: 'Ramassage des ordures à {place}',
      summary: 'Les dépôts sauvages se multiplient à {place}. La mairie propose un ramassage par charrettes et un dépôt de transit.',
      problem: 'Les sachets plastiques bouchent les caniveaux et l’eau stagne pendant l’hivernage.',
      ask: '- Combien chaque famille peut-elle payer par mois ?\n- Où placer le dépôt de transit ?',
      cost: [3, 10],
    },
  ],
  youth: [
    {
      title: 'Un terrain de sport et un espace numérique à {place}',
      summary: 'Les jeunes de {place} demandent un terrain et un lieu pour apprendre l’informatique.',
      problem: 'Il n’y a ni terrain aménagé ni accès à internet pour les jeunes de {place}.',
      ask: '- Terrain de football ou terrain multisports ?\n- Qui gère l’espace numérique ?',
      cost: [5, 25],
    },
  ],
  governance: [
    {
      title: 'Budget {m} de la commune de {commune} : vos priorités',
      summary: "Le conseil communal prépare le budget. Quelle dépense doit passer en premier ? Votez et expliquez votre choix.",
      problem: "Le budget d'investissement est d'environ {n}0 millions de FCFA. Le conseil veut connaître vos priorités avant le vote.",
      ask: '- Quelle priorité pour votre quartier ?\n- Comment la mairie doit-elle rendre compte des dépenses ?',
      cost: [100, 300],
      poll: ['Écoles et salles de classe', 'Centre de santé', 'Routes et pistes', "Points d'eau", 'Marché'],
    },
    {
      title: 'PDESC de {commune} : le plan de développement pour les cinq ans à venir',
      summary: 'La commune révise son Programme de développement économique, social et culturel. Donnez votre avis sur les axes proposés.',
      problem: 'Le plan précédent a réalisé moins de la moitié de ses actions. Le nouveau plan doit être plus réaliste.',
      ask: '- Quels axes garder ?\n- Quelles actions manquent pour les femmes et les jeunes ?',
      cost: [200, 600],
    },
  ],
};

const STANCE_OPENERS = {
  for: [
    'Je suis d’accord avec ce projet.', 'Bonne initiative de la mairie.', 'C’est une très bonne idée pour {place}.',
    'Enfin ! Nous attendons cela depuis des années.', 'Nous soutenons ce projet, toute la famille est d’accord.',
    'Oui, c’est la priorité pour nous.', 'Au nom du {group}, nous disons oui.',
  ],
  against: [
    'Je ne suis pas d’accord.', 'Ce n’est pas la priorité pour {commune}.', 'Le coût est trop élevé pour la commune.',
    'Nous avons déjà vu ce genre de projet abandonné après un an.', 'Je suis contre, il faut d’abord réparer ce qui existe.',
    'Ce projet ne tient pas compte des villages éloignés.',
  ],
  neutral: [
    'Il faut bien réfléchir avant de décider.', 'Les deux options ont leurs avantages.', 'Je donne juste une information.',
    'Pas d’avis tranché, mais quelques remarques.', 'À l’espace connecté, nous en avons discuté à {n} personnes.',
  ],
  question: [
    'Qui va gérer l’ouvrage après les travaux ?', 'Quand les travaux vont-ils commencer ?',
    'Combien cela va coûter aux familles ?', 'Est-ce que les villages de la commune seront aussi concernés ?',
    'Qui va payer l’entretien quand il y aura une panne ?', 'Est-ce que les femmes seront dans le comité de gestion ?',
  ],
} as const;

const FACTS: Partial<Record<Sector, string[]>> = {
  water: [
    'Les femmes de {place} marchent plus de {n} minutes pour chercher l’eau.', 'Le puits de {place} est à sec de mars à juin.',
    'Il faut un comité de gestion avec des femmes pour le forage.', 'Le bidon coûte déjà {m}0 FCFA chez les charretiers.',
    'Les enfants ont souvent la diarrhée à cause de l’eau du marigot.', 'Une pompe solaire coûte moins cher à entretenir qu’un groupe électrogène.',
  ],
  markets: [
    'Les commerçantes paient la taxe mais le marché n’a pas de toilettes.', 'Les jours de foire, on ne peut plus passer avec une charrette.',
    'Il faut des hangars pour protéger les légumes du soleil.', 'Les vendeuses de poisson n’ont pas d’eau pour nettoyer.',
    'Si le marché part trop loin, les femmes âgées ne pourront plus venir.',
  ],
  education: [
    'Au collège de {place}, nous sommes {n} élèves par classe.', 'Les filles abandonnent l’école quand il n’y a pas de latrines.',
    'Les enseignants manquent, certaines classes n’ont pas de maître depuis la rentrée.', 'Les tables-bancs sont cassées depuis longtemps.',
    'Une cantine garderait les enfants des hameaux à l’école.',
  ],
  roads: [
    'Pendant l’hivernage, la piste vers {commune} est coupée.', 'Les camions de sable abîment la route chaque année.',
    'Il faut un radier au passage du marigot.', 'Les motos-taxis refusent d’aller à {place} quand il pleut.',
    'Sans éclairage, la route est dangereuse pour les élèves du soir.',
  ],
  health: [
    'Le CSCOM le plus proche est à {n} km, les femmes enceintes y vont à moto.', 'Il n’y a qu’une sage-femme pour toute la zone.',
    'Les médicaments manquent souvent à la pharmacie du centre.', 'Une maternité sauverait des vies à {place}.',
    'Les consultations prénatales devraient être gratuites.',
  ],
  women: [
    'Le {group} peut gérer le moulin.', 'Les femmes passent deux heures par jour à piler le mil.',
    'Il faut former les femmes à l’entretien du moteur.', 'Un magasin de stockage permettrait de vendre le karité plus cher.',
    'Les réunions doivent se tenir l’après-midi, quand les femmes sont libres.',
  ],
  agriculture: [
    'Les animaux détruisent les jardins chaque saison sèche.', 'Les maraîchères de {place} ont besoin d’un puits à grand diamètre.',
    'Le grillage est cher mais dure plus longtemps que la haie.', 'Il faut un magasin pour conserver les oignons.',
  ],
  environment: [
    'Les sachets plastiques bouchent les caniveaux près du marché.', 'On brûle les ordures derrière l’école, la fumée gêne les enfants.',
    'Chaque famille peut payer {m}00 FCFA par mois pour le ramassage.', 'Il faut planter des arbres le long de la route.',
  ],
  youth: [
    'Les jeunes veulent un terrain de football et un espace numérique.', 'Beaucoup de jeunes partent à l’aventure faute de travail.',
    'Un espace numérique aiderait à préparer les concours.', 'Les filles doivent aussi avoir accès au terrain.',
  ],
  governance: [
    'La mairie doit publier le budget à la radio locale.', 'Les écoles d’abord : au lycée on est {n} par classe.',
    'Il faut rendre compte des dépenses chaque année en assemblée.', 'Les villages éloignés sont toujours oubliés.',
    'La santé doit passer avant tout le reste.',
  ],
};

const CLOSERS = [
  'Merci à la mairie de nous consulter.', 'Que Dieu nous aide à réaliser ce projet.', 'Nous sommes prêts à participer.',
  'J’espère que notre avis sera pris en compte.', 'Il faut informer aussi les villages par la radio.', '',
  '', '',
];

const REPLY_OPENERS = [
  'Je suis d’accord avec vous.', 'Vous avez raison.', 'Ce n’est pas tout à fait vrai :', 'Merci pour cette information.',
  'Chez nous aussi, c’est pareil.', 'Je ne pense pas.', 'Bonne question.', 'Tout à fait.',
];

export const HIDE_REASONS = ['Propos injurieux envers une personne.', 'Message hors sujet répété.', 'Propos discriminatoires.'];

export function displayName(random: Random, gender: 'woman' | 'man' | null): string {
  const first = gender === 'woman' ? random.pick(WOMEN_NAMES) : gender === 'man' ? random.pick(MEN_NAMES) : random.pick(random.chance(0.5) ? WOMEN_NAMES : MEN_NAMES);
  return `${first} ${random.pick(FAMILY_NAMES)}`;
}

const ctx = (random: Random, commune: string, slug: string): Ctx => ({
  commune,
  place: random.pick(PLACES[slug] ?? [commune]),
  group: random.pick(GROUPS),
  n: random.int(3, 90),
  m: random.int(2, 9),
});

const sectorsWithTopics = Object.keys(TOPICS) as Sector[];

export type TopicText = { sector: Sector; title: string; summary: string; body: string; location: string; pollOptions: string[] | null; decision: string };

export function topicText(random: Random, commune: string, slug: string, year: number): TopicText {
  const sector = random.pick(sectorsWithTopics);
  const tpl = random.pick(TOPICS[sector]!);
  const c = ctx(random, commune, slug);
  const cost = random.int(tpl.cost[0], tpl.cost[1]);
  const f = (s: string) => fill(s, { ...c, m: s === tpl.title && sector === 'governance' ? year : c.m });
  const title = f(tpl.title).slice(0, 140);
  const body = `## Le projet\n\n${f(tpl.problem)}\n\nCoût estimé : **${cost} 000 000 FCFA**, avec l'appui des partenaires de la commune.\n\n## Ce que nous vous demandons\n\n${f(tpl.ask)}\n\nDes séances de discussion ont lieu à l'espace connecté le plus proche, avec l'animatrice.`;
  const pollOptions = tpl.poll && random.chance(0.7) ? tpl.poll : null;
  const decision = `Après la consultation, le conseil communal de ${commune} a décidé de ${random.pick([
    'réaliser le projet en deux tranches, en commençant par les quartiers les plus éloignés',
    'retenir la proposition la plus soutenue et de confier la gestion à un comité où siègent des femmes',
    'reporter le projet au budget suivant, faute de financement suffisant, et de chercher un partenaire',
    'lancer les travaux avant l’hivernage et de publier chaque trimestre l’état des dépenses',
  ])}.`;
  return { sector, title, summary: f(tpl.summary).slice(0, 280), body, location: `${c.place}, ${commune}`.slice(0, 140), pollOptions, decision };
}

export type Stance = 'for' | 'against' | 'neutral' | 'question';

export function commentText(random: Random, sector: Sector, stance: Stance, commune: string, slug: string): string {
  const c = ctx(random, commune, slug);
  const facts = FACTS[sector] ?? FACTS.governance!;
  const parts = [fill(random.pick(STANCE_OPENERS[stance]), c), fill(random.pick(facts), c)];
  if (random.chance(0.45)) parts.push(fill(random.pick(facts), { ...c, n: random.int(3, 90) }));
  const closer = random.pick(CLOSERS);
  if (closer) parts.push(closer);
  return parts.join(' ');
}

export function replyText(random: Random, sector: Sector, parentAuthorFirstName: string | null, commune: string, slug: string): string {
  const c = ctx(random, commune, slug);
  const facts = FACTS[sector] ?? FACTS.governance!;
  const lead = random.chance(0.3) && parentAuthorFirstName ? `${parentAuthorFirstName}, ${random.pick(REPLY_OPENERS).toLowerCase()}` : random.pick(REPLY_OPENERS);
  return `${lead} ${fill(random.pick(facts), c)}`;
}

export function officialAnswerText(random: Random, sector: Sector): string {
  return random.pick([
    `Merci pour votre question. Le ${SERVICES[sector]} étudie ce point et vous répondra avant la fin de la consultation.`,
    `Bonne remarque. Nous l'ajoutons au dossier présenté au conseil communal.`,
    `Le ${SERVICES[sector]} organisera une séance d'information à l'espace connecté pour expliquer ce point.`,
  ]);
}

/** A comment awaiting review: screening held it for a link or a phone number. */
export function heldText(random: Random): { text: string; reason: 'link' | 'personalData' } {
  return random.chance(0.5)
    ? { text: `Pour plus d'informations, voir www.kayes-infos.ml/projets`, reason: 'link' }
    : { text: `Appelez-moi au 76 ${random.int(10, 99)} ${random.int(10, 99)} ${random.int(10, 99)} pour en parler.`, reason: 'personalData' };
}

type ProjectTemplate = { title: string; problem: string; solution: string; sector: Sector; beneficiaries: string[] };

const PROJECTS: ProjectTemplate[] = [
  { title: 'Un moulin à grains pour le {group}', problem: 'Les femmes de {place} pilent le mil à la main chaque jour, et le moulin le plus proche est à {n} km.', solution: 'Acheter un moulin à moteur installé dans un local du groupement, géré par un comité de femmes.', sector: 'women', beneficiaries: ['women', 'farmers'] },
  { title: 'Des lampadaires solaires à {place}', problem: 'Les rues de {place} sont noires dès 19 h et les élèves ont peur de rentrer des cours du soir.', solution: 'Poser {n} lampadaires solaires entretenus par l’association des jeunes du quartier.', sector: 'youth', beneficiaries: ['youth', 'women'] },
  { title: 'Un jardin maraîcher clôturé à {place}', problem: 'Les animaux détruisent les jardins des maraîchères chaque saison sèche.', solution: 'Clôturer un hectare en grillage et creuser un puits à grand diamètre.', sector: 'agriculture', beneficiaries: ['women', 'farmers'] },
  { title: 'Des latrines pour l’école de {place}', problem: 'L’école de {place} n’a pas de latrines séparées ; les filles rentrent chez elles à la pause.', solution: 'Construire deux blocs de latrines, filles et garçons, avec un point d’eau.', sector: 'education', beneficiaries: ['children', 'youth'] },
  { title: 'Une charrette pour le ramassage des ordures à {place}', problem: 'Les ordures s’entassent derrière le marché de {place}.', solution: 'Acheter deux charrettes et payer deux jeunes pour le ramassage, avec une cotisation mensuelle.', sector: 'environment', beneficiaries: ['everyone'] },
  { title: 'Un abreuvoir pour le bétail à {place}', problem: 'Les troupeaux boivent au même puits que les familles de {place}.', solution: 'Construire un abreuvoir relié au forage, à l’écart des habitations.', sector: 'water', beneficiaries: ['herders'] },
  { title: 'Une bibliothèque de quartier à {place}', problem: 'Les élèves de {place} n’ont aucun livre à la maison.', solution: 'Aménager une salle avec des livres en français et en bambara, ouverte le soir.', sector: 'culture', beneficiaries: ['children', 'youth'] },
];

export function projectText(random: Random, commune: string, slug: string) {
  const tpl = random.pick(PROJECTS);
  const c = ctx(random, commune, slug);
  return {
    title: fill(tpl.title, c).slice(0, 140),
    problem: fill(tpl.problem, c),
    solution: fill(tpl.solution, c),
    sector: tpl.sector,
    beneficiaries: tpl.beneficiaries,
    location: `${c.place}, ${commune}`,
    onBehalfOf: random.chance(0.4) ? c.group : null,
    estimatedCost: random.int(5, 150) * 100_000,
  };
}
