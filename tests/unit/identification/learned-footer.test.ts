import { runPageNumbersBench } from './helpers/pageNumbersBench'

// Issue 18 without the exam's subject: the official sheet's page-number box is found on a form learned from
// the scan's own first pages (its "page / nombre total de pages" read at 2×), and its print made again with
// the feet of later pages — every first page has "01" written there, which a form of first pages keeps
// (12 of 72 pages read then; none at all before the foot was read at 2×). 24 right before whole
// sheets were placed by their four pages when no page's number is sure alone (sheetBlocks.ts), 43 before a faint
// pen's numbers were read whole (withFaintStrokes), 63 since. No whole copy is cut in two where its numbers would
// seem to start again at 1 (pageNumbers/restart.ts: a piece that holds two copies).
it('reads the copier scan’s page numbers on a form learned from it, never a wrong number, never a copy cut', () => {
  const counts = runPageNumbersBench<{ pages: number; right: number; wrong: number; 'cut wrongly': number }>(['--learned'])
  expect(counts.pages).toBe(72)
  expect(counts.wrong).toBe(0)
  expect(counts['cut wrongly']).toBe(0)
  expect(counts.right).toBeGreaterThanOrEqual(58)
}, 600_000)
