import { ingestPreset, scoreIngestion } from '../../../bench/designs/pipeline'
import type { PresetName } from '../../../tools/papers/index'

// Issue 11, orientation 100 %: cut without a subject, the print learned from the batch for the pages after a first
// page is mostly where students write, and it fits a page turned half a turn a few nats better as often as not.
// The page analysis' own clue (lines' left edges, where the ink sits, a margin or a header) was weighed 0.8 a point,
// so a written page with an ordinary clue (~2) was turned over by that noise: 15 right sides in 24 fresh classes of
// the tuned designs, one in each of these small classes, while the clue itself was never wrong where it said
// anything. Weighed 3 a point, none is. The official sheet drawn with --seed 7 (a whole class: no small one turns a
// side at 3 and not at 4) has a written page whose clue is 2.0 against print that fits it turned by 7 nats: weighed 4.
const classes: { name: PresetName; seedOffset: number }[] = [
  { name: 'framed-a4-mini', seedOffset: 1 },
  { name: 'framed-a4-mini', seedOffset: 5 },
  { name: 'one-line-a4-mini', seedOffset: 2 },
  { name: 'two-column-a4-mini', seedOffset: 5 },
  { name: 'official-a4', seedOffset: 7 },
  // two pages 2 turned over: their clue (2.4) said upright, "another page" fit them turned by 9.7 nats (see below)
  { name: 'one-line-a4', seedOffset: 9 },
]

describe('which way up a written page goes, without a subject', () => {
  it.each(classes)('$name (seed +$seedOffset): every side upright', async ({ name, seedOffset }) => {
    const run = await ingestPreset({ name, withSubject: false, seedOffset })
    const score = await scoreIngestion(run)
    expect(score.wrong.filter((w) => w.includes('rotation'))).toEqual([])
    expect(score.rotationCorrect).toBe(score.pages)
  }, 300_000)
})

// The print every later page shares fits a page 2 with a table at its top better turned (where page 4 has rules):
// framed-a4 drawn with --seed 11 turned its page 41 (2/4) by 26 nats against a clue of 6.4 (capped at 24). Page 2's
// own print, learned upright (each page the way its clue says), now counts as "another page" on the clue's side.
it('a page 2 with a table of its own stays upright (framed A4, seed +11)', async () => {
  const run = await ingestPreset({ name: 'framed-a4', withSubject: false, seedOffset: 11 })
  const score = await scoreIngestion(run)
  const turned = score.wrong.filter((w) => w.includes('rotation'))
  expect(turned.filter((w) => w.startsWith('page 41:'))).toEqual([])
  // page 113, nearly blank (clue 0.75), is still turned over: at most that one
  expect(turned.length).toBeLessThanOrEqual(1)
}, 300_000)

