import { decodeCopyNumbers, MAX_PAGES, orderByWrittenNumbers, restartOf, type PageNumberScores } from '../../../plugins/identification/lib/pageNumbers/index'

describe('written page numbers', () => {
  it('orders sheets scanned out of order, keeps blank pages with their neighbour, and names the missing pages', () => {
    // sheets [5 6 7 8] then [1 2 3 4]; page 3 left blank (unnumbered) rides after 2; pages 9–12 never scanned
    const n = (v: number) => ({ written: { n: v, total: 12 } })
    const result = orderByWrittenNumbers([n(5), n(6), n(7), n(8), n(1), n(2), {}, n(4)])
    expect(result).toEqual({ order: [4, 5, 6, 7, 0, 1, 2, 3], missing: [9, 10, 11, 12], total: 12 })
    // a complete copy in order: nothing moves, nothing missing
    expect(orderByWrittenNumbers([n(1), n(2), n(3)].map((p) => ({ written: { ...p.written, total: 3 } })))).toEqual({ order: [0, 1, 2], missing: [], total: 3 })
  })

  it('numbers the other pages of a folded sheet from one number read on it', () => {
    // two A3 sheets scanned second first; on each only one number was read
    const page = (sheet: string, written?: number) => ({ sheet, ...(written ? { written: { n: written, total: 12 } } : {}) })
    const result = orderByWrittenNumbers([page('b'), page('b', 10), page('b'), page('b'), page('a', 1), page('a'), page('a'), page('a', 4)])
    expect(result).toEqual({ order: [4, 5, 6, 7, 0, 1, 2, 3], missing: [5, 6, 7, 8], total: 12 })
    // numbers on one sheet that do not follow each other say nothing about its other pages
    expect(orderByWrittenNumbers([page('a', 1), page('a'), page('a', 2), page('a')])).toEqual({ order: [0, 1, 2, 3], missing: [4, 5, 6, 7, 8, 9, 10, 11, 12], total: 12 })
  })

  it('keeps the scan order when the numbers do not make one count', () => {
    expect(orderByWrittenNumbers([{ written: { n: 1, total: 4 } }])).toBeUndefined()
    expect(orderByWrittenNumbers([{ written: { n: 1, total: 4 } }, { written: { n: 1, total: 4 } }, {}])).toBeUndefined()
    expect(orderByWrittenNumbers([{ written: { n: 1, total: 4 } }, { written: { n: 2, total: 6 } }])).toBeUndefined()
  })

  // Scores as a recogniser would give them: the written number likely, every other one far less.
  const page = (n: number, total: number, { sure = 10, free = 0 } = {}): PageNumberScores => {
    const scores: Float64Array[] = []
    for (let t = 2; t <= MAX_PAGES; t++) {
      const row = new Float64Array(t + 1).fill(-Infinity)
      for (let k = 1; k <= t; k++) row[k] = -sure - Math.abs(k - n) - Math.abs(t - total)
      if (t === total && n <= t) row[n] = -1
      scores[t] = row
    }
    return { scores, free }
  }

  it('decides one page count for the whole copy, then each page its number', () => {
    const decoded = decodeCopyNumbers([page(1, 8), page(2, 8), undefined, page(4, 8)])
    expect(decoded).toEqual([{ n: 1, total: 8 }, { n: 2, total: 8 }, undefined, { n: 4, total: 8 }])
    // one page read as another count is outvoted by the copy: never a second count within one copy
    const outvoted = decodeCopyNumbers([page(1, 4), page(2, 4), page(3, 6, { sure: 2 }), page(4, 4)])
    expect([outvoted[0], outvoted[1], outvoted[3]]).toEqual([{ n: 1, total: 4 }, { n: 2, total: 4 }, { n: 4, total: 4 }])
    expect(outvoted[2]?.total ?? 4).toBe(4)
  })

  it('does not take a larger count that explains the writing a little better but says pages are missing', () => {
    // every page reads a little better as "n / 17" (a 2 written like a 7) than as "n / 12"
    const pages = Array.from({ length: 12 }, (_, i) => {
      const p = page(i + 1, 12)
      const row = new Float64Array(18).fill(-Infinity)
      for (let k = 1; k <= 17; k++) row[k] = k === i + 1 ? -0.5 : -12
      return { ...p, scores: p.scores.map((r, t) => (t === 17 ? row : r)) }
    })
    expect(decodeCopyNumbers(pages).map((d) => d?.total)).toEqual(Array(12).fill(12))
  })

  it('does not take a count that needs a page never scanned when no page reads it clearly, only each a little better', () => {
    // a hairline hand's "8" a little more "9" on each of its eight pages (EL AMRANI Timothée's copy rendered one grey
    // level lighter): 1 nat a page, 8 summed, against one missing page's 3 — one misreading eight times, not eight
    const under = (n: number, { eight, nine }: { eight: number; nine: number }) => {
      const p = page(n, 8)
      const row = (t: number, at: number) => Float64Array.from({ length: t + 1 }, (_, k) => (k === 0 ? -Infinity : k === n ? at : -12))
      return { ...p, scores: p.scores.map((r, t) => (t === 8 ? row(8, eight) : t === 9 ? row(9, nine) : r)) }
    }
    const alike = Array.from({ length: 8 }, (_, i) => under(i + 1, { eight: -1, nine: 0 }))
    expect(decodeCopyNumbers(alike).filter((d) => d?.total === 9)).toEqual([])
    // a page that reads the larger count clearly decides it
    const clear = [...alike.slice(0, 7), under(8, { eight: -6, nine: 0 })]
    expect(decodeCopyNumbers(clear).map((d) => d?.total)).toEqual(Array(8).fill(9))
  })

  it('reads a later sheet of a longer copy on its own, the count on each of its pages (a sheet with no name on it)', () => {
    // a student's third copie double, scanned as a piece of its own: "5/6 6/6", pages 1–4 on the sheets before it
    expect(decodeCopyNumbers([page(5, 6), page(6, 6)])).toEqual([{ n: 5, total: 6 }, { n: 6, total: 6 }])
    expect(decodeCopyNumbers([page(3, 6), page(4, 6)])).toEqual([{ n: 3, total: 6 }, { n: 4, total: 6 }])
    // a count one page reads and the other reads far less well than another ("4/8"): the pages it says are
    // missing are paid for, and nothing is said
    const split = page(4, 6)
    const doubtful = { ...split, scores: split.scores.map((row, t) => (t === 6 ? row.map((v, k) => (k === 4 ? -4 : v)) : t === 8 ? row.map((v, k) => (k === 4 ? -1 : v)) : row)) }
    expect(decodeCopyNumbers([page(3, 6), doubtful])).toEqual([undefined, undefined])
  })

  it('reads a copy’s first sheet scanned as a piece of its own, the count its pages write clearly', () => {
    // issue 18's EL AMRANI Lina: "1/12 2/12 … 4/12", one number a smudge, the sheets of pages 5–12 cut apart
    const smudge: PageNumberScores = { ...page(3, 12), scores: page(3, 12).scores.map((row) => row.map(() => -9)), free: -6 }
    expect(decodeCopyNumbers([page(1, 12), page(2, 12), smudge, page(4, 12)])).toEqual([{ n: 1, total: 12 }, { n: 2, total: 12 }, undefined, { n: 4, total: 12 }])
    // two pages of four are no clear count: the eight pages it says are missing are paid for
    expect(decodeCopyNumbers([page(1, 12), page(2, 12), smudge, smudge]).filter(Boolean)).toHaveLength(0)
  })

  it('says nothing when the chosen count leaves most read pages without a number', () => {
    // a hand the recogniser cannot read: eight pages, each a weak reading, only one clearly a number
    const weak = (n: number) => page(n, 8, { sure: 1.5 })
    const pages = [page(1, 8), weak(2), weak(3), weak(4), weak(5), weak(6), weak(7), weak(8)]
    expect(decodeCopyNumbers(pages).filter(Boolean)).toHaveLength(0)
  })

  it('names nothing rather than something doubtful', () => {
    // a single read page says nothing about a copy's count
    expect(decodeCopyNumbers([page(1, 8), undefined])).toEqual([undefined, undefined])
    // two pages claiming the same number: only the surer one keeps it
    const twice = decodeCopyNumbers([page(2, 4, { sure: 10 }), page(2, 4, { sure: 3 }), page(3, 4)])
    expect(twice.filter((d) => d?.n === 2)).toHaveLength(1)
    // writing that no number explains (its free reading far better) is not a page number
    expect(decodeCopyNumbers([page(1, 4, { free: 20 }), page(2, 4, { free: 20 }), page(3, 4), page(4, 4)]).slice(0, 2)).toEqual([undefined, undefined])
  })

  it('places whole folded sheets by their four pages when no page’s number is sure on its own', () => {
    // a hand the recogniser reads badly, two copies doubles scanned second first: each page's number only a
    // little ahead of its neighbours, too little to name any page alone
    const weak = (n: number) => page(n, 8, { sure: 1.5 })
    const pages = [5, 6, 7, 8, 1, 2, 3, 4].map(weak)
    const sheetOf = ['b', 'b', 'b', 'b', 'a', 'a', 'a', 'a']
    const sideOf = ['b1', 'b2', 'b2', 'b1', 'a1', 'a2', 'a2', 'a1']
    expect(decodeCopyNumbers(pages).filter(Boolean)).toHaveLength(0)
    const placed = decodeCopyNumbers(pages, { sheetOf, sideOf })
    expect(placed.map((d) => d && `${d.n}/${d.total}`)).toEqual(['5/8', '6/8', '7/8', '8/8', '1/8', '2/8', '3/8', '4/8'])
    expect(orderByWrittenNumbers(placed.map((written, i) => ({ written, sheet: sheetOf[i] })))?.order).toEqual([4, 5, 6, 7, 0, 1, 2, 3])
    // writing that favours no block (every number read alike) places nothing
    const flat = (): PageNumberScores => ({ ...page(1, 8), scores: page(1, 8).scores.map((row) => row.map(() => -3)) })
    expect(decodeCopyNumbers(Array.from({ length: 8 }, flat), { sheetOf, sideOf }).filter(Boolean)).toHaveLength(0)
    // nor sheets the cut did not give in booklet order, nor a copy with a page on no sheet (an annex, a loose sheet)
    expect(decodeCopyNumbers(pages, { sheetOf, sideOf: ['b1', 'b1', 'b2', 'b2', 'a1', 'a2', 'a2', 'a1'] }).filter(Boolean)).toHaveLength(0)
    expect(decodeCopyNumbers([...pages, weak(8)], { sheetOf: [...sheetOf, undefined], sideOf: [...sideOf, 'c1'] }).filter(Boolean)).toHaveLength(0)
  })

  it('numbers a folded sheet in the cut\'s booklet order when the numbers read on it fold no sheet', () => {
    // issue 18's LE GOFF Élodie: sheets [1 2 3 4] and [9 10 11 12] (5–8 never scanned); on the second, 9 was
    // read as 8 and 12 as 9: 8 and 9 on one side, 10 and 11 on the other — no folded sheet carries that
    const pages = [page(1, 12), page(2, 12), page(3, 12), page(4, 12), page(8, 12), page(10, 12), page(11, 12), page(9, 12)]
    const sheetOf = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b']
    const sideOf = ['a1', 'a2', 'a2', 'a1', 'b1', 'b2', 'b2', 'b1']
    expect(decodeCopyNumbers(pages).map((d) => d?.n)).toEqual([1, 2, 3, 4, 8, 10, 11, 9])
    const refolded = decodeCopyNumbers(pages, { sheetOf, sideOf })
    expect(refolded.map((d) => d?.n)).toEqual([1, 2, 3, 4, 9, 10, 11, 12])
    expect(orderByWrittenNumbers(refolded.map((written, i) => ({ written, sheet: sheetOf[i] })))).toEqual({ order: [0, 1, 2, 3, 4, 5, 6, 7], missing: [5, 6, 7, 8], total: 12 })
    // numbers a folding carries stay as read, whatever order the cut gave the halves: they put it right
    const turned = [page(1, 12), page(2, 12), page(3, 12), page(4, 12), page(10, 12), page(11, 12), page(12, 12), page(9, 12)]
    const turnedSides = ['a1', 'a2', 'a2', 'a1', 'b2', 'b2', 'b1', 'b1']
    expect(decodeCopyNumbers(turned, { sheetOf, sideOf: turnedSides }).map((d) => d?.n)).toEqual([1, 2, 3, 4, 10, 11, 12, 9])
    // and a sheet the cut did not give in booklet order is not renumbered
    expect(decodeCopyNumbers(pages, { sheetOf, sideOf: turnedSides }).map((d) => d?.n)).toEqual([1, 2, 3, 4, 8, 10, 11, 9])
  })

  it('finds where a piece holds a second copy whose numbers start again at 1', () => {
    // copie-double-a4: BONNET's last sheet "5/6 6/6", then a student who wrote no name, "1/4 … 4/4", cut into one piece
    const piece = [page(5, 6), page(6, 6), page(1, 4), page(2, 4), page(3, 4), page(4, 4)]
    expect(decodeCopyNumbers(piece).filter(Boolean).length).toBeLessThan(6)
    const restart = restartOf({ scores: piece })
    expect(restart?.at).toBe(2)
    expect(restart?.head.map((w) => w && `${w.n}/${w.total}`)).toEqual(['5/6', '6/6'])
    expect(restart?.tail.map((w) => w && `${w.n}/${w.total}`)).toEqual(['1/4', '2/4', '3/4', '4/4'])
    // two copies of one length each from its own 1: "1/4 … 4/4" twice
    expect(restartOf({ scores: [1, 2, 3, 4, 1, 2, 3, 4].map((n) => page(n, 4)) })?.at).toBe(4)
  })

  it('cuts before a copy numbered whole though only one page of the copy before it was read', () => {
    // copie-double-a4 drawn afresh (seed +10): ROUSSEL's last sheet, "5/6" and its blank back, then a student who wrote
    // no name, "1/4 … 4/4", in one piece: the part before the cut has one number, and the part after it all of its count
    const piece = [page(5, 6), undefined, page(1, 4), page(2, 4), page(3, 4), page(4, 4)]
    const restart = restartOf({ scores: piece })
    expect(restart?.at).toBe(2)
    expect(restart?.tail.map((w) => w && `${w.n}/${w.total}`)).toEqual(['1/4', '2/4', '3/4', '4/4'])
    // the part after it lacks a page of its count: that page may be the one before, nothing is cut
    expect(restartOf({ scores: [page(4, 4), undefined, page(1, 4), page(2, 4), page(3, 4)] })).toBeUndefined()
    // nothing written where a number goes on the pages before it: no other copy there to cut off
    expect(restartOf({ scores: [undefined, undefined, page(1, 4), page(2, 4), page(3, 4), page(4, 4)] })).toBeUndefined()
  })

  it('finds the first cut of a piece that holds three copies, where no single cut leaves two counts', () => {
    // copie-double-a4 drawn afresh (seed +5): three students' copies, the last two unnamed at the top, one piece
    const piece = [page(1, 4), page(2, 4), page(3, 4), page(4, 4), page(1, 3), page(2, 3), page(3, 3), page(1, 5), page(2, 5), page(3, 5), page(4, 5), page(5, 5)]
    const restart = restartOf({ scores: piece })
    expect(restart?.at).toBe(4)
    expect(restart?.tail.map((w) => w && `${w.n}/${w.total}`)).toEqual(['1/3', '2/3', '3/3'])
    // the part after it is cut again on its own
    expect(restartOf({ scores: piece.slice(4) })?.at).toBe(3)
    // a batch cut into one block of twelve copies: the first cut all the same (a part runs to one of the next pages
    // that can read a 1, so the search stays linear in the block)
    const block = Array.from({ length: 12 }, (_, c) => [1, 2, 3, 4].map((n) => page(n, 4 + (c % 3)))).flat()
    expect(restartOf({ scores: block })?.at).toBe(4)
  })

  it('reads no restart in one copy, nor where the page read 1 is not where the part after it starts', () => {
    // one copy, in order or with its sheets scanned second first
    expect(restartOf({ scores: [1, 2, 3, 4, 5, 6].map((n) => page(n, 6)) })).toBeUndefined()
    expect(restartOf({ scores: [5, 6, 7, 8, 1, 2, 3, 4].map((n) => page(n, 8)) })).toBeUndefined()
    // a copy's later sheet of the same count before a first sheet: no second 1, no second count, no restart
    expect(restartOf({ scores: [3, 4, 1, 2].map((n) => page(n, 4)) })).toBeUndefined()
    // the page where the second count starts is not read: nothing is cut on a guess
    expect(restartOf({ scores: [page(5, 6), page(6, 6), undefined, page(2, 4), page(3, 4), page(4, 4)] })).toBeUndefined()
    // never inside a folded sheet
    const sheetOf = ['a', 'a', 'a', 'a', 'a', 'a']
    expect(restartOf({ scores: [page(5, 6), page(6, 6), page(1, 4), page(2, 4), page(3, 4), page(4, 4)], sheetOf })).toBeUndefined()
  })
})
