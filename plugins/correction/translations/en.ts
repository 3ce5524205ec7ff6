import type { fr } from './fr'

export const en: typeof fr = {
  commentBankSingular: 'Saved comment',
  commentBankPlural: 'Comment bank',
  text: 'Text',
  points: 'Points (optional)',
  questionKey: 'Question (optional)',
  exam: 'Exam (empty: for all my exams)',
  owner: 'Author',
  group: 'Marking',
  rubricItemSingular: 'Rubric item',
  rubricItemPlural: 'Rubric items',
  rubricExam: 'Exam',
  rubricQuestion: 'Question',
  rubricPoints: 'Points (negative: deduction)',
  rubricItems: 'Applied rubric items',
  adjustment: 'Adjustment',
}
