import { api } from '../api/client'
import type { Exam, Id, ScaleQuestion } from '../api/types'

/** The signed-in teacher's share of an exam (GET /api/distribution/exams/:id/mine). */
export type MyCopy = { id: Id; anonymousId: string; marking: number; questionKeys: string[] | null; done: boolean; graded: string[] }
export type MyShare = { exam: Id; mode: 'all' | 'distributed'; doubleBlind: boolean; questionKeys: string[] | null; copies: MyCopy[] }

export const fetchShare = (examId: Id): Promise<MyShare | null> => api.get<MyShare>(`/api/distribution/exams/${examId}/mine`).catch(() => null)

/** The questions this teacher marks on a copy: all of the scale unless their share names some. */
export const questionsOf = ({ scale, keys }: { scale: ScaleQuestion[]; keys: string[] | null | undefined }): ScaleQuestion[] =>
  keys && keys.length ? scale.filter((q) => keys.includes(q.key)) : scale

/** The exam as this teacher marks it: its scale cut to their questions. */
export const examForShare = (exam: Exam, keys: string[] | null | undefined): Exam => ({ ...exam, gradingScale: questionsOf({ scale: exam.gradingScale ?? [], keys }) })

/**
 * Question-by-question marking: after this copy, the next one in the teacher's share that still has no mark
 * for `question` (wrapping around), or none when every copy has it.
 */
export const nextCopyForQuestion = ({ share, current, question }: { share: MyShare; current: Id; question: string }): MyCopy | undefined => {
  const list = share.copies.filter((c) => !c.done && (!c.questionKeys || c.questionKeys.includes(question)))
  const at = share.copies.findIndex((c) => String(c.id) === String(current))
  const after = [...share.copies.slice(at + 1), ...share.copies.slice(0, Math.max(0, at))]
  return after.find((c) => list.includes(c) && !c.graded.includes(question))
}

/** `#/copy/42?q=Q2`: the question to open the copy on. */
export const questionFromHash = (hash: string = window.location.hash): string | undefined => {
  const match = /[?&]q=([^&#]+)/.exec(hash)
  return match ? decodeURIComponent(match[1]!) : undefined
}

export const copyOnQuestionPath = (copyId: Id, question: string) => `/copy/${copyId}?q=${encodeURIComponent(question)}`
