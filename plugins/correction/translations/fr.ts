export const fr = {
  commentBankSingular: 'Commentaire type',
  commentBankPlural: 'Banque de commentaires',
  text: 'Texte',
  points: 'Points (facultatif)',
  questionKey: 'Question (facultatif)',
  exam: 'Examen (vide : pour tous mes examens)',
  owner: 'Auteur',
  group: 'Correction',
}
