import type { PointsProblem, ScaleQuestion } from './grading-scale'

/** The languages the API answers grade errors in: the admin's and the portal's. */
export type MessageLanguage = 'fr' | 'en'

/** The language a request asked for (Payload reads its cookie and Accept-Language, French by default). */
export const languageOf = (req: { i18n?: { language?: string } } | undefined): MessageLanguage => (req?.i18n?.language === 'en' ? 'en' : 'fr')

const number = (value: number, language: MessageLanguage) => value.toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 4 })

type Vars = { question: string; points: string; max: string; step: string; scale: string }

const dictionaries: Record<MessageLanguage, Record<PointsProblem['code'] | 'notInScale' | 'changedElsewhere' | 'takenElsewhere', (v: Vars) => string>> = {
  fr: {
    notANumber: (v) => `Question ${v.question} : les points doivent être un nombre`,
    belowZero: (v) => `Question ${v.question} : ${v.points} est en dessous de 0`,
    aboveMax: (v) => `Question ${v.question} : ${v.points} dépasse le maximum de ${v.max}`,
    offStep: (v) => `Question ${v.question} : ${v.points} n’est pas un multiple du pas de ${v.step}`,
    notInScale: (v) => `La question « ${v.question} » n’est pas dans le barème (${v.scale})`,
    changedElsewhere: (v) => `La note de la question ${v.question} a été modifiée dans une autre session (elle vaut maintenant ${v.points})`,
    takenElsewhere: (v) => `La question ${v.question} a déjà été notée dans une autre session (${v.points})`,
  },
  en: {
    notANumber: (v) => `Question ${v.question}: points must be a number`,
    belowZero: (v) => `Question ${v.question}: ${v.points} is below 0`,
    aboveMax: (v) => `Question ${v.question}: ${v.points} is above the maximum of ${v.max}`,
    offStep: (v) => `Question ${v.question}: ${v.points} is not a multiple of the step ${v.step}`,
    notInScale: (v) => `Question "${v.question}" is not in the grading scale (${v.scale})`,
    changedElsewhere: (v) => `The grade of question ${v.question} was changed in another session (it is now ${v.points})`,
    takenElsewhere: (v) => `Question ${v.question} was already graded in another session (${v.points})`,
  },
}

const nameOf = (question: Pick<ScaleQuestion, 'key' | 'label'>) => (question.label ? `${question.key} (${question.label})` : question.key)

const say = ({ language, code, question, points, max, step, scale = '' }: { language: MessageLanguage; code: keyof (typeof dictionaries)['fr']; question: string; points?: number; max?: number; step?: number; scale?: string }) =>
  dictionaries[language][code]({
    question,
    points: points === undefined ? '' : number(points, language),
    max: max === undefined ? '' : number(max, language),
    step: step === undefined ? '' : number(step, language),
    scale,
  })

/** A refused mark in words, naming the question, in the request's language. */
export const pointsMessage = ({ problem, question, language }: { problem: PointsProblem; question: ScaleQuestion; language: MessageLanguage }): string =>
  say({ language, code: problem.code, question: nameOf(question), ...('points' in problem ? { points: problem.points } : {}), ...('max' in problem ? { max: problem.max } : {}), ...('step' in problem ? { step: problem.step } : {}) })

export const notInScaleMessage = ({ key, scale, language }: { key: string; scale: ScaleQuestion[]; language: MessageLanguage }): string =>
  say({ language, code: 'notInScale', question: key, scale: scale.map((q) => q.key).join(', ') || (language === 'fr' ? 'vide' : 'empty') })

/** Another session wrote this grade first: `created` when both created it, else it was edited since this one read it. */
export const gradeConflictMessage = ({ questionKey, points, created, language }: { questionKey: string; points: number; created: boolean; language: MessageLanguage }): string =>
  say({ language, code: created ? 'takenElsewhere' : 'changedElsewhere', question: questionKey, points })
