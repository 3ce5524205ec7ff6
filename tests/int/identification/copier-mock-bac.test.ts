import { describeCopierMockBac } from './copierBars'

// With the exam's blank subject. Named right: 0 before letter cells were read with the subject's print taken
// away and their walls removed; 4 before a copy's weak sheets joined its sure one and loose annex sheets stopped
// competing with copies; 5 before the letters were cut out of the grid printed on the page itself (8 measured
// since). In written order: 6 before the letter cells were cut on the page's own grid (a sheet not named is not
// joined to its copy). Annexes attached: 0 before an annex could join a copy both readings name; 1 before the
// letter cells were cut on the page's own grid.
// Missing page reported: 0 before a duplex scan's unmatched back was taken as its front's back (the sheet's one
// number read numbered its halves in the wrong order). Named right 9 and annexes 6 since a birth date read exactly
// counts as a witness (measured: 9 named, 9 in order, 6 annexes, 1 missing page reported).
// One copy each since sheets whose headers say the same name in the same hand join (12 copies before: EL AMRANI
// Timothée's three hairline sheets, which neither the class list nor their page numbers could place, stayed apart).
// Named right 10 since a wide lead names a faint hand below the threshold (EL AMRANI Timothée, 9 before).
// In written order 10 since a faint pen's page numbers are read whole (withFaintStrokes; 9 before: EL AMRANI
// Timothée's hairline numbers read nothing and his sheets kept the scan's order). Every annex attached (6 of 6
// measured since 2026-12-05 early morning): the whole bar, asserted. CI once found 9 named, 11 copies and 5
// annexes where every local run found the whole bar (EL AMRANI Timothée, named by a wide lead on his first, scrawled
// sheet only): a joined copy is now named on its clearest sheet (services/sheetReadings.ts), and the bars' failures
// say which copies miss and why.
describeCopierMockBac({ withSubject: true, bars: { namedRight: 10, inOrder: 10, annexesAttached: 6, missingReported: 1, oneCopyEach: true } })
