// Written page numbers ("n / N" in the official sheet's footer cells) read on issue 18's copier scenario,
// against the generator's truth: `npx tsx bench/pageNumbers.ts [--held-out] [--learned]`. Prints how many
// pages the copy-level decoding named right, wrong, or not at all (decided by folded sheet, and page by page as
// the baseline), and the seconds spent. `--held-out`
// draws the scenario again with another seed and the fonts kept out of all tuning (not cached, ~1 min
// more). `--learned` finds the page-number box on a blank form learned from the scan's own first pages
// (as identification does when the exam has no subject), its print made again with the feet of later
// pages; `--learned-first-pages-only` without that second step. `--json`: the counts as JSON on stdout.
import { copierMockBac, getScenario } from '../tools/papers/index'
import { countNumbers, openScenario, type FooterSource } from './page-numbers/evaluate'

const heldOut = process.argv.includes('--held-out')
const source: FooterSource = process.argv.includes('--learned-first-pages-only') ? 'learned-first-pages-only' : process.argv.includes('--learned') ? 'learned' : 'subject'
const scenario = heldOut ? await copierMockBac({ seed: 2801, fonts: 'heldOut' }) : await getScenario('copier-mock-bac')
const { copies, sources, regions, sheets, footer } = await openScenario({ scenario, source })
if (!footer) throw new Error(`the ${source === 'subject' ? 'subject' : 'learned form'} has no page-number footer`)
const { secondsPerPage, pagesAlone, ...counts } = await countNumbers({ scenario, footer, copies, sources, regions, sheets })
if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(counts))
else {
  const fonts = heldOut ? 'held out (seed 2801)' : 'tuned (seed 1801)'
  console.table([
    { fonts, footer: source, decided: 'by folded sheet', ...counts, 's/page': secondsPerPage.toFixed(2) },
    { fonts, footer: source, decided: 'page by page (baseline)', copies: counts.copies, pages: counts.pages, ...pagesAlone, 's/page': '' },
  ])
}
