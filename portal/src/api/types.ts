export type { Id } from '../../../shared/ids'
import type { Id } from '../../../shared/ids'

export type User = { id: Id; email: string; name?: string | null; role: 'admin' | 'teacher' }

export type ScaleQuestion = { id?: string; key: string; label?: string | null; maxPoints: number; step: number }

export type Exam = {
  id: Id
  title: string
  subject?: string | null
  className?: string | null
  date?: string | null
  status: string
  gradingScale?: ScaleQuestion[] | null
  doubleMarking?: boolean | null
}

export type CopyStatus = 'staging' | 'ready' | 'marking' | 'locked' | 'finalized'

export type MediaDoc = { id: Id; url?: string | null; filename?: string | null }

export type Copy = {
  id: Id
  exam: Id | Exam
  anonymousId: string
  status: CopyStatus
  total?: number | null
  pdf?: Id | MediaDoc | null
  updatedAt?: string
}

/** `version`: bumped by every save; sent back with an edit, so a colleague's save in between is a 409. */
export type Grade = {
  id: Id
  copy: Id
  questionKey: string
  points: number
  comment?: string | null
  corrector?: Id | null
  version?: number | null
  /** Rubric items applied: the server computes `points` from them (plus `adjustment`, from a typed mark). */
  rubricItems?: Id[] | null
  adjustment?: number | null
}

/** A question's rubric item (positive points add, negative deduct) and how many grades of the exam apply it. */
export type RubricItem = { id: Id; questionKey: string; points: number; text: string; uses: number }

export type AnnotationDoc = {
  id: Id
  copy: Id
  page: number
  kind: string
  geometry: unknown
  style?: unknown
  text?: string | null
  schemaVersion?: number | null
  version: number
  author?: Id | null
  /** The key the creating portal gave it: a create resent after a lost answer finds the first instead of doubling it. */
  clientKey?: string | null
}

export type SavedComment = { id: Id; text: string; points?: number | null; questionKey?: string | null; exam?: Id | null }

export type Marker = { id: Id; name: string }
export type CopyMarkers = {
  grades: { questionKey: string; points: number; corrector: Marker | null; updatedAt: string }[]
  annotations: { author: Marker | null; count: number }[]
}

export type Page<T> = { docs: T[]; totalDocs: number }

export const idOf = (value: unknown): Id | undefined =>
  value && typeof value === 'object' ? (value as { id: Id }).id : (value as Id | undefined) ?? undefined

export const isClosed = (status: CopyStatus): boolean => status === 'locked' || status === 'finalized'
