import { describeCopierMockBac } from './copierBars'

// Without the subject, as most schools will run it: the blank form is learned from the batch's own first pages.
// Before the framed copies were read against that learned form (a framed box's reader stops at the first cell),
// its labels read again at 2× when no family-name label was found, rows of writing given to the label level with
// them and letter cells read knowing the learned print's ghost of common letters: 0 named right, 4 copies in
// written order, 0 annexes attached (tuned fonts); measured after: 7 named, 7 in written order, 4 annexes.
// 2026-12-05 early morning, birth dates as witnesses, duplex backs and sheets joined on their written numbers:
// 7 → 9 named, 7 → 8 in written order, 4 → 5 annexes, the missing page reported (0 → 1).
// 2026-12-05 evening, a faint pen's page numbers read whole: 8 → 10 in written order (bar 9), 12 → 11 copies.
describeCopierMockBac({ withSubject: false, bars: { namedRight: 8, inOrder: 9, annexesAttached: 4, missingReported: 1 } })
