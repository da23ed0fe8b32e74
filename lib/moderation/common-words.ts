import { foldWord } from './normalize';

/**
 * Everyday French words a screening term may not be (nor be made only of): one of them on the list
 * would refuse most comments of a commune. Articles, pronouns, little words, common verbs, and the
 * words every consultation uses. Compared folded, like the terms themselves.
 */
const WORDS = `
le la les un une des du de au aux et ou où mais donc or ni car que qui quoi dont ce cet cette ces ceci cela ça
mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs je tu il elle on nous vous ils elles me te se
moi toi lui eux soi en ne pas plus moins très trop bien mal tout tous toute toutes avec sans pour par sur sous
dans chez entre vers avant après depuis pendant contre comme si oui non aussi encore déjà alors ici là
quand comment pourquoi combien rien personne chose autre autres même mêmes chaque quel quelle quels quelles
est sont suis es sommes êtes était étaient été être ai as avons avez ont avait avoir fait faire faut dit dire
va vont vais aller peut peuvent pouvoir veut veulent vouloir doit doivent devoir voir vu sait savoir donne donner
peu beaucoup assez jour jours an ans année années mois semaine aujourd hui demain hier temps fois
merci bonjour bonsoir salut svp madame monsieur mme
eau puits forage pompe école écoles santé centre marché marchés route routes pont commune communes mairie maire
village villages quartier quartiers femme femmes homme hommes enfant enfants jeune jeunes gens population
projet projets budget plan conseil service services association groupe famille familles argent prix franc
francs fcfa cfa travail travaux terre champ champs riz mil lait élève élèves maître maîtres hôpital
`;

export const COMMON_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean).map(foldWord));
