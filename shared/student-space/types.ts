/** What the student-space endpoints answer: one contract for the server (plugins/student-space) and the portal. */
export type StudentId = string | number

export type StudentProfile = { id: StudentId; firstName: string; lastName: string; className: string | null }

export type StudentCopyQuestion = { key: string; label: string | null; maxPoints: number; points: number | null; comment: string | null }

export type StudentCopy = {
  id: StudentId
  exam: { id: StudentId; title: string; subject: string | null; className: string | null; date: string | null }
  publishedAt: string
  total: number | null
  maxTotal: number
  questions: StudentCopyQuestion[]
  hasPdf: boolean
}
