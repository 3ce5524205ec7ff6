// Printed exercise text for the blank subjects: short, plain, written for these fixtures.
// Only WinAnsi characters (the standard PDF fonts): no true minus sign, no ≤.

export type Figure = 'triangle' | 'axes' | 'circle' | 'bars' | 'map'
export type Exercise = { heading: string; lines: string[]; table?: string[][]; figure?: Figure; answer: 'lines' | 'box' }
export type Discipline = { id: string; titles: string[]; info: string[]; exercises: Exercise[]; english?: boolean }

export const DISCIPLINES: readonly Discipline[] = [
  {
    id: 'maths',
    titles: ['Devoir surveillé n°3 — Mathématiques', 'Contrôle de mathématiques : fonctions', 'Bac blanc — Mathématiques'],
    info: ['Durée : 1 h. Calculatrice autorisée.', 'Durée : 2 h. Le barème est donné à titre indicatif.'],
    exercises: [
      { heading: 'Exercice 1 (4 points)', lines: ['Soit f la fonction définie sur R par f(x) = 2x² - 3x + 1.', '1) Calculer f(0) et f(2).', '2) Résoudre l\'équation f(x) = 1.'], answer: 'lines' },
      { heading: 'Exercice 2 (5 points)', lines: ['On donne le tableau de valeurs d\'une fonction g :'], table: [['x', '-2', '-1', '0', '1', '2'], ['g(x)', '7', '2', '-1', '-2', '-1']], answer: 'lines' },
      { heading: 'Exercice 3 (6 points)', lines: ['Le triangle ABC est rectangle en A, avec AB = 6 cm et AC = 8 cm.', 'Calculer la longueur BC, puis la mesure de l\'angle ABC.'], figure: 'triangle', answer: 'box' },
      { heading: 'Exercice 4 (5 points)', lines: ['Tracer dans le repère ci-dessous la droite d\'équation y = 2x - 1.', 'Lire graphiquement les coordonnées du point d\'intersection avec l\'axe des abscisses.'], figure: 'axes', answer: 'lines' },
      { heading: 'Exercice 5 (3 points)', lines: ['Une urne contient 3 boules rouges et 5 boules vertes indiscernables au toucher.', 'On tire une boule au hasard. Quelle est la probabilité qu\'elle soit verte ?'], answer: 'box' },
    ],
  },
  {
    id: 'physique',
    titles: ['Contrôle de Physique-Chimie', 'Évaluation — Physique-Chimie : l\'énergie'],
    info: ['Durée : 55 min. Calculatrice autorisée.', 'Toute réponse doit être justifiée.'],
    exercises: [
      { heading: 'Exercice 1 — Mouvement', lines: ['Un cycliste parcourt 12 km en 30 min.', 'Calculer sa vitesse moyenne en km/h puis en m/s.'], answer: 'lines' },
      { heading: 'Exercice 2 — Mesures', lines: ['On a relevé la tension U aux bornes d\'un conducteur ohmique pour plusieurs intensités I.'], table: [['I (mA)', '0', '10', '20', '30', '40'], ['U (V)', '0', '1,1', '2,0', '3,1', '3,9']], answer: 'lines' },
      { heading: 'Exercice 3 — Circuit', lines: ['Compléter le schéma du circuit et indiquer le sens du courant.'], figure: 'circle', answer: 'box' },
      { heading: 'Exercice 4 — Énergie', lines: ['Une bouilloire de puissance 2 000 W fonctionne pendant 3 min.', 'Calculer l\'énergie électrique consommée, en joules puis en kWh.'], answer: 'lines' },
    ],
  },
  {
    id: 'svt',
    titles: ['Évaluation de SVT — La cellule', 'Devoir de Sciences de la vie et de la Terre'],
    info: ['Durée : 50 min.', 'Soignez la présentation et l\'orthographe.'],
    exercises: [
      { heading: 'Partie 1 — Restitution', lines: ['Définir les mots suivants : cellule, noyau, chromosome.'], answer: 'lines' },
      { heading: 'Partie 2 — Document', lines: ['Le graphique ci-dessous présente la population de lynx sur dix ans.', 'Décrire son évolution.'], figure: 'bars', answer: 'lines' },
      { heading: 'Partie 3 — Schéma', lines: ['Légender le schéma de la cellule animale observée au microscope.'], figure: 'circle', answer: 'box' },
      { heading: 'Partie 4 — Raisonnement', lines: ['Expliquer pourquoi deux jumeaux vrais ont le même groupe sanguin.'], answer: 'lines' },
    ],
  },
  {
    id: 'histoire',
    titles: ['Contrôle d\'histoire-géographie', 'Évaluation — Géographie : les espaces urbains'],
    info: ['Durée : 1 h.', 'Répondez en rédigeant des phrases complètes.'],
    exercises: [
      { heading: 'Question 1', lines: ['Situer dans le temps et présenter le document.'], answer: 'lines' },
      { heading: 'Question 2', lines: ['Compléter le tableau avec les dates et les acteurs principaux.'], table: [['Date', 'Événement', 'Acteurs'], ['', '', ''], ['', '', '']], answer: 'lines' },
      { heading: 'Question 3', lines: ['Sur le croquis, localiser et nommer trois métropoles françaises.'], figure: 'map', answer: 'box' },
      { heading: 'Question 4', lines: ['Rédiger un paragraphe argumenté d\'une quinzaine de lignes.'], answer: 'lines' },
    ],
  },
  {
    id: 'english',
    english: true,
    titles: ['English test — Unit 4: Getting around', 'Anglais — Reading comprehension'],
    info: ['Time: 50 minutes. No dictionary allowed.', 'Answer in full sentences.'],
    exercises: [
      { heading: 'Part A — Reading', lines: ['Read the text and say whether the statements are true or false.', 'Justify with a quotation from the text.'], table: [['Statement', 'True', 'False'], ['1. Jack lives in Leeds.', '', ''], ['2. He takes the bus.', '', '']], answer: 'lines' },
      { heading: 'Part B — Vocabulary', lines: ['Find the English for: la gare, un billet, en retard, le quai.'], answer: 'lines' },
      { heading: 'Part C — Grammar', lines: ['Put the verbs in brackets in the past simple.'], answer: 'box' },
      { heading: 'Part D — Writing', lines: ['Describe your last trip (about 80 words).'], answer: 'lines' },
    ],
  },
]

export const SCHOOLS = ['Lycée Victor-Hugo', 'Collège Jean-Moulin', 'Lycée Marie-Curie', 'Lycée Anita-Conti', 'Collège les Tilleuls']

export const CLASS_NAMES = ['1G3', 'TG2', '2nde 5', '1ère STMG 1', 'Terminale B', '3e B']
