/**
 * The three demo courses of /learn (issue 15), in French: content only, seeded later by the learning feature.
 *
 * Written for the communes of Kayes, Nioro du Sahel and Yélimané: plain French, short sentences, the reader
 * addressed as « vous », text that reads well aloud (it is narrated). Each lesson body is Markdown of at most
 * 300 words and ends with a quiz of 3–5 questions, each with 2–4 choices and exactly one correct choice.
 * The English version (courses.en.ts) has the same slugs and the same shape.
 * Every legal reference cited is listed, with why it is trusted, in SOURCES.md next to this file.
 */

export type DemoChoice = {
  text: string;
  correct: boolean;
};

export type DemoQuestion = {
  question: string;
  /** 2–4 choices, exactly one correct */
  choices: DemoChoice[];
  /** shown after the answer, whether it was right or wrong */
  explanation: string;
};

export type DemoLesson = {
  /** stable across languages; other features link to it (e.g. a budget topic → comprendre-le-budget-communal) */
  slug: string;
  title: string;
  /** Markdown, plain language, at most 300 words */
  body: string;
  /** 3–5 questions */
  quiz: DemoQuestion[];
};

export type DemoCourse = {
  slug: string;
  title: string;
  summary: string;
  /** the demo courses are region-wide; a course of one commune is a later, authored case */
  scope: 'region';
  /** 3–5 lessons, in order */
  lessons: DemoLesson[];
};

export const DEMO_LESSON_MAX_WORDS = 300;

/** Slug of the lesson that budget topics link to. */
export const BUDGET_LESSON_SLUG = 'comprendre-le-budget-communal';

