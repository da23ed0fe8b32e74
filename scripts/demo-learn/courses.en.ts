/**
 * English version of the three demo courses of /learn (issue 15). Faithful to courses.ts: same slugs, same
 * lessons in the same order, same questions with the same choices in the same order (the same one correct).
 * Malian legal names stay in French, with an English gloss, as they are cited that way in Mali.
 */
import { BUDGET_LESSON_SLUG, type DemoCourse } from './courses';

export const DEMO_COURSES_EN: DemoCourse[] = [
  // ───────────────────────────────────────────────────────────── 1. Your commune and you
  {
    slug: 'la-commune-et-vous',
    title: 'Your commune and you',
    summary:
      'Who decides in your commune, how, and with what money. The communal council, the mayor, public sessions, the development plan and the budget. And how you can follow it and take part.',
    scope: 'region',
    lessons: [
      {
        slug: 'le-conseil-communal-et-le-maire',
        title: 'The communal council and the mayor',
        body: `## The commune

Mali is organised in regions, cercles and communes. The commune is the level closest to you. A rural commune brings together villages or fractions. An urban commune brings together neighbourhoods.

## The communal council

Every commune has a communal council. Its members, the councillors, are elected by the voters of the commune. The number of councillors depends on the number of inhabitants. These rules are written in the Code des collectivités territoriales, the code of territorial collectivities.

The council settles the affairs of the commune. It votes the development plan and the budget. It decides, for example, to build a classroom, a water point or a market.

## The mayor and the deputies

The mayor and the deputy mayors are councillors. Together, they form the communal bureau.

The mayor runs the administration of the commune. The mayor prepares the budget. After the council's vote, the mayor has it carried out. The mayor applies the council's decisions and represents the commune. The mayor is also the civil registrar: the town hall records births, marriages and deaths.

The deputies help the mayor. Each one looks after certain areas, for example civil registration, education or finance.

## The State is still there

A representative of the State checks that the commune's decisions respect the law. In some cases set by law, the State can appoint, for a time, a special delegation in place of the council.

## What this means for you

The councillors and the mayor work for all the inhabitants: women and men, young and old. You can go and see them, ask them questions, and tell them what your village or neighbourhood needs.`,
        quiz: [
          {
            question: 'Who elects the communal councillors?',
            choices: [
              { text: 'The voters of the commune', correct: true },
              { text: 'The governor of the region', correct: false },
              { text: 'The mayor', correct: false },
            ],
            explanation: 'Communal councillors are elected by the voters of the commune. They represent all the inhabitants.',
          },
          {
            question: 'Who votes the commune’s budget?',
            choices: [
              { text: 'The mayor, alone', correct: false },
              { text: 'The communal council', correct: true },
              { text: 'The village chief', correct: false },
            ],
            explanation: 'The mayor prepares the budget, but the communal council votes it.',
          },
          {
            question: 'The mayor and the deputy mayors form…',
            choices: [
              { text: 'the communal bureau', correct: true },
              { text: 'the village council', correct: false },
              { text: 'the water service', correct: false },
            ],
            explanation: 'The mayor and the deputies are councillors. Together, they form the communal bureau.',
          },
          {
            question: 'A child has just been born. Where do you register the birth?',
            choices: [
              { text: 'At the market', correct: false },
              { text: 'At the commune’s civil registry', correct: true },
            ],
            explanation: 'The mayor is the civil registrar. The commune records births, marriages and deaths.',
          },
        ],
      },
      {
        slug: 'les-sessions-du-conseil',
        title: 'Council sessions, open to the public',
        body: `## The council meets in sessions

The communal council meets several times a year. These meetings are called sessions. The mayor calls the councillors together. The mayor sets the agenda, that is, the list of questions to deal with.

## The sittings are public

As a general rule, council sittings are open to the public. You can attend, even if you are not a councillor. For a sensitive question, the council can decide to sit in camera, that is, without the public. This is an exception.

In the room, the public listens. It does not vote. As a rule, it does not speak during the debate. Stay calm and respectful.

## Knowing the date

Ask the town hall for the date of the next session. It is often announced by a poster, by the town crier or on local radio. The facilitator of the connected space can also help you find it.

## After the session

The council's decisions are called deliberations. They are written down, then posted or kept at the town hall. You can ask to read them.

## Why go?

Going to a session means seeing how your elected officials decide. You hear their arguments. You know what was voted for your village or neighbourhood. Afterwards, you can talk about it around you and give your opinion on Baro.

Go with other women, other young people, with your association. The more of you there are, the more the officials see that people follow their work.`,
        quiz: [
          {
            question: 'Are the sittings of the communal council open to the public?',
            choices: [
              { text: 'Yes, as a general rule', correct: true },
              { text: 'No, never', correct: false },
              { text: 'Only for village chiefs', correct: false },
            ],
            explanation: 'As a general rule, sittings are public. Sitting in camera is an exception.',
          },
          {
            question: 'What does “sitting in camera” mean?',
            choices: [
              { text: 'Meeting in a village', correct: false },
              { text: 'Meeting without the public', correct: true },
              { text: 'Meeting on the radio', correct: false },
            ],
            explanation: 'In camera, the council meets without the public. It is an exception, for sensitive questions.',
          },
          {
            question: 'What are the decisions of the communal council called?',
            choices: [
              { text: 'Deliberations', correct: true },
              { text: 'Fines', correct: false },
              { text: 'Petitions', correct: false },
            ],
            explanation: 'The council’s decisions are called deliberations. You can ask to read them at the town hall.',
          },
          {
            question: 'During the session, what does the public do?',
            choices: [
              { text: 'It votes with the councillors', correct: false },
              { text: 'It listens, without voting', correct: true },
              { text: 'It leads the debate', correct: false },
            ],
            explanation: 'The public listens and does not vote. Only councillors vote.',
          },
        ],
      },
      {
        slug: 'le-pdesc',
        title: 'The PDESC, the commune’s development plan',
        body: `## A plan for several years

The PDESC is the commune's Programme de Développement Économique, Social et Culturel: its economic, social and cultural development programme. It is the commune's plan for several years. It says what the commune wants to do, where, and in what order.

## What is in it

The PDESC starts from the needs of the inhabitants. For example, it covers:

- water: boreholes, wells, standpipes;
- health: health centre, maternity unit;
- education: classrooms, latrines, school desks;
- the economy: market, rural roads, farm works, market gardens;
- culture, sport and the environment.

## How it is prepared

The plan is prepared with the people. Meetings are held in the villages, fractions and neighbourhoods. The State's technical services give their opinion: water, health, education, agriculture. Associations, women and young people also have their say. Then the communal council adopts the plan in session.

## From plan to reality

The PDESC, on its own, pays for nothing. Each year, the commune chooses the actions of the plan it can carry out. It writes them into its budget. Some actions wait, for lack of money. Others are funded with help from the State or from partners.

## Your role

When the commune prepares or revises its PDESC, that is the right time to speak. Go to the meetings in your village or neighbourhood. Say what your priorities are. On Baro, officials can put the plan to consultation: read it, comment, vote.

Later, check that the promised actions move forward. Ask how far they have got.`,
        quiz: [
          {
            question: 'What does PDESC stand for?',
            choices: [
              { text: 'Programme de Développement Économique, Social et Culturel (economic, social and cultural development programme)', correct: true },
              { text: 'Plan des Dépenses de l’État pour les Services Communaux (State spending plan for communal services)', correct: false },
              { text: 'Projet de Décision des Élus sur la Sécurité Communale (officials’ draft decision on communal security)', correct: false },
            ],
            explanation: 'The PDESC is the Programme de Développement Économique, Social et Culturel: the commune’s plan for several years.',
          },
          {
            question: 'Who adopts the PDESC?',
            choices: [
              { text: 'A foreign partner', correct: false },
              { text: 'The communal council', correct: true },
              { text: 'The neighbourhood chief, alone', correct: false },
            ],
            explanation: 'The plan is prepared with the people and the technical services, then the communal council adopts it in session.',
          },
          {
            question: 'An action is written in the PDESC. Is it already paid for?',
            choices: [
              { text: 'Yes, everything in the plan is paid for', correct: false },
              { text: 'No, it must still be written into a year’s budget', correct: true },
            ],
            explanation: 'The PDESC pays for nothing on its own. Each year, the commune puts into the budget the actions it can carry out.',
          },
          {
            question: 'When is the right time to state your priorities?',
            choices: [
              { text: 'When the commune prepares or revises its PDESC', correct: true },
              { text: 'Only when the works are finished', correct: false },
              { text: 'Never: it is for elected officials only', correct: false },
            ],
            explanation: 'The plan is prepared with the people. The preparation meetings are the right time to speak.',
          },
        ],
      },
      {
        slug: BUDGET_LESSON_SLUG,
        title: 'Understanding the communal budget',
        body: `## What is the budget?

The budget is the money the commune expects to receive and to spend during one year. It is counted in CFA francs. It must be balanced: the commune does not plan to spend more than it can receive.

## Where does the money come from?

- **Local resources**: the taxes and duties paid in the commune, such as market fees.
- **The State**: it gives money to the communes, for example for schools, health and water. It also helps fund investments.
- **Partners**: NGOs, development cooperation, twinned towns, associations of people from the commune living elsewhere. In the Kayes region, migrants often fund projects in their home village.

## What is the money for?

The budget has two parts.

- **Running costs**: what keeps the commune working every day. Salaries, upkeep, supplies.
- **Investment**: what lasts a long time. A classroom, a borehole, a market, a rural road.

## Who decides?

1. The mayor prepares the draft budget.
2. The communal council debates it and votes it, in session.
3. The representative of the State checks the budget.
4. During the year, the mayor orders the spending. A public accountant of the Treasury pays. The one who decides is not the one who pays: this is a safeguard.
5. At the end of the year, the administrative account shows what was really received and spent. The council votes it too.

## What you can do

The budget is a public document. Ask to read it at the town hall. Compare what was planned with what was done. Ask the officials your questions, at a meeting or on Baro. And paying local taxes helps the commune act.`,
        quiz: [
          {
            question: 'Who votes the communal budget?',
            choices: [
              { text: 'The mayor, alone', correct: false },
              { text: 'The Treasury accountant', correct: false },
              { text: 'The communal council', correct: true },
              { text: 'The partners', correct: false },
            ],
            explanation: 'The mayor prepares the budget. The communal council debates it and votes it, in session.',
          },
          {
            question: 'Where does the commune’s money come from?',
            choices: [
              { text: 'Only from the mayor’s pocket', correct: false },
              { text: 'From local resources, the State and partners', correct: true },
              { text: 'Only from foreign partners', correct: false },
            ],
            explanation: 'The commune has three main sources of money: local taxes and duties, the State, and partners.',
          },
          {
            question: 'Building a borehole is spending on…',
            choices: [
              { text: 'running costs', correct: false },
              { text: 'investment', correct: true },
            ],
            explanation: 'A borehole lasts a long time: it is an investment. Salaries and upkeep are running costs.',
          },
          {
            question: 'Which document shows what was really spent during the year?',
            choices: [
              { text: 'The administrative account', correct: true },
              { text: 'The PDESC', correct: false },
              { text: 'The agenda of the session', correct: false },
            ],
            explanation: 'The administrative account shows what was really received and spent. The council votes it too.',
          },
          {
            question: 'Can you ask to read your commune’s budget?',
            choices: [
              { text: 'Yes, it is a public document', correct: true },
              { text: 'No, it is secret', correct: false },
            ],
            explanation: 'The budget is a public document. You can ask to read it at the town hall.',
          },
        ],
      },
      {
        slug: 'suivre-et-participer',
        title: 'Following your commune and taking part',
        body: `## Several ways to take part

You do not need to be elected to count in your commune. Here are simple ways to take part.

- **Vote in elections.** Check that you are on the electoral roll.
- **Attend council sessions.** As a general rule, they are public.
- **Go to public meetings**: consultations on the development plan, presentations of the budget, debates at the connected space.
- **Talk to your elected officials** and to your village or neighbourhood chief. They can take your question to the council.
- **Join with others.** A women's or youth association, a group or a cooperative is heard better than one person alone.
- **Use Baro.** Read the commune's topics, give your opinion, vote, propose a project.
- **Stand as a candidate** in communal elections, one day, you too.

## Following what is decided

Taking part is not only speaking. It is also following up. Note what the commune promised. Watch whether the works begin. Ask how things stand. On Baro, the commune publishes its decision and answers what was said. For a citizen project, it publishes the stages of its completion.

## With respect

You may disagree with your elected officials. Say so with facts and with respect. Clear, polite criticism is listened to more than an insult.

## Need help?

In the connected spaces of Kayes, Nioro du Sahel and Yélimané, a facilitator can help you read, understand and take part.`,
        quiz: [
          {
            question: 'Do you have to be elected to take part in the life of the commune?',
            choices: [
              { text: 'Yes, only elected officials count', correct: false },
              { text: 'No, every inhabitant can take part', correct: true },
            ],
            explanation: 'Every inhabitant can take part: vote, attend sessions, give an opinion, propose a project.',
          },
          {
            question: 'Why join together in an association?',
            choices: [
              { text: 'To stop paying taxes', correct: false },
              { text: 'To replace the communal council', correct: false },
              { text: 'To be heard better', correct: true },
            ],
            explanation: 'A group is heard better than one person alone. It can also carry a project.',
          },
          {
            question: 'The commune has taken a decision. What can you do next?',
            choices: [
              { text: 'Follow whether it is carried out, and ask how things stand', correct: true },
              { text: 'Nothing: once decided, it is all over', correct: false },
            ],
            explanation: 'Taking part also means following up. Note what was promised and ask how things stand.',
          },
          {
            question: 'You disagree with a decision of the mayor. What do you do?',
            choices: [
              { text: 'Insult the mayor on Baro', correct: false },
              { text: 'Say so with facts and with respect', correct: true },
              { text: 'Always keep quiet', correct: false },
            ],
            explanation: 'Disagreement is allowed. Clear, polite criticism is listened to more than an insult.',
          },
        ],
      },
    ],
  },

  // ───────────────────────────────────────────────────────────── 2. Your rights
  {
    slug: 'vos-droits',
    title: 'Your rights',
    summary:
      'The right to know what the administration does, equality of women and men, the right to take part, to speak your mind and to form associations. And how to debate with respect.',
    scope: 'region',
    lessons: [
      {
        slug: 'le-droit-a-l-information',
        title: 'The right to information',
        body: `## A right, not a favour

The administration works for you. You have the right to know what it does. The Constitution of 22 July 2023 recognises the right of access to information.

An older law explains how: law number 98-012 of 19 January 1998, which governs relations between the administration and the users of public services. It also applies to the communes.

## What you can ask for

Under this law, administrative documents are given to the people who ask for them, with some exceptions. At the town hall, for example, you can ask for:

- the budget and the administrative account;
- the development plan, the PDESC;
- the deliberations of the communal council;
- reports and minutes of meetings.

You can also ask for the documents that concern you personally.

## How to do it

You can read the document on the spot, free of charge. A copy may be at your expense. Make your request at the town hall or at the service concerned. A written and dated request leaves a trace: keep a copy of it. The facilitator of the connected space can help you write it.

## The limits

Some documents are not given out. For example, what concerns defence, security, a court case, or another person's private life.

## If you are refused

A refusal must be written and give its reasons: you must be told why. The refusal can be challenged in court.

## Your languages

The 2023 Constitution makes the national languages the official languages of Mali. French is the working language. If you do not understand a document, ask for it to be explained to you.`,
        quiz: [
          {
            question: 'Can you ask to read your commune’s budget?',
            choices: [
              { text: 'Yes, it is an administrative document you can ask for', correct: true },
              { text: 'No, only elected officials can see it', correct: false },
            ],
            explanation: 'Administrative documents, such as the budget, are given to the people who ask for them, with some exceptions.',
          },
          {
            question: 'Reading a document on the spot, at the town hall…',
            choices: [
              { text: 'is free', correct: true },
              { text: 'always has to be paid for', correct: false },
              { text: 'is for men only', correct: false },
            ],
            explanation: 'Reading on the spot is free. Only a copy may be at your expense.',
          },
          {
            question: 'You are refused a document. What must the administration do?',
            choices: [
              { text: 'Nothing, it does not have to answer', correct: false },
              { text: 'Give you a written refusal that says why', correct: true },
            ],
            explanation: 'A refusal must be written and give its reasons. It can be challenged in court.',
          },
          {
            question: 'Which document can you be refused?',
            choices: [
              { text: 'The deliberations of the communal council', correct: false },
              { text: 'The commune’s budget', correct: false },
              { text: 'Another person’s medical file', correct: true },
            ],
            explanation: 'Other people’s private lives are protected. The budget and the deliberations can be asked for.',
          },
        ],
      },
      {
        slug: 'egalite-des-femmes-et-des-hommes',
        title: 'Equality of women and men',
        body: `## Equal in rights

The Constitution of 22 July 2023 says that all Malians are born and remain free and equal in rights and duties. It forbids discrimination, in particular on the grounds of sex.

So a woman has the same rights as a man: to vote, to stand as a candidate, to give her opinion, to create an association.

## Women where decisions are made

Mali adopted law number 2015-052 of 18 December 2015, which sets out measures to promote gender in access to appointed and elected positions. It says:

- **For appointments** in the institutions and the public services, each sex must make up at least 30 per cent of the people appointed.
- **For elections** of members of parliament and of councillors of territorial collectivities, a list of at least three candidates is refused if it has more than 70 per cent women, or more than 70 per cent men.
- **For local elections**, lists alternate: after two candidates of the same sex, the third must be of the other sex.

## Equality every day

A law is not enough. Women often have less time, less money and fewer chances to speak in public. Here is what helps:

- holding meetings at times when women can come;
- giving women the floor, and listening to them to the end;
- helping girls go to school and stay there;
- supporting women who want to stand as candidates.

## On Baro

On Baro, the commune can see how many women and young people gave their opinion. This is to measure whether they are heard. Giving your gender and age is optional. They are never shown next to your name: they only count in totals.`,
        quiz: [
          {
            question: 'According to the 2023 Constitution, women and men are…',
            choices: [
              { text: 'equal only in towns', correct: false },
              { text: 'equal in rights and duties', correct: true },
            ],
            explanation: 'The Constitution says that all Malians are equal in rights and duties, and forbids discrimination on the grounds of sex.',
          },
          {
            question: 'For appointments in the public services, what does the 2015 law require?',
            choices: [
              { text: 'At least 30 per cent of each sex', correct: true },
              { text: 'Men only', correct: false },
              { text: 'No rule at all', correct: false },
            ],
            explanation: 'Law number 2015-052 requires at least 30 per cent of each sex among the people appointed.',
          },
          {
            question: 'A list for communal elections has 8 men out of 10 candidates. Is it accepted?',
            choices: [
              { text: 'Yes', correct: false },
              { text: 'No: it has more than 70 per cent men', correct: true },
            ],
            explanation: '8 out of 10 is 80 per cent. A list with more than 70 per cent of one sex is refused.',
          },
          {
            question: 'On Baro, what is your gender used for, if you give it?',
            choices: [
              { text: 'It is shown next to your name', correct: false },
              { text: 'It only counts in totals, to see whether women are heard', correct: true },
              { text: 'It decides who has the right to vote', correct: false },
            ],
            explanation: 'Gender and age are optional. They are only used for counting, in totals.',
          },
        ],
      },
      {
        slug: 'participer-s-exprimer-s-associer',
        title: 'Taking part, speaking your mind, forming associations',
        body: `## The right to take part

The affairs of the commune are yours too. You can vote in elections, if you are on the electoral roll. You can attend the public sessions of the council, go to consultation meetings, and give your opinion on projects.

## The right to speak your mind

The Constitution of 22 July 2023 guarantees freedom of opinion and expression, within the law. You can say that you agree, or not, with a project of the commune. You can ask the elected officials questions and ask for explanations.

This freedom has limits. The law forbids, in particular, insults, defamation and threats.

## The right to form associations

The Constitution also recognises freedom of association and of assembly, under the conditions set by law. With others, you can create an association of women, of young people, of a neighbourhood or of people from your home area.

Associations are governed by law number 04-038 of 5 August 2004 on associations. This law was amended in 2024: an association must now be declared to the administration and authorised. Before creating yours, find out about the steps. The facilitator of the connected space can help you find the right office.

## Why form an association?

One person alone finds it hard to be heard. An association can speak for its members, propose a project, ask to meet the mayor, follow a building site. On Baro, a citizen project can be proposed on behalf of a group.

## Rights and duties

Your rights come with duties: respecting the law, respecting others, and protecting public property, such as boreholes, schools and health centres.`,
        quiz: [
          {
            question: 'Can you say that you disagree with a project of the commune?',
            choices: [
              { text: 'Yes, that is freedom of expression, within the law', correct: true },
              { text: 'No, never', correct: false },
            ],
            explanation: 'The Constitution guarantees freedom of opinion and expression, within the law.',
          },
          {
            question: 'Does freedom of expression allow insults or threats?',
            choices: [
              { text: 'Yes, you can say anything', correct: false },
              { text: 'No, the law forbids them', correct: true },
            ],
            explanation: 'Freedom of expression has limits: the law forbids insults, defamation and threats.',
          },
          {
            question: 'You want to create a youth association. What do you do first?',
            choices: [
              { text: 'Nothing: there are no rules', correct: false },
              { text: 'Find out from the administration about declaration and authorisation', correct: true },
              { text: 'Ask every inhabitant of the neighbourhood for their agreement', correct: false },
            ],
            explanation: 'Since 2024, an association must be declared to the administration and authorised. Find out about the steps first.',
          },
          {
            question: 'To vote in elections, you must…',
            choices: [
              { text: 'have a Baro account', correct: false },
              { text: 'be a member of an association', correct: false },
              { text: 'be on the electoral roll', correct: true },
            ],
            explanation: 'To vote, you must be on the electoral roll. A Baro account is for giving your opinion, not for voting in elections.',
          },
        ],
      },
      {
        slug: 'debattre-avec-respect',
        title: 'Debating with respect',
        body: `## A good debate

In a debate, everyone can have a different idea. That is normal. The aim is not to win against the other person. The aim is to find together the best solution for the commune.

## A few simple rules

- Listen to the end before you answer.
- Talk about the idea, not the person. Say: “I disagree with this project, because…”. Do not say: “You are talking nonsense”.
- Give facts: what you have seen, what you live through.
- Be short and clear.
- Let those who are seldom heard speak: women, young people, people with disabilities, remote villages.
- No insults, no threats, no mocking of anyone's origin, religion, language or sex.
- Do not publish anyone's phone number or address.
- Check a piece of information before you share it.

## Harassment is not debate

Some women no longer dare to speak in public because people mock them or threaten them. This is unacceptable. If you see it, support the person. On Baro, you can report content that insults, harasses or threatens.

## Criticising an elected official

You can criticise a decision. Elected officials must account for what they do. Polite and precise criticism is stronger: an official can answer a clear question.

## When you are criticised

Do not take it as an attack. Ask what could make your idea better. Changing your mind after listening is not a weakness.`,
        quiz: [
          {
            question: 'Which sentence respects the rules of debate?',
            choices: [
              { text: '“I disagree with this project, because the market will be too far away.”', correct: true },
              { text: '“You are talking nonsense, be quiet.”', correct: false },
            ],
            explanation: 'Talk about the idea, not the person, and give your reasons.',
          },
          {
            question: 'Someone mocks a woman and threatens her in the comments. What do you do?',
            choices: [
              { text: 'Laugh along with the others', correct: false },
              { text: 'Support the person and report the content', correct: true },
              { text: 'Answer with insults', correct: false },
            ],
            explanation: 'Harassment is not debate. Support the person and report the content.',
          },
          {
            question: 'Can you publish a neighbour’s phone number in a comment?',
            choices: [
              { text: 'Yes, if you are angry with him', correct: false },
              { text: 'No', correct: true },
            ],
            explanation: 'Someone’s phone number and address are personal information. Do not publish them.',
          },
          {
            question: 'What is the aim of a debate?',
            choices: [
              { text: 'To find the best solution together', correct: true },
              { text: 'To silence the other person', correct: false },
            ],
            explanation: 'The aim is not to win against the other person, but to find together the best solution for the commune.',
          },
        ],
      },
    ],
  },

  // ───────────────────────────────────────────────────────────── 3. Taking part on Baro
  {
    slug: 'prendre-part-sur-baro',
    title: 'Taking part on Baro',
    summary:
      'Read a topic, comment and vote, propose a citizen project and gather supports, report abusive content, get help at the connected space and protect your account.',
    scope: 'region',
    lessons: [
      {
        slug: 'lire-un-sujet',
        title: 'Reading a consultation topic',
        body: `## What is a topic?

On Baro, elected officials and technical services publish topics: a plan, part of the budget, a new market, a borehole. Each topic is a question put to the inhabitants.

## Finding a topic

Open Baro on your phone, or on a computer at the connected space. Choose “Consultations”. Choose your commune with “My commune”. You can also look for a word with “Search”. You do not need an account to read.

## The page of a topic

At the top, you see:

- the title, and who published it: for example the mayor or the head of a service;
- the stage of the topic;
- the dates of the consultation;
- the text that explains the project, and sometimes the place.

Further down, you find the results of the vote and the inhabitants' comments.

## The stages of a topic

1. **Information**: the commune explains. You read. Voting is not open yet.
2. **Open for consultation**: you can comment and vote.
3. **Deliberation**: the consultation is closed. The officials study the opinions.
4. **Decided**: the commune publishes its decision and answers the main remarks.
5. **Archived**: the topic is over. It can still be read.

## Reading carefully

Read the whole text before giving your opinion. If a word is difficult, ask in a comment, with the stance “Question”. You can also ask the facilitator. If the text was changed, the edit history shows it.`,
        quiz: [
          {
            question: 'Do you need an account to read a topic?',
            choices: [
              { text: 'No', correct: true },
              { text: 'Yes', correct: false },
            ],
            explanation: 'Anyone can read topics. An account is for commenting and voting.',
          },
          {
            question: 'At which stage can you comment and vote?',
            choices: [
              { text: 'Information', correct: false },
              { text: 'Open for consultation', correct: true },
              { text: 'Archived', correct: false },
            ],
            explanation: 'You comment and vote during the “Open for consultation” stage.',
          },
          {
            question: 'What does the commune publish at the “Decided” stage?',
            choices: [
              { text: 'Nothing', correct: false },
              { text: 'Its decision, and its answers to the main remarks', correct: true },
            ],
            explanation: 'At the “Decided” stage, the commune says what it decided and answers what was said.',
          },
          {
            question: 'A word in the text is difficult. What do you do?',
            choices: [
              { text: 'Vote at random', correct: false },
              { text: 'Ask a question in a comment, or ask the facilitator', correct: true },
              { text: 'Close the page', correct: false },
            ],
            explanation: 'The “Question” stance is for asking for an explanation. The facilitator can also help you.',
          },
        ],
      },
      {
        slug: 'commenter-et-voter',
        title: 'Giving your opinion: commenting and voting',
        body: `## Signing in

To comment or vote, choose “Sign in”. Use your phone number, your e-mail address or your participant code, with your password or your PIN. No account yet? Choose “Create an account”, or get help at a connected space.

## Writing a comment

When the consultation is open:

1. Choose your stance: **For**, **Against**, **Neutral** or **Question**.
2. Write your comment. Say what you think, and why. An example from your life helps the officials understand.
3. Send it.

Your comment is published with your name. Sometimes it is first checked by the moderators, for example if it contains a phone number. You have 15 minutes to change it. You can delete it later.

You can also reply to a comment. If you think the same as someone, choose “Support” under their comment: that is better than repeating the same idea.

## Voting

Under “Your vote”, choose **For**, **Against** or **Abstain**, or one of the answers offered. Then choose “Vote”. Each person has a single vote per topic. As long as the consultation is open, you can change your vote with “Change my vote”.

## And then?

When the consultation closes, the officials read the opinions. When the commune decides, it publishes its decision. Baro can let you know with a notification.

A vote on Baro is not an election. It is an opinion, which the commune must read. The decision belongs to the communal council.`,
        quiz: [
          {
            question: 'Which stances can you choose for a comment?',
            choices: [
              { text: 'For, Against, Neutral or Question', correct: true },
              { text: 'Only For', correct: false },
              { text: 'None, you only write', correct: false },
            ],
            explanation: 'Every comment has a stance: For, Against, Neutral or Question.',
          },
          {
            question: 'How many votes do you have on a topic?',
            choices: [
              { text: 'As many as you like', correct: false },
              { text: 'One, which you can change as long as the consultation is open', correct: true },
            ],
            explanation: 'Each person has a single vote per topic. You can change it as long as the consultation is open.',
          },
          {
            question: 'Someone has already written exactly your idea. What do you do?',
            choices: [
              { text: 'Copy their text into a new comment', correct: false },
              { text: 'Support their comment', correct: true },
            ],
            explanation: 'The “Support” button shows that you agree, without repeating the same idea.',
          },
          {
            question: 'The result of a vote on Baro…',
            choices: [
              { text: 'replaces the decision of the communal council', correct: false },
              { text: 'is an opinion the commune reads; the decision belongs to the council', correct: true },
            ],
            explanation: 'Baro gathers the inhabitants’ opinions. The communal council decides, then publishes its decision.',
          },
        ],
      },
      {
        slug: 'proposer-un-projet-citoyen',
        title: 'Proposing a citizen project',
        body: `## Your idea for the commune

A citizen project is a proposal written by inhabitants. For example: solar lamps in a street, a shelter for women traders, a wall around the school. You can propose it alone, with others, or on behalf of an association.

## Writing the project

Go to “Citizen projects”, then “Propose a project”. Fill in:

- a short, clear title;
- the problem today: what is wrong, and who is affected;
- the proposed solution: what you want to do, and how;
- the sector, the place, and who it is for;
- the estimated cost in CFA francs, if you know it.

You can invite co-proposers who are already registered on Baro. “Save the draft” keeps your text without publishing it. “Submit the project” publishes it.

## Gathering supports

Once submitted, the project gathers supports for a limited time. Each person can support it once, with “Support this project”. A bar shows how many supports it has, and how many it needs. That number and that time are set for each commune.

Talk about your project around you: at the market, at the grin, in your association, at the connected space.

## When the threshold is reached

The commune must then answer publicly. It can accept the project, put it under review, or refuse it and give its reason. If the project goes ahead, you follow each stage on its page. If the threshold is not reached in time, the collection stops, but the project stays visible.

A good project is precise, realistic, and meets a real need of many people.`,
        quiz: [
          {
            question: 'What must a citizen project describe?',
            choices: [
              { text: 'Only your name', correct: false },
              { text: 'Today’s problem and the proposed solution', correct: true },
            ],
            explanation: 'A project says what is wrong, who is affected, and what you propose to do.',
          },
          {
            question: 'How many times can one person support the same project?',
            choices: [
              { text: 'Once', correct: true },
              { text: 'As many times as they like', correct: false },
              { text: 'Once a day', correct: false },
            ],
            explanation: 'Each person can support a project only once.',
          },
          {
            question: 'The project reaches the number of supports it needs. What happens?',
            choices: [
              { text: 'The works start by themselves', correct: false },
              { text: 'The commune must answer publicly', correct: true },
            ],
            explanation: 'At the threshold, the commune must answer publicly: accept, put under review, or refuse and give its reason.',
          },
          {
            question: 'What is “Save the draft” for?',
            choices: [
              { text: 'To keep your text without publishing it', correct: true },
              { text: 'To publish the project straight away', correct: false },
            ],
            explanation: 'The draft keeps your text. You publish it later with “Submit the project”.',
          },
        ],
      },
      {
        slug: 'signaler-un-contenu',
        title: 'Reporting abusive content',
        body: `## When to report

Baro is a place for debate. Everyone must be able to speak there without fear. You can report a comment or a project that contains, for example:

- an insult or harassment, including sexist harassment;
- hate or discrimination;
- a threat or violence;
- personal information, such as someone's phone number;
- spam or advertising;
- false information, or off-topic text.

Do not report an opinion just because you disagree. Polite disagreement is not abuse: answer with a comment instead.

## How to report

1. Under the content, choose “Report”.
2. Choose the reason.
3. Add details, if you wish.
4. Choose “Send the report”.

You can report the same content only once.

## Next

The moderation team examines the content. When several people report the same content, it is hidden until the team decides. The moderators can put it back, or hide it and give a public reason. You get a notification when your report has been dealt with.

An elected official never moderates the debate on their own topic. Every moderation decision is recorded, and the moderation figures are public.

## If your content is hidden

You see the reason. You can appeal, once. Another person from the moderation team then reviews the decision.

## In case of danger

If someone threatens you, also tell a person you trust, the facilitator, or the authorities.`,
        quiz: [
          {
            question: 'A comment gives a woman’s phone number and mocks her. What do you do?',
            choices: [
              { text: 'Report it', correct: true },
              { text: 'Share it', correct: false },
              { text: 'Do nothing', correct: false },
            ],
            explanation: 'Personal information and harassment: this is abuse. Report it.',
          },
          {
            question: 'You disagree with a polite opinion. Should you report it?',
            choices: [
              { text: 'Yes', correct: false },
              { text: 'No, answer with a comment instead', correct: true },
            ],
            explanation: 'Disagreement is not abuse. Debate happens by answering.',
          },
          {
            question: 'Who examines reported content?',
            choices: [
              { text: 'The official who published the topic', correct: false },
              { text: 'The moderation team', correct: true },
              { text: 'The person who reported it', correct: false },
            ],
            explanation: 'The moderators examine reports. An official never moderates the debate on their own topic.',
          },
          {
            question: 'Your comment was hidden, and you think it is a mistake. What do you do?',
            choices: [
              { text: 'Create another account', correct: false },
              { text: 'Appeal', correct: true },
            ],
            explanation: 'You can appeal, once. Another person from the moderation team reviews the decision.',
          },
        ],
      },
      {
        slug: 'aide-et-securite',
        title: 'Getting help and protecting your account',
        body: `## The connected spaces

In Kayes, Nioro du Sahel and Yélimané, connected spaces welcome you: rooms with computers, internet, and a facilitator. The address and opening hours are under “Spaces”.

The facilitator can:

- help you create an account;
- register you if you have neither a phone nor an e-mail address. You receive a card with a participant code and a six-digit PIN;
- read a topic to you and write down what you say, with your consent. Your contribution then carries the words “Entered with assistance at” and the space. You can find it and withdraw it under “My account”;
- invite you to the space's public debates.

## Keep your PIN secret

Your PIN is the key to your account. With it, someone can speak in your name.

- Give it to nobody, not even to someone close to you.
- The facilitator does not need it to help you: your participant code is enough.
- Keep your card in a safe place.
- You forgot it, or someone knows it? Go to the space where you registered. You will be given a new PIN, in person. The old one will stop working.

Do the same with your password.

## On a shared computer

At the connected space, many people use the same computer. When you have finished, always choose the big “End my session” button, at the top of the page. That way, the next person cannot act in your place. The session also ends by itself after a few minutes without activity, but do not count on it.

On a borrowed phone, choose “Sign out” before giving it back. Forgot? Under “My account”, choose “Sign me out everywhere”.`,
        quiz: [
          {
            question: 'Who can help you create an account at the connected space?',
            choices: [
              { text: 'The facilitator', correct: true },
              { text: 'Nobody', correct: false },
            ],
            explanation: 'The facilitator helps people create an account, and registers people who have neither a phone nor an e-mail address.',
          },
          {
            question: 'Someone asks for your PIN to “help you”. What do you do?',
            choices: [
              { text: 'Give it to them', correct: false },
              { text: 'Refuse: nobody needs it to help you', correct: true },
            ],
            explanation: 'Your PIN stays secret. To help you, the facilitator uses your participant code.',
          },
          {
            question: 'You have finished on the computer at the connected space. What do you do?',
            choices: [
              { text: 'Leave with the page still open', correct: false },
              { text: 'Choose “End my session”', correct: true },
              { text: 'Only switch off the screen', correct: false },
            ],
            explanation: '“End my session” stops the next person from acting in your place.',
          },
          {
            question: 'You have forgotten your PIN. What do you do?',
            choices: [
              { text: 'Go to the space where you registered, to get a new PIN in person', correct: true },
              { text: 'Try codes at random', correct: false },
              { text: 'Create a second account', correct: false },
            ],
            explanation: 'A new PIN is given in person, at the space where you registered. The old one stops working.',
          },
          {
            question: 'The facilitator writes a comment for you. What is needed?',
            choices: [
              { text: 'Nothing', correct: false },
              { text: 'Your consent; afterwards, you can withdraw it from your account', correct: true },
            ],
            explanation: 'Nothing is written in your name without your consent. You can withdraw the contribution under “My account”.',
          },
        ],
      },
    ],
  },
];
