import type { SaveState } from '../annotations/store'
import type { GradeSaveState } from '../grading/useGrades'

/**
 * What the header says for the whole copy: annotations and grades together. A refused or conflicting
 * grade is an error until it is fixed, so the header never says "saved" over a value the server refused.
 */
export const combinedSave = ({ annotations, grades }: { annotations: SaveState; grades: GradeSaveState }): SaveState => {
  if (annotations.status === 'error' || annotations.status === 'offline') return annotations
  if (grades.status === 'error') return { status: 'error', pending: annotations.pending, message: grades.message }
  if (grades.status === 'saving' && annotations.status === 'saved') return { ...annotations, status: 'saving' }
  return annotations
}
