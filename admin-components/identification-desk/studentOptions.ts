import { fold, type Desk, type DeskCopy, type DeskStudent, type Id } from './api'

export type StudentOption = { studentId: Id; name: string; score?: number; takenBy: Id | null }

/**
 * The names offered for a copy: the matcher's suggestions while nothing is typed, else the students
 * whose name holds every typed word (accents and case folded), those starting with the first word first.
 */
export const studentOptions = ({ desk, copy, query }: { desk?: Desk; copy?: DeskCopy; query: string }): StudentOption[] => {
  if (!desk || !copy) return []
  const q = fold(query.trim())
  if (!q) return copy.candidates.map((c) => ({ ...c }))
  const words = q.split(/\s+/)
  const matches = desk.students.filter((s) => words.every((w) => fold(s.name).includes(w)))
  const starts = (s: DeskStudent) => (fold(s.name).startsWith(words[0]!) ? 0 : 1)
  return matches.sort((a, b) => starts(a) - starts(b) || a.name.localeCompare(b.name)).slice(0, 12).map((s) => ({ studentId: s.id, name: s.name, takenBy: s.takenBy }))
}
