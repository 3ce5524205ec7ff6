import type { Mask } from '../../../../scan-pipeline/lib/template/mask'
import type { GrayCrop } from '../../header/types'
import type { Stroke } from '../handwriting'
import { packLetters } from './pack'
import { findCellRow } from './row'
import { piecesInSlots } from './slots'
import { rowWriting } from './writing'

/**
 * Letters written one per printed cell (the official exam sheet), found from the grid printed on the page
 * itself rather than from the blank form's alignment (`row.ts`): inside the row, the writing is the page's
 * ink less its walls and rules, strokes crossing them joined again (`writing.ts`); each piece goes to the
 * cell holding most of it, print the form explains left out (`slots.ts`); the cells holding a letter are put
 * side by side as a word, an empty cell or a date's separator a space (`pack.ts`). The crop holds no print:
 * the OCR's cleaning only crops it. Undefined when no grid of cells runs under the field.
 *
 * Taking away the aligned form leaves slivers of walls wherever the alignment is a pixel off, and each
 * sliver reads as I or |; a hand whose letters fill their cells was read with the grid still in; a hand
 * whose letters reach past their walls was cut at them. Cut on the page's own walls, none of this happens.
 */
export const cellRowCrop = ({ page, writing, strokes, learnedForm }: { page: GrayCrop; writing: Mask; strokes: Stroke[]; learnedForm?: boolean }): (GrayCrop & { printFree: true }) | undefined => {
  if (strokes.length === 0) return undefined
  const row = findCellRow({ page, strokes })
  if (!row) return undefined
  const rowWritten = rowWriting({ row, writing })
  return packLetters({ row, writing: rowWritten, found: piecesInSlots({ row, writing: rowWritten, learnedForm }) })
}