export const DEMO_COURSES: DemoCourse[] = [
  // ───────────────────────────────────────────────────────────── 1. La commune et vous
  {
    slug: 'la-commune-et-vous',
    title: 'La commune et vous',
    summary:
      'Qui décide dans votre commune, comment, et avec quel argent. Le conseil communal, le maire, les sessions publiques, le plan de développement et le budget. Et comment vous pouvez suivre et prendre part.',
    scope: 'region',
    lessons: [
      {
        slug: 'le-conseil-communal-et-le-maire',
        title: 'Le conseil communal et le maire',
        body: `## La commune

Le Mali est organisé en régions, en cercles et en communes. La commune est le niveau le plus proche de vous. Une commune rurale regroupe des villages ou des fractions. Une commune urbaine regroupe des quartiers.

## Le conseil communal

Chaque commune a un conseil communal. Ses membres, les conseillers, sont élus par les électeurs de la commune. Le nombre de conseillers dépend du nombre d’habitants. Ces règles sont écrites dans le Code des collectivités territoriales.

Le conseil règle les affaires de la commune. Il vote le plan de développement et le budget. Il décide, par exemple, de construire une salle de classe, un point d’eau ou un marché.

## Le maire et ses adjoints

Le maire et ses adjoints sont des conseillers. Ensemble, ils forment le bureau communal.

Le maire dirige l’administration de la commune. Il prépare le budget. Après le vote du conseil, il le fait exécuter. Il applique les décisions du conseil et représente la commune. Il est aussi officier d’état civil : la mairie enregistre les naissances, les mariages et les décès.

Les adjoints aident le maire. Chacun s’occupe de certains domaines, par exemple l’état civil, l’éducation ou les finances.

## L’État reste présent

Un représentant de l’État vérifie que les décisions de la commune respectent la loi. Dans certains cas prévus par la loi, l’État peut nommer pour un temps une délégation spéciale à la place du conseil.

## Ce que cela change pour vous

Les conseillers et le maire travaillent pour tous les habitants : les femmes et les hommes, les jeunes et les anciens. Vous pouvez aller les voir, leur poser des questions, et leur dire ce dont votre village ou votre quartier a besoin.`,
        quiz: [
          {
            question: 'Qui élit les conseillers communaux ?',
            choices: [
              { text: 'Les électeurs de la commune', correct: true },
              { text: 'Le gouverneur de la région', correct: false },
              { text: 'Le maire', correct: false },
            ],
            explanation: 'Les conseillers communaux sont élus par les électeurs de la commune. Ils représentent tous les habitants.',
          },
          {
            question: 'Qui vote le budget de la commune ?',
            choices: [
              { text: 'Le maire, seul', correct: false },
              { text: 'Le conseil communal', correct: true },
              { text: 'Le chef de village', correct: false },
            ],
            explanation: 'Le maire prépare le budget, mais c’est le conseil communal qui le vote.',
          },
          {
            question: 'Le maire et ses adjoints forment…',
            choices: [
              { text: 'le bureau communal', correct: true },
              { text: 'le conseil de village', correct: false },
              { text: 'le service de l’hydraulique', correct: false },
            ],
            explanation: 'Le maire et ses adjoints sont des conseillers. Ensemble, ils forment le bureau communal.',
          },
          {
            question: 'Un enfant vient de naître. Où faire enregistrer sa naissance ?',
            choices: [
              { text: 'Au marché', correct: false },
              { text: 'À l’état civil de la commune', correct: true },
            ],
            explanation: 'Le maire est officier d’état civil. La commune enregistre les naissances, les mariages et les décès.',
          },
        ],
      },
      {
        slug: 'les-sessions-du-conseil',
        title: 'Les sessions du conseil, ouvertes au public',
        body: `## Le conseil se réunit en sessions

Le conseil communal se réunit plusieurs fois par an. Ces réunions s’appellent des sessions. Le maire convoque les conseillers. Il fixe l’ordre du jour, c’est-à-dire la liste des questions à traiter.

## Les séances sont publiques

En règle générale, les séances du conseil sont ouvertes au public. Vous pouvez y assister, même si vous n’êtes pas conseiller ou conseillère. Pour une question délicate, le conseil peut décider de siéger à huis clos, c’est-à-dire sans public. C’est une exception.

Dans la salle, le public écoute. Il ne vote pas. En général, il ne prend pas la parole pendant le débat. Restez calme et respectueux.

## Connaître la date

Demandez à la mairie la date de la prochaine session. Elle est souvent annoncée par une affiche, par le crieur public ou à la radio locale. L’animateur ou l’animatrice de l’espace connecté peut aussi vous aider à la trouver.

## Après la session

Les décisions du conseil s’appellent des délibérations. Elles sont écrites, puis affichées ou gardées à la mairie. Vous pouvez demander à les lire.

## Pourquoi y aller ?

Aller à une session, c’est voir comment vos élus décident. Vous entendez leurs arguments. Vous savez ce qui a été voté pour votre village ou votre quartier. Ensuite, vous pouvez en parler autour de vous et donner votre avis sur Baro.

Allez-y avec d’autres femmes, d’autres jeunes, avec votre association. Plus vous êtes nombreux, plus les élus voient que la population suit leur travail.`,
        quiz: [
          {
            question: 'Les séances du conseil communal sont-elles ouvertes au public ?',
            choices: [
              { text: 'Oui, en règle générale', correct: true },
              { text: 'Non, jamais', correct: false },
              { text: 'Seulement pour les chefs de village', correct: false },
            ],
            explanation: 'En règle générale, les séances sont publiques. Le huis clos est une exception.',
          },
          {
            question: 'Que veut dire « siéger à huis clos » ?',
            choices: [
              { text: 'Se réunir dans un village', correct: false },
              { text: 'Se réunir sans public', correct: true },
              { text: 'Se réunir à la radio', correct: false },
            ],
            explanation: 'À huis clos, le conseil se réunit sans public. C’est une exception, pour des questions délicates.',
          },
          {
            question: 'Comment s’appellent les décisions du conseil communal ?',
            choices: [
              { text: 'Des délibérations', correct: true },
              { text: 'Des amendes', correct: false },
              { text: 'Des pétitions', correct: false },
            ],
            explanation: 'Les décisions du conseil s’appellent des délibérations. Vous pouvez demander à les lire à la mairie.',
          },
          {
            question: 'Pendant la session, que fait le public ?',
            choices: [
              { text: 'Il vote avec les conseillers', correct: false },
              { text: 'Il écoute, sans voter', correct: true },
              { text: 'Il dirige le débat', correct: false },
            ],
            explanation: 'Le public écoute et ne vote pas. Seuls les conseillers votent.',
          },
        ],
      },
      {
        slug: 'le-pdesc',
        title: 'Le PDESC, le plan de développement de la commune',
        body: `## Un plan pour plusieurs années

Le PDESC, c’est le Programme de Développement Économique, Social et Culturel de la commune. C’est le plan de la commune pour plusieurs années. Il dit ce que la commune veut faire, où, et dans quel ordre.

## Ce qu’on y trouve

Le PDESC part des besoins des habitants. On y trouve par exemple :

- l’eau : forages, puits, bornes-fontaines ;
- la santé : centre de santé, maternité ;
- l’éducation : salles de classe, latrines, tables-bancs ;
- l’économie : marché, pistes, aménagements agricoles, jardins maraîchers ;
- la culture, le sport et l’environnement.

## Comment il est préparé

Le plan se prépare avec la population. Des rencontres ont lieu dans les villages, les fractions et les quartiers. Les services techniques de l’État donnent leur avis : l’hydraulique, la santé, l’éducation, l’agriculture. Les associations, les femmes et les jeunes ont aussi leur mot à dire. Ensuite, le conseil communal adopte le plan en session.

## Du plan à la réalité

Le PDESC, à lui seul, ne paie rien. Chaque année, la commune choisit les actions du plan qu’elle peut réaliser. Elle les inscrit dans son budget. Certaines actions attendent, faute d’argent. D’autres sont financées avec l’aide de l’État ou de partenaires.

## Votre rôle

Quand la commune prépare ou révise son PDESC, c’est le bon moment pour parler. Allez aux rencontres de votre village ou de votre quartier. Dites quelles sont vos priorités. Sur Baro, les élus peuvent mettre le plan en consultation : lisez-le, commentez, votez.

Plus tard, vérifiez que les actions promises avancent. Demandez où elles en sont.`,
        quiz: [
          {
            question: 'Que veut dire PDESC ?',
            choices: [
              { text: 'Programme de Développement Économique, Social et Culturel', correct: true },
              { text: 'Plan des Dépenses de l’État pour les Services Communaux', correct: false },
              { text: 'Projet de Décision des Élus sur la Sécurité Communale', correct: false },
            ],
            explanation: 'Le PDESC est le Programme de Développement Économique, Social et Culturel : le plan de la commune pour plusieurs années.',
          },
          {
            question: 'Qui adopte le PDESC ?',
            choices: [
              { text: 'Un partenaire étranger', correct: false },
              { text: 'Le conseil communal', correct: true },
              { text: 'Le chef de quartier, seul', correct: false },
            ],
            explanation: 'Le plan est préparé avec la population et les services techniques, puis le conseil communal l’adopte en session.',
          },
          {
            question: 'Une action est écrite dans le PDESC. Est-elle déjà payée ?',
            choices: [
              { text: 'Oui, tout ce qui est dans le plan est payé', correct: false },
              { text: 'Non, elle doit encore être inscrite au budget d’une année', correct: true },
            ],
            explanation: 'Le PDESC ne paie rien à lui seul. Chaque année, la commune inscrit au budget les actions qu’elle peut réaliser.',
          },
          {
            question: 'Quand est-ce le bon moment pour dire vos priorités ?',
            choices: [
              { text: 'Quand la commune prépare ou révise son PDESC', correct: true },
              { text: 'Seulement quand les travaux sont finis', correct: false },
              { text: 'Jamais : c’est réservé aux élus', correct: false },
            ],
            explanation: 'Le plan se prépare avec la population. Les rencontres de préparation sont le bon moment pour parler.',
          },
        ],
      },
      {
        slug: BUDGET_LESSON_SLUG,
        title: 'Comprendre le budget communal',
        body: `## Qu’est-ce que le budget ?

Le budget, c’est l’argent que la commune pense recevoir et dépenser pendant une année. Il est compté en francs CFA. Il doit être équilibré : la commune ne prévoit pas de dépenser plus que ce qu’elle peut recevoir.

## D’où vient l’argent ?

- **Les ressources locales** : les impôts et les taxes payés dans la commune, comme les taxes du marché.
- **L’État** : il donne de l’argent aux communes, par exemple pour les écoles, la santé et l’eau. Il aide aussi à financer des investissements.
- **Les partenaires** : des ONG, la coopération, des communes jumelles, des associations de ressortissants. Dans la région de Kayes, les migrants financent souvent des projets dans leur village.

## À quoi sert l’argent ?

Le budget a deux parties.

- **Le fonctionnement** : ce qui fait marcher la commune chaque jour. Les salaires, l’entretien, les fournitures.
- **L’investissement** : ce qui dure longtemps. Une salle de classe, un forage, un marché, une piste.

## Qui décide ?

1. Le maire prépare le projet de budget.
2. Le conseil communal en débat et le vote, en session.
3. Le représentant de l’État contrôle le budget.
4. Pendant l’année, le maire ordonne les dépenses. Un comptable public du Trésor paie. Celui qui décide n’est pas celui qui paie : c’est une protection.
5. À la fin de l’année, le compte administratif montre ce qui a vraiment été reçu et dépensé. Le conseil le vote aussi.

## Ce que vous pouvez faire

Le budget est un document public. Demandez à le lire à la mairie. Comparez ce qui était prévu et ce qui a été fait. Posez vos questions aux élus, en réunion ou sur Baro. Et payer les taxes locales aide la commune à agir.`,
        quiz: [
          {
            question: 'Qui vote le budget communal ?',
            choices: [
              { text: 'Le maire, seul', correct: false },
              { text: 'Le comptable du Trésor', correct: false },
              { text: 'Le conseil communal', correct: true },
              { text: 'Les partenaires', correct: false },
            ],
            explanation: 'Le maire prépare le budget. Le conseil communal en débat et le vote, en session.',
          },
          {
            question: 'D’où vient l’argent de la commune ?',
            choices: [
              { text: 'Seulement de la poche du maire', correct: false },
              { text: 'Des ressources locales, de l’État et des partenaires', correct: true },
              { text: 'Seulement des partenaires étrangers', correct: false },
            ],
            explanation: 'La commune a trois grandes sources d’argent : les impôts et taxes locaux, l’État, et les partenaires.',
          },
          {
            question: 'Construire un forage, c’est une dépense…',
            choices: [
              { text: 'de fonctionnement', correct: false },
              { text: 'd’investissement', correct: true },
            ],
            explanation: 'Un forage dure longtemps : c’est un investissement. Les salaires et l’entretien sont du fonctionnement.',
          },
          {
            question: 'Quel document montre ce qui a vraiment été dépensé dans l’année ?',
            choices: [
              { text: 'Le compte administratif', correct: true },
              { text: 'Le PDESC', correct: false },
              { text: 'L’ordre du jour de la session', correct: false },
            ],
            explanation: 'Le compte administratif montre ce qui a vraiment été reçu et dépensé. Le conseil le vote aussi.',
          },
          {
            question: 'Pouvez-vous demander à lire le budget de votre commune ?',
            choices: [
              { text: 'Oui, c’est un document public', correct: true },
              { text: 'Non, il est secret', correct: false },
            ],
            explanation: 'Le budget est un document public. Vous pouvez demander à le lire à la mairie.',
          },
        ],
      },
      {
        slug: 'suivre-et-participer',
        title: 'Suivre la commune et y prendre part',
        body: `## Plusieurs façons de prendre part

Vous n’avez pas besoin d’être élu ou élue pour compter dans votre commune. Voici des façons simples de prendre part.

- **Voter aux élections.** Vérifiez que vous êtes inscrit ou inscrite sur la liste électorale.
- **Assister aux sessions du conseil.** En règle générale, elles sont publiques.
- **Aller aux réunions publiques** : concertations sur le plan de développement, présentation du budget, débats à l’espace connecté.
- **Parler à vos élus** et à votre chef de village ou de quartier. Ils peuvent porter votre question au conseil.
- **Vous regrouper.** Une association de femmes ou de jeunes, un groupement ou une coopérative se fait mieux entendre qu’une personne seule.
- **Utiliser Baro.** Lisez les sujets de la commune, donnez votre avis, votez, proposez un projet.
- **Être candidate ou candidat** aux élections communales, un jour, vous aussi.

## Suivre ce qui est décidé

Prendre part, ce n’est pas seulement parler. C’est aussi suivre. Notez ce que la commune a promis. Regardez si les travaux commencent. Demandez où en sont les choses. Sur Baro, la commune publie sa décision et répond à ce qui a été dit. Pour un projet citoyen, elle publie les étapes de sa réalisation.

## Avec respect

Vous pouvez être en désaccord avec vos élus. Dites-le avec des faits et avec respect. Une critique claire et polie est plus écoutée qu’une insulte.

## Besoin d’aide ?

Dans les espaces connectés de Kayes, de Nioro du Sahel et de Yélimané, un animateur ou une animatrice peut vous aider à lire, à comprendre et à participer.`,
        quiz: [
          {
            question: 'Faut-il être élu pour prendre part à la vie de la commune ?',
            choices: [
              { text: 'Oui, seuls les élus comptent', correct: false },
              { text: 'Non, chaque habitant peut prendre part', correct: true },
            ],
            explanation: 'Chaque habitant peut prendre part : voter, assister aux sessions, donner son avis, proposer un projet.',
          },
          {
            question: 'Pourquoi se regrouper en association ?',
            choices: [
              { text: 'Pour ne plus payer de taxes', correct: false },
              { text: 'Pour remplacer le conseil communal', correct: false },
              { text: 'Pour mieux se faire entendre', correct: true },
            ],
            explanation: 'Un groupe se fait mieux entendre qu’une personne seule. Il peut aussi porter un projet.',
          },
          {
            question: 'La commune a pris une décision. Que pouvez-vous faire ensuite ?',
            choices: [
              { text: 'Suivre si elle est réalisée, et demander où en sont les choses', correct: true },
              { text: 'Rien : une fois décidé, tout est fini', correct: false },
            ],
            explanation: 'Prendre part, c’est aussi suivre. Notez ce qui a été promis et demandez où en sont les choses.',
          },
          {
            question: 'Vous n’êtes pas d’accord avec une décision du maire. Que faire ?',
            choices: [
              { text: 'L’insulter sur Baro', correct: false },
              { text: 'Le dire avec des faits et avec respect', correct: true },
              { text: 'Toujours vous taire', correct: false },
            ],
            explanation: 'Le désaccord est permis. Une critique claire et polie est plus écoutée qu’une insulte.',
          },
        ],
      },
    ],
  },

  // ───────────────────────────────────────────────────────────── 2. Vos droits
  {
    slug: 'vos-droits',
    title: 'Vos droits',
    summary:
      'Le droit de savoir ce que fait l’administration, l’égalité des femmes et des hommes, le droit de prendre part, de vous exprimer et de vous associer. Et comment débattre avec respect.',
    scope: 'region',
    lessons: [
      {
        slug: 'le-droit-a-l-information',
        title: 'Le droit à l’information',
        body: `## Un droit, pas une faveur

L’administration travaille pour vous. Vous avez le droit de savoir ce qu’elle fait. La Constitution du 22 juillet 2023 reconnaît le droit d’accès à l’information.

Une loi plus ancienne explique comment faire : la loi numéro 98-012 du 19 janvier 1998, qui régit les relations entre l’administration et les usagers des services publics. Elle s’applique aussi aux communes.

## Ce que vous pouvez demander

Selon cette loi, les documents administratifs sont communiqués aux personnes qui les demandent, sauf exceptions. À la mairie, vous pouvez par exemple demander :

- le budget et le compte administratif ;
- le plan de développement, le PDESC ;
- les délibérations du conseil communal ;
- des rapports et des comptes rendus de réunion.

Vous pouvez aussi demander les documents qui vous concernent, vous.

## Comment faire

Vous pouvez lire le document sur place, gratuitement. Une copie peut être à vos frais. Faites votre demande à la mairie ou au service concerné. Une demande écrite et datée laisse une trace : gardez-en une copie. L’animateur ou l’animatrice de l’espace connecté peut vous aider à l’écrire.

## Les limites

Certains documents ne sont pas communiqués. Par exemple ce qui touche à la défense, à la sécurité, à une affaire en justice, ou à la vie privée d’une autre personne.

## Si on vous refuse

Un refus doit être écrit et motivé : on doit vous dire pourquoi. Ce refus peut être contesté devant le tribunal.

## Vos langues

La Constitution de 2023 fait des langues nationales les langues officielles du Mali. Le français est la langue de travail. Si vous ne comprenez pas un document, demandez qu’on vous l’explique.`,
        quiz: [
          {
            question: 'Pouvez-vous demander à lire le budget de votre commune ?',
            choices: [
              { text: 'Oui, c’est un document administratif que l’on peut demander', correct: true },
              { text: 'Non, seuls les élus peuvent le voir', correct: false },
            ],
            explanation: 'Les documents administratifs, comme le budget, sont communiqués aux personnes qui les demandent, sauf exceptions.',
          },
          {
            question: 'Lire un document sur place, à la mairie…',
            choices: [
              { text: 'est gratuit', correct: true },
              { text: 'se paie toujours', correct: false },
              { text: 'est réservé aux hommes', correct: false },
            ],
            explanation: 'La consultation sur place est gratuite. Seule une copie peut être à vos frais.',
          },
          {
            question: 'On refuse de vous montrer un document. Que doit faire l’administration ?',
            choices: [
              { text: 'Rien, elle n’a pas à répondre', correct: false },
              { text: 'Vous donner un refus écrit qui dit pourquoi', correct: true },
            ],
            explanation: 'Un refus doit être écrit et motivé. Il peut être contesté devant le tribunal.',
          },
          {
            question: 'Quel document peut-on vous refuser ?',
            choices: [
              { text: 'Les délibérations du conseil communal', correct: false },
              { text: 'Le budget de la commune', correct: false },
              { text: 'Le dossier médical d’une autre personne', correct: true },
            ],
            explanation: 'La vie privée des autres est protégée. Le budget et les délibérations, eux, se demandent.',
          },
        ],
      },
      {
        slug: 'egalite-des-femmes-et-des-hommes',
        title: 'L’égalité des femmes et des hommes',
        body: `## Égaux en droits

La Constitution du 22 juillet 2023 dit que tous les Maliens naissent et demeurent libres et égaux en droits et en devoirs. Elle interdit les discriminations, notamment celles fondées sur le sexe.

Une femme a donc les mêmes droits qu’un homme : voter, être candidate, donner son avis, créer une association.

## Des femmes là où l’on décide

Le Mali a adopté la loi numéro 2015-052 du 18 décembre 2015, qui institue des mesures pour promouvoir le genre dans l’accès aux fonctions nominatives et électives. Elle dit :

- **Pour les nominations** dans les institutions et les services publics, chaque sexe doit représenter au moins 30 pour cent des personnes nommées.
- **Pour les élections** des députés et des conseillers des collectivités territoriales, une liste d’au moins trois candidats est refusée si elle compte plus de 70 pour cent de femmes, ou plus de 70 pour cent d’hommes.
- **Pour les élections locales**, les listes alternent : après deux candidats du même sexe, le troisième doit être de l’autre sexe.

## L’égalité au quotidien

Une loi ne suffit pas. Souvent, les femmes ont moins de temps, moins d’argent et moins d’occasions de parler en public. Voici ce qui aide :

- tenir les réunions à des heures où les femmes peuvent venir ;
- donner la parole aux femmes, et les écouter jusqu’au bout ;
- aider les filles à aller à l’école et à y rester ;
- soutenir les femmes qui veulent être candidates.

## Sur Baro

Sur Baro, la commune peut voir combien de femmes et de jeunes ont donné leur avis. C’est pour mesurer s’ils sont entendus. Donner votre genre et votre âge est facultatif. Ils ne sont jamais affichés à côté de votre nom : ils comptent seulement dans des totaux.`,
        quiz: [
          {
            question: 'Selon la Constitution de 2023, les femmes et les hommes sont…',
            choices: [
              { text: 'égaux seulement en ville', correct: false },
              { text: 'égaux en droits et en devoirs', correct: true },
            ],
            explanation: 'La Constitution dit que tous les Maliens sont égaux en droits et en devoirs, et interdit les discriminations fondées sur le sexe.',
          },
          {
            question: 'Pour les nominations dans les services publics, que demande la loi de 2015 ?',
            choices: [
              { text: 'Au moins 30 pour cent de chaque sexe', correct: true },
              { text: 'Seulement des hommes', correct: false },
              { text: 'Aucune règle', correct: false },
            ],
            explanation: 'La loi numéro 2015-052 demande au moins 30 pour cent de personnes de chaque sexe parmi les personnes nommées.',
          },
          {
            question: 'Une liste pour les élections communales compte 8 hommes sur 10 candidats. Est-elle acceptée ?',
            choices: [
              { text: 'Oui', correct: false },
              { text: 'Non : elle a plus de 70 pour cent d’hommes', correct: true },
            ],
            explanation: '8 sur 10, c’est 80 pour cent. Une liste avec plus de 70 pour cent d’un même sexe est refusée.',
          },
          {
            question: 'Sur Baro, à quoi sert votre genre, si vous le donnez ?',
            choices: [
              { text: 'Il est affiché à côté de votre nom', correct: false },
              { text: 'Il compte seulement dans des totaux, pour voir si les femmes sont entendues', correct: true },
              { text: 'Il sert à choisir qui a le droit de voter', correct: false },
            ],
            explanation: 'Le genre et l’âge sont facultatifs. Ils servent seulement à compter, dans des totaux.',
          },
        ],
      },
      {
        slug: 'participer-s-exprimer-s-associer',
        title: 'Participer, vous exprimer, vous associer',
        body: `## Le droit de prendre part

Les affaires de la commune sont aussi les vôtres. Vous pouvez voter aux élections, si vous êtes inscrit ou inscrite sur la liste électorale. Vous pouvez assister aux sessions publiques du conseil, aller aux réunions de concertation, et donner votre avis sur les projets.

## Le droit de vous exprimer

La Constitution du 22 juillet 2023 garantit la liberté d’opinion et d’expression, dans le respect de la loi. Vous pouvez dire que vous êtes d’accord, ou pas, avec un projet de la commune. Vous pouvez poser des questions aux élus et demander des explications.

Cette liberté a des limites. La loi interdit notamment les injures, la diffamation et les menaces.

## Le droit de vous associer

La Constitution reconnaît aussi la liberté d’association et de réunion, dans les conditions fixées par la loi. Avec d’autres, vous pouvez créer une association de femmes, de jeunes, de quartier ou de ressortissants.

Les associations sont régies par la loi numéro 04-038 du 5 août 2004 relative aux associations. Cette loi a été modifiée en 2024 : une association doit désormais être déclarée à l’administration et autorisée. Avant de créer la vôtre, renseignez-vous sur les démarches. L’animateur ou l’animatrice de l’espace connecté peut vous aider à trouver le bon bureau.

## Pourquoi s’associer ?

Une personne seule a du mal à se faire entendre. Une association peut parler au nom de ses membres, proposer un projet, demander un rendez-vous au maire, suivre un chantier. Sur Baro, un projet citoyen peut être proposé au nom d’un groupe.

## Des droits et des devoirs

Vos droits vont avec des devoirs : respecter la loi, respecter les autres, et protéger les biens publics, comme les forages, les écoles et les centres de santé.`,
        quiz: [
          {
            question: 'Pouvez-vous dire que vous n’êtes pas d’accord avec un projet de la commune ?',
            choices: [
              { text: 'Oui, c’est la liberté d’expression, dans le respect de la loi', correct: true },
              { text: 'Non, jamais', correct: false },
            ],
            explanation: 'La Constitution garantit la liberté d’opinion et d’expression, dans le respect de la loi.',
          },
          {
            question: 'La liberté d’expression permet-elle d’insulter ou de menacer ?',
            choices: [
              { text: 'Oui, on peut tout dire', correct: false },
              { text: 'Non, la loi l’interdit', correct: true },
            ],
            explanation: 'La liberté d’expression a des limites : la loi interdit les injures, la diffamation et les menaces.',
          },
          {
            question: 'Vous voulez créer une association de jeunes. Que faire d’abord ?',
            choices: [
              { text: 'Rien : il n’y a aucune règle', correct: false },
              { text: 'Vous renseigner sur la déclaration et l’autorisation auprès de l’administration', correct: true },
              { text: 'Demander l’accord de chaque habitant du quartier', correct: false },
            ],
            explanation: 'Depuis 2024, une association doit être déclarée à l’administration et autorisée. Renseignez-vous d’abord sur les démarches.',
          },
          {
            question: 'Pour voter aux élections, il faut…',
            choices: [
              { text: 'avoir un compte sur Baro', correct: false },
              { text: 'être membre d’une association', correct: false },
              { text: 'être inscrit ou inscrite sur la liste électorale', correct: true },
            ],
            explanation: 'Pour voter, il faut être inscrit sur la liste électorale. Un compte Baro sert à donner son avis, pas à voter aux élections.',
          },
        ],
      },
      {
        slug: 'debattre-avec-respect',
        title: 'Débattre avec respect',
        body: `## Un bon débat

Dans un débat, chacun peut avoir une idée différente. C’est normal. Le but n’est pas de gagner contre l’autre. Le but est de trouver ensemble la meilleure solution pour la commune.

## Quelques règles simples

- Écoutez jusqu’au bout avant de répondre.
- Parlez de l’idée, pas de la personne. Dites : « Je ne suis pas d’accord avec ce projet, parce que… ». Ne dites pas : « Vous dites n’importe quoi ».
- Donnez des faits : ce que vous avez vu, ce que vous vivez.
- Soyez court et clair.
- Laissez parler ceux qu’on entend peu : les femmes, les jeunes, les personnes handicapées, les villages éloignés.
- Pas d’insulte, pas de menace, pas de moquerie sur l’origine, la religion, la langue ou le sexe de quelqu’un.
- Ne publiez pas le numéro de téléphone ou l’adresse de quelqu’un.
- Vérifiez une information avant de la partager.

## Le harcèlement n’est pas un débat

Des femmes n’osent plus parler en public parce qu’on se moque d’elles ou qu’on les menace. C’est inacceptable. Si vous le voyez, soutenez la personne. Sur Baro, vous pouvez signaler un contenu qui insulte, harcèle ou menace.

## Critiquer un élu

Vous pouvez critiquer une décision. Les élus doivent rendre compte de ce qu’ils font. Une critique polie et précise est plus forte : un élu peut répondre à une question claire.

## Quand on vous critique

Ne le prenez pas comme une attaque. Demandez ce qui pourrait rendre votre idée meilleure. Changer d’avis après avoir écouté, ce n’est pas une faiblesse.`,
        quiz: [
          {
            question: 'Quelle phrase respecte les règles du débat ?',
            choices: [
              { text: '« Je ne suis pas d’accord avec ce projet, parce que le marché sera trop loin. »', correct: true },
              { text: '« Vous dites n’importe quoi, taisez-vous. »', correct: false },
            ],
            explanation: 'Parlez de l’idée, pas de la personne, et donnez vos raisons.',
          },
          {
            question: 'Quelqu’un se moque d’une femme et la menace dans les commentaires. Que faire ?',
            choices: [
              { text: 'Rire avec les autres', correct: false },
              { text: 'Soutenir la personne et signaler le contenu', correct: true },
              { text: 'Répondre par des insultes', correct: false },
            ],
            explanation: 'Le harcèlement n’est pas un débat. Soutenez la personne et signalez le contenu.',
          },
          {
            question: 'Pouvez-vous publier le numéro de téléphone d’un voisin dans un commentaire ?',
            choices: [
              { text: 'Oui, si vous êtes en colère contre lui', correct: false },
              { text: 'Non', correct: true },
            ],
            explanation: 'Le numéro de téléphone et l’adresse de quelqu’un sont des informations personnelles. Ne les publiez pas.',
          },
          {
            question: 'Quel est le but d’un débat ?',
            choices: [
              { text: 'Trouver ensemble la meilleure solution', correct: true },
              { text: 'Faire taire l’autre', correct: false },
            ],
            explanation: 'Le but n’est pas de gagner contre l’autre, mais de trouver ensemble la meilleure solution pour la commune.',
          },
        ],
      },
    ],
  },

  // ───────────────────────────────────────────────────────────── 3. Prendre part sur Baro
  {
    slug: 'prendre-part-sur-baro',
    title: 'Prendre part sur Baro',
    summary:
      'Lire un sujet, commenter et voter, proposer un projet citoyen et recueillir des soutiens, signaler un contenu abusif, vous faire aider à l’espace connecté et protéger votre compte.',
    scope: 'region',
    lessons: [
      {
        slug: 'lire-un-sujet',
        title: 'Lire un sujet de consultation',
        body: `## Qu’est-ce qu’un sujet ?

Sur Baro, les élus et les services techniques publient des sujets : un plan, une partie du budget, un nouveau marché, un forage. Chaque sujet est une question posée aux habitants.

## Trouver un sujet

Ouvrez Baro sur votre téléphone, ou sur un ordinateur de l’espace connecté. Choisissez « Consultations ». Choisissez votre commune avec « Ma commune ». Vous pouvez aussi chercher un mot avec « Rechercher ». Pas besoin de compte pour lire.

## La page d’un sujet

En haut, vous voyez :

- le titre, et qui l’a publié : par exemple le maire ou une cheffe de service ;
- l’étape du sujet ;
- les dates de la consultation ;
- le texte qui explique le projet, et parfois le lieu.

Plus bas, vous trouvez les résultats du vote et les commentaires des habitants.

## Les étapes d’un sujet

1. **Information** : la commune explique. Vous lisez. Le vote n’est pas encore ouvert.
2. **Consultation ouverte** : vous pouvez commenter et voter.
3. **Délibération** : la consultation est fermée. Les élus examinent les avis.
4. **Décidé** : la commune publie sa décision et répond aux principales remarques.
5. **Archivé** : le sujet est terminé. Il reste lisible.

## Lire avec attention

Lisez tout le texte avant de donner votre avis. Si un mot est difficile, posez la question dans un commentaire, avec la position « Question ». Vous pouvez aussi demander à l’animateur ou à l’animatrice. Si le texte a été modifié, l’historique des modifications le montre.`,
        quiz: [
          {
            question: 'Faut-il un compte pour lire un sujet ?',
            choices: [
              { text: 'Non', correct: true },
              { text: 'Oui', correct: false },
            ],
            explanation: 'Tout le monde peut lire les sujets. Un compte sert à commenter et à voter.',
          },
          {
            question: 'À quelle étape pouvez-vous commenter et voter ?',
            choices: [
              { text: 'Information', correct: false },
              { text: 'Consultation ouverte', correct: true },
              { text: 'Archivé', correct: false },
            ],
            explanation: 'On commente et on vote pendant l’étape « Consultation ouverte ».',
          },
          {
            question: 'Que publie la commune à l’étape « Décidé » ?',
            choices: [
              { text: 'Rien', correct: false },
              { text: 'Sa décision, et ses réponses aux principales remarques', correct: true },
            ],
            explanation: 'À l’étape « Décidé », la commune dit ce qu’elle a décidé et répond à ce qui a été dit.',
          },
          {
            question: 'Un mot du texte est difficile. Que faire ?',
            choices: [
              { text: 'Voter au hasard', correct: false },
              { text: 'Poser une question en commentaire, ou demander à l’animateur ou à l’animatrice', correct: true },
              { text: 'Fermer la page', correct: false },
            ],
            explanation: 'La position « Question » sert à demander une explication. L’animateur ou l’animatrice peut aussi vous aider.',
          },
        ],
      },
      {
        slug: 'commenter-et-voter',
        title: 'Donner votre avis : commenter et voter',
        body: `## Se connecter

Pour commenter ou voter, choisissez « Se connecter ». Utilisez votre numéro de téléphone, votre adresse e-mail ou votre code participant, avec votre mot de passe ou votre code PIN. Pas encore de compte ? Choisissez « Créer un compte », ou faites-vous aider dans un espace connecté.

## Écrire un commentaire

Quand la consultation est ouverte :

1. Choisissez votre position : **Pour**, **Contre**, **Neutre** ou **Question**.
2. Écrivez votre commentaire. Dites ce que vous pensez, et pourquoi. Un exemple de votre vie aide les élus à comprendre.
3. Envoyez-le.

Votre commentaire est publié avec votre nom. Parfois, il est d’abord vérifié par la modération, par exemple s’il contient un numéro de téléphone. Vous avez 15 minutes pour le modifier. Vous pouvez le supprimer plus tard.

Vous pouvez aussi répondre à un commentaire. Si vous pensez la même chose que quelqu’un, choisissez « Soutenir » sous son commentaire : c’est mieux que de répéter la même idée.

## Voter

Sous « Votre vote », choisissez **Pour**, **Contre** ou **Abstention**, ou l’une des réponses proposées. Puis choisissez « Voter ». Chaque personne a une seule voix par sujet. Tant que la consultation est ouverte, vous pouvez changer votre vote avec « Changer mon vote ».

## Et après ?

Quand la consultation ferme, les élus lisent les avis. Quand la commune décide, elle publie sa décision. Baro peut vous prévenir par une notification.

Un vote sur Baro n’est pas une élection. C’est un avis, que la commune doit lire. La décision revient au conseil communal.`,
        quiz: [
          {
            question: 'Quelles positions pouvez-vous choisir pour un commentaire ?',
            choices: [
              { text: 'Pour, Contre, Neutre ou Question', correct: true },
              { text: 'Seulement Pour', correct: false },
              { text: 'Aucune, il faut seulement écrire', correct: false },
            ],
            explanation: 'Chaque commentaire a une position : Pour, Contre, Neutre ou Question.',
          },
          {
            question: 'Combien de votes avez-vous sur un sujet ?',
            choices: [
              { text: 'Autant que vous voulez', correct: false },
              { text: 'Un seul, que vous pouvez changer tant que la consultation est ouverte', correct: true },
            ],
            explanation: 'Chaque personne a une seule voix par sujet. Vous pouvez la changer tant que la consultation est ouverte.',
          },
          {
            question: 'Quelqu’un a déjà écrit exactement votre idée. Que faire ?',
            choices: [
              { text: 'Copier son texte dans un nouveau commentaire', correct: false },
              { text: 'Soutenir son commentaire', correct: true },
            ],
            explanation: 'Le bouton « Soutenir » montre que vous êtes d’accord, sans répéter la même idée.',
          },
          {
            question: 'Le résultat d’un vote sur Baro…',
            choices: [
              { text: 'remplace la décision du conseil communal', correct: false },
              { text: 'est un avis que la commune lit ; la décision revient au conseil', correct: true },
            ],
            explanation: 'Baro recueille l’avis des habitants. Le conseil communal décide, puis publie sa décision.',
          },
        ],
      },
      {
        slug: 'proposer-un-projet-citoyen',
        title: 'Proposer un projet citoyen',
        body: `## Votre idée pour la commune

Un projet citoyen, c’est une proposition écrite par des habitants. Par exemple : des lampes solaires dans une rue, un hangar pour les vendeuses, un mur autour de l’école. Vous pouvez le proposer seul, avec d’autres, ou au nom d’une association.

## Écrire le projet

Allez dans « Projets citoyens », puis « Proposer un projet ». Remplissez :

- un titre court et clair ;
- le problème aujourd’hui : ce qui ne va pas, et qui est touché ;
- la solution proposée : ce que vous voulez faire, et comment ;
- le secteur, le lieu, et pour qui ;
- le coût estimé en francs CFA, si vous le connaissez.

Vous pouvez inviter des co-porteurs déjà inscrits sur Baro. « Enregistrer le brouillon » garde votre texte sans le publier. « Soumettre le projet » le publie.

## Recueillir des soutiens

Une fois soumis, le projet recueille des soutiens pendant un temps limité. Chaque personne peut le soutenir une fois, avec « Soutenir ce projet ». Une barre montre combien de soutiens il a, et combien il en faut. Ce nombre et cette durée sont fixés pour chaque commune.

Parlez de votre projet autour de vous : au marché, au grin, dans votre association, à l’espace connecté.

## Quand le seuil est atteint

La commune doit alors répondre publiquement. Elle peut accepter le projet, le mettre à l’examen, ou le refuser en donnant sa raison. Si le projet se réalise, vous suivez chaque étape sur sa page. Si le seuil n’est pas atteint à temps, la collecte s’arrête, mais le projet reste visible.

Un bon projet est précis, réaliste, et répond à un vrai besoin de beaucoup de personnes.`,
        quiz: [
          {
            question: 'Que faut-il décrire dans un projet citoyen ?',
            choices: [
              { text: 'Seulement votre nom', correct: false },
              { text: 'Le problème d’aujourd’hui et la solution proposée', correct: true },
            ],
            explanation: 'Un projet dit ce qui ne va pas, qui est touché, et ce que vous proposez de faire.',
          },
          {
            question: 'Combien de fois une personne peut-elle soutenir un même projet ?',
            choices: [
              { text: 'Une fois', correct: true },
              { text: 'Autant qu’elle veut', correct: false },
              { text: 'Une fois par jour', correct: false },
            ],
            explanation: 'Chaque personne peut soutenir un projet une seule fois.',
          },
          {
            question: 'Le projet atteint le nombre de soutiens nécessaire. Que se passe-t-il ?',
            choices: [
              { text: 'Les travaux commencent tout seuls', correct: false },
              { text: 'La commune doit répondre publiquement', correct: true },
            ],
            explanation: 'Au seuil, la commune doit répondre publiquement : accepter, mettre à l’examen, ou refuser en donnant sa raison.',
          },
          {
            question: 'À quoi sert « Enregistrer le brouillon » ?',
            choices: [
              { text: 'À garder votre texte sans le publier', correct: true },
              { text: 'À publier le projet tout de suite', correct: false },
            ],
            explanation: 'Le brouillon garde votre texte. Vous le publiez plus tard avec « Soumettre le projet ».',
          },
        ],
      },
      {
        slug: 'signaler-un-contenu',
        title: 'Signaler un contenu abusif',
        body: `## Quand signaler ?

Baro est un lieu de débat. Chacun doit pouvoir y parler sans peur. Vous pouvez signaler un commentaire ou un projet qui contient, par exemple :

- une insulte ou du harcèlement, y compris du harcèlement sexiste ;
- de la haine ou de la discrimination ;
- une menace ou de la violence ;
- des informations personnelles, comme le numéro de téléphone de quelqu’un ;
- du spam ou de la publicité ;
- une fausse information, ou un texte hors sujet.

Ne signalez pas un avis seulement parce que vous n’êtes pas d’accord. Un désaccord poli n’est pas un abus : répondez plutôt par un commentaire.

## Comment signaler

1. Sous le contenu, choisissez « Signaler ».
2. Choisissez le motif.
3. Ajoutez des précisions, si vous voulez.
4. Choisissez « Envoyer le signalement ».

Vous ne pouvez signaler un même contenu qu’une fois.

## Ensuite

L’équipe de modération examine le contenu. Quand plusieurs personnes signalent le même contenu, il est masqué en attendant son avis. La modération peut le remettre en ligne, ou le masquer en donnant une raison publique. Vous recevez une notification quand votre signalement a été traité.

Un élu ne modère jamais le débat sur son propre sujet. Chaque décision de modération est enregistrée, et les chiffres de la modération sont publics.

## Si votre contenu est masqué

Vous voyez la raison. Vous pouvez faire un recours, une seule fois. Une autre personne de la modération revoit alors la décision.

## En cas de danger

Si quelqu’un vous menace, parlez-en aussi à une personne de confiance, à l’animateur ou à l’animatrice, ou aux autorités.`,
        quiz: [
          {
            question: 'Un commentaire donne le numéro de téléphone d’une femme et se moque d’elle. Que faire ?',
            choices: [
              { text: 'Le signaler', correct: true },
              { text: 'Le partager', correct: false },
              { text: 'Ne rien faire', correct: false },
            ],
            explanation: 'Informations personnelles et harcèlement : c’est un abus. Signalez-le.',
          },
          {
            question: 'Vous n’êtes pas d’accord avec un avis poli. Faut-il le signaler ?',
            choices: [
              { text: 'Oui', correct: false },
              { text: 'Non, répondez plutôt par un commentaire', correct: true },
            ],
            explanation: 'Un désaccord n’est pas un abus. Le débat se fait en répondant.',
          },
          {
            question: 'Qui examine un contenu signalé ?',
            choices: [
              { text: 'L’élu qui a publié le sujet', correct: false },
              { text: 'L’équipe de modération', correct: true },
              { text: 'La personne qui a signalé', correct: false },
            ],
            explanation: 'La modération examine les signalements. Un élu ne modère jamais le débat sur son propre sujet.',
          },
          {
            question: 'Votre commentaire a été masqué, et vous pensez que c’est une erreur. Que faire ?',
            choices: [
              { text: 'Créer un autre compte', correct: false },
              { text: 'Faire un recours', correct: true },
            ],
            explanation: 'Vous pouvez faire un recours, une fois. Une autre personne de la modération revoit la décision.',
          },
        ],
      },
      {
        slug: 'aide-et-securite',
        title: 'Vous faire aider et protéger votre compte',
        body: `## Les espaces connectés

À Kayes, à Nioro du Sahel et à Yélimané, des espaces connectés vous accueillent : des salles avec des ordinateurs, internet, et un animateur ou une animatrice. L’adresse et les heures d’ouverture sont dans « Espaces ».

L’animateur ou l’animatrice peut :

- vous aider à créer un compte ;
- vous inscrire si vous n’avez ni téléphone ni e-mail. Vous recevez une carte avec un code participant et un code PIN à six chiffres ;
- vous lire un sujet et écrire ce que vous dites, avec votre accord. Votre contribution porte la mention « Saisi avec l’aide de » l’espace. Vous pouvez la retrouver et la retirer dans « Mon compte » ;
- vous inviter aux débats publics de l’espace.

## Gardez votre code PIN secret

Votre code PIN, c’est la clé de votre compte. Avec lui, quelqu’un peut parler en votre nom.

- Ne le donnez à personne, même pas à un proche.
- L’animateur ou l’animatrice n’en a pas besoin pour vous aider : votre code participant suffit.
- Rangez votre carte dans un endroit sûr.
- Vous l’avez oublié, ou quelqu’un le connaît ? Allez à l’espace où vous êtes inscrit. On vous donnera un nouveau code PIN, en personne. L’ancien ne marchera plus.

Faites de même avec votre mot de passe.

## Sur un ordinateur partagé

À l’espace connecté, beaucoup de personnes utilisent le même ordinateur. Quand vous avez fini, choisissez toujours le grand bouton « Terminer ma session », en haut de la page. Ainsi, la personne suivante ne peut pas agir à votre place. La session se termine aussi toute seule après quelques minutes sans activité, mais ne comptez pas là-dessus.

Sur un téléphone prêté, choisissez « Se déconnecter » avant de le rendre. Vous avez oublié ? Dans « Mon compte », choisissez « Me déconnecter partout ».`,
        quiz: [
          {
            question: 'Qui peut vous aider à créer un compte à l’espace connecté ?',
            choices: [
              { text: 'L’animateur ou l’animatrice', correct: true },
              { text: 'Personne', correct: false },
            ],
            explanation: 'L’animateur ou l’animatrice aide à créer un compte, et inscrit les personnes qui n’ont ni téléphone ni e-mail.',
          },
          {
            question: 'Quelqu’un vous demande votre code PIN pour « vous aider ». Que faire ?',
            choices: [
              { text: 'Le lui donner', correct: false },
              { text: 'Refuser : personne n’en a besoin pour vous aider', correct: true },
            ],
            explanation: 'Votre code PIN reste secret. Pour vous aider, l’animateur ou l’animatrice utilise votre code participant.',
          },
          {
            question: 'Vous avez fini sur l’ordinateur de l’espace connecté. Que faire ?',
            choices: [
              { text: 'Partir en laissant la page ouverte', correct: false },
              { text: 'Choisir « Terminer ma session »', correct: true },
              { text: 'Éteindre l’écran seulement', correct: false },
            ],
            explanation: '« Terminer ma session » empêche la personne suivante d’agir à votre place.',
          },
          {
            question: 'Vous avez oublié votre code PIN. Que faire ?',
            choices: [
              { text: 'Aller à l’espace où vous êtes inscrit, pour recevoir un nouveau code en personne', correct: true },
              { text: 'Essayer des codes au hasard', correct: false },
              { text: 'Créer un deuxième compte', correct: false },
            ],
            explanation: 'Un nouveau code PIN se donne en personne, à l’espace où vous êtes inscrit. L’ancien ne marche plus.',
          },
          {
            question: 'L’animatrice écrit un commentaire pour vous. Que faut-il ?',
            choices: [
              { text: 'Rien', correct: false },
              { text: 'Votre accord ; ensuite, vous pouvez le retirer depuis votre compte', correct: true },
            ],
            explanation: 'Rien n’est écrit en votre nom sans votre accord. Vous pouvez retirer la contribution depuis « Mon compte ».',
          },
        ],
      },
    ],
  },
];
