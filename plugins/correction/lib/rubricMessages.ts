import type { MessageLanguage } from '../../../collections/grade-messages'

/** Why a rubric item is refused, as data: the words come from `rubricMessage`, in the request's language. */
export type RubricRefusal =
  | { code: 'noExam' }
  | { code: 'moved' }
  | { code: 'notCorrector'; exam: string }
  | { code: 'notInScale'; question: string }
  | { code: 'notANumber' }
  | { code: 'beyondMax'; points: number; max: number; question: string }
  | { code: 'offStep'; points: number; step: number; question: string }
  | { code: 'noText' }
  | { code: 'inUse'; uses: number }
  | { code: 'onClosedCopies'; copies: string }
  | { code: 'foreign'; items: string; question: string }

const n = (value: number, language: MessageLanguage) => value.toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 4 })

type Say = { [C in RubricRefusal['code']]: (r: Extract<RubricRefusal, { code: C }>, language: MessageLanguage) => string }

const fr: Say = {
  noExam: () => 'Un critère de barème doit appartenir à un examen',
  moved: () => 'Un critère reste sur son examen et sa question',
  notCorrector: (r) => `Vous ne corrigez pas l’examen ${r.exam}`,
  notInScale: (r) => `La question « ${r.question} » n’est pas dans le barème de l’examen`,
  notANumber: () => 'Critère : les points doivent être un nombre',
  beyondMax: (r, l) => `Critère : ${n(r.points, l)} dépasse les ${n(r.max, l)} points de ${r.question}`,
  offStep: (r, l) => `Critère : ${n(r.points, l)} n’est pas un multiple du pas de ${n(r.step, l)} de ${r.question}`,
  noText: () => 'Un critère doit avoir un texte',
  inUse: (r) => `Ce critère est appliqué à ${r.uses} note(s) : retirez-le d’abord de ces copies`,
  onClosedCopies: (r) => `Ce critère est appliqué à des copies terminées (${r.copies}) : ses points ne peuvent plus changer ; ajoutez plutôt un nouveau critère`,
  foreign: (r) => `Critère(s) ${r.items} : pas de la question ${r.question} de cet examen`,
}

const en: Say = {
  noExam: () => 'A rubric item needs an exam',
  moved: () => 'A rubric item stays on its exam and question',
  notCorrector: (r) => `You are not a corrector of exam ${r.exam}`,
  notInScale: (r) => `Question "${r.question}" is not in the exam's grading scale`,
  notANumber: () => 'Rubric item: the points must be a number',
  beyondMax: (r, l) => `Rubric item: ${n(r.points, l)} is beyond the ${n(r.max, l)} points of ${r.question}`,
  offStep: (r, l) => `Rubric item: ${n(r.points, l)} is not a multiple of the step ${n(r.step, l)} of ${r.question}`,
  noText: () => 'A rubric item needs a text',
  inUse: (r) => `This rubric item is applied to ${r.uses} grade(s): remove it from them first`,
  onClosedCopies: (r) => `This item is applied to finalized copies (${r.copies}): its points can no longer change; add a new item instead`,
  foreign: (r) => `Rubric item(s) ${r.items} do not belong to question ${r.question} of this exam`,
}

/** A refused rubric item in words, in the language the request asked for (French by default). */
export const rubricMessage = ({ refusal, language }: { refusal: RubricRefusal; language: MessageLanguage }): string =>
  (language === 'en' ? en : fr)[refusal.code](refusal as never, language)
