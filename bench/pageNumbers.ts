// Written page numbers ("n / N" in the official sheet's footer cells) read on issue 18's copier scenario,
// against the generator's truth. Prints how many pages the copy-level decoding named right, wrong, or not at
// all (decided by folded sheet, and page by page as the baseline), the seconds spent, and how many whole copies a
// restart of their numbers (pageNumbers/restart.ts) would wrongly cut in two. `--held-out` draws
// the scenario again with another seed and the fonts kept out of all tuning (not cached, ~1 min more).
// `--learned` finds the page-number box on a blank form learned from the scan's own first pages (as
// identification does when the exam has no subject), its print made again with the feet of later pages;
// `--learned-first-pages-only` without that second step. `--hands` reads instead an official A4 class with one
// copy per handwriting font and prints the numbers read per hand (`--paper copie-double`: copies doubles, numbered
// freely in the foot, read without subject). `--json`: the counts as JSON on stdout.
import { copierMockBac, getScenario } from '../tools/papers/index'
import { benchArgs, wholeNumber } from './args'
import { countNumbers, openScenario, type FooterSource } from './page-numbers/evaluate'
import { countByHand } from './page-numbers/hands'

const USAGE = `usage: npx tsx bench/pageNumbers.ts [--held-out] [--learned | --learned-first-pages-only] [--json]
       npx tsx bench/pageNumbers.ts --hands [--paper official|copie-double] [--seed <n>] [--only <hand,hand…>] [--pencil] [--json]
  --held-out                  the copier scenario in the fonts no reader was tuned on (seed 2801)
  --learned                   the footer from a form learned from the scan, not from the subject
  --learned-first-pages-only  the same, without the later pages' feet
  --hands                     an official A4 class, one copy per handwriting font: numbers read per hand
  --paper <paper>             --hands on the official sheet (default) or on copies doubles numbered freely
  --seed <n>                  the class --hands draws (default 77)
  --only <hand,hand…>         --hands with these handwriting fonts only (ids of tools/papers/fonts.ts)
  --pencil                    --hands with every hand in pencil (light grey: faint strokes, tuned on no hand)
  --json                      the counts as JSON on stdout
`

const values = benchArgs({
  usage: USAGE,
  options: {
    'held-out': { type: 'boolean' },
    learned: { type: 'boolean' },
    'learned-first-pages-only': { type: 'boolean' },
    hands: { type: 'boolean' },
    seed: { type: 'string' },
    only: { type: 'string' },
    pencil: { type: 'boolean' },
    paper: { type: 'string' },
    json: { type: 'boolean' },
  },
})
const seed = wholeNumber({ name: 'seed', value: values.seed, fallback: 77, usage: USAGE })!

const paper = values.paper ?? 'official'
if (paper !== 'official' && paper !== 'copie-double') {
  process.stderr.write(`--paper must be official or copie-double, not "${paper}"\n${USAGE}`)
  process.exit(2)
}
if (values.hands) {
  const rows = await countByHand({ seed, pencil: values.pencil, paper, only: values.only?.split(',').map((id) => id.trim()).filter(Boolean) })
  const total = rows.reduce((sum, r) => ({ written: sum.written + r.written, right: sum.right + r.right, wrong: sum.wrong + r.wrong }), { written: 0, right: 0, wrong: 0 })
  if (values.json) process.stdout.write(JSON.stringify({ seed, rows, total }))
  else console.table([...rows, { hand: `all (${paper}, seed ${seed}${values.pencil ? ', pencil' : ''})`, set: '', ...total }])
} else {
  const heldOut = Boolean(values['held-out'])
  const source: FooterSource = values['learned-first-pages-only'] ? 'learned-first-pages-only' : values.learned ? 'learned' : 'subject'
  const scenario = heldOut ? await copierMockBac({ seed: 2801, fonts: 'heldOut' }) : await getScenario('copier-mock-bac')
  const { copies, sources, regions, sheets, footer } = await openScenario({ scenario, source })
  if (!footer) throw new Error(`the ${source === 'subject' ? 'subject' : 'learned form'} has no page-number footer`)
  const { secondsPerPage, pagesAlone, 'cut wrongly': cutWrongly, ...counts } = await countNumbers({ scenario, footer, copies, sources, regions, sheets })
  if (values.json) process.stdout.write(JSON.stringify({ ...counts, 'cut wrongly': cutWrongly }))
  else {
    const fonts = heldOut ? 'held out (seed 2801)' : 'tuned (seed 1801)'
    console.table([
      { fonts, footer: source, decided: 'by folded sheet', ...counts, 's/page': secondsPerPage.toFixed(2), 'cut wrongly': cutWrongly },
      { fonts, footer: source, decided: 'page by page (baseline)', copies: counts.copies, pages: counts.pages, ...pagesAlone, 's/page': '' },
    ])
  }
}
