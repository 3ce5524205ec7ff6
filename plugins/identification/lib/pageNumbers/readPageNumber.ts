import sharp from 'sharp'

import type { PageImage } from '../fields/page'
import type { GrayCrop } from '../header/types'
import { bestPathLogLikelihood, classesOfText, ctcLogLikelihoodsAfter, decodeLattice } from '../lattice/index'
import type { OcrEngine } from '../ocr/types'
import { digitsOnly } from './digitsOnly'
import type { FooterForm } from './footer'
import { numberCrop } from './numberCrops'
import { MAX_PAGES } from './parse'

/**
 * How well each "n / N" explains the writing of one page's number spot: `scores[N][n]`, natural log
 * likelihoods under the recogniser's lattice (digits only: "3/8" and "03/08" alike, the slash a stray
 * mark), and the likelihood of the best free reading, to tell writing that is no number at all.
 */
export type PageNumberScores = { scores: Float64Array[]; free: number }

const pad2 = (v: number) => String(v).padStart(2, '0')

/** How each page number may be written: "3" or "03" (a number of two digits either way). */
const writings = (n: number): string[] => [...new Set([pad2(n), String(n)])]
const digitClasses = new Map<string, number[]>()
const classesOf = (text: string) => digitClasses.get(text) ?? (digitClasses.set(text, classesOfText(text)), digitClasses.get(text)!)

/** The slash a student writes between "n" and "N", as recognisers read it: a 1 (its look-alikes l, i, j, t included). */
const SLASH_AS_ONE = classesOf('1')

/**
 * Scores every page number for the writing of one number spot (see numberCrop) under the recogniser's lattice.
 * `slash`: the number was written freely, "n/N" with a slash of the student's own, which recognisers read as a 1
 * about as often as a stray mark ("2/8" read "218", so "2/18"): "n", a 1, "N" is a reading of "n / N" too.
 * Printed cells hold no slash: there it would make "1 | 12" a "1/2".
 */
export const scoreNumberCrop = async ({ crop, engines, slash = false }: { crop: GrayCrop; engines: OcrEngine[]; slash?: boolean }): Promise<PageNumberScores | undefined> => {
  const engine = engines.find((e) => e.lattice)
  if (!engine) return undefined
  const png = await sharp(Buffer.from(crop.raw), { raw: { width: crop.width, height: crop.height, channels: 1 } }).png().toBuffer()
  const lattice = await engine.lattice!({ png })
  const logp = digitsOnly({ logp: decodeLattice(lattice), frames: lattice.frames })
  const frames = lattice.frames
  const scores: Float64Array[] = []
  for (let total = 2; total <= MAX_PAGES; total++) scores[total] = new Float64Array(total + 1).fill(-Infinity)
  // "n" then "N", each n's writings run once for every total after them.
  for (let n = 1; n <= MAX_PAGES; n++) {
    const totals = Array.from({ length: MAX_PAGES - Math.max(2, n) + 1 }, (_, i) => Math.max(2, n) + i)
    const seconds = totals.flatMap((total) => writings(total).flatMap((text) => [{ total, classes: classesOf(text) }, ...(slash ? [{ total, classes: [...SLASH_AS_ONE, ...classesOf(text)] }] : [])]))
    for (const first of writings(n)) {
      const likelihoods = ctcLogLikelihoodsAfter({ logp, frames, prefix: classesOf(first), suffixes: seconds.map((s) => s.classes) })
      seconds.forEach(({ total }, i) => (scores[total]![n] = Math.max(scores[total]![n]!, likelihoods[i]!)))
    }
  }
  return { scores, free: bestPathLogLikelihood({ logp, frames }) }
}

/** Scores every page number for the writing in a page's footer spot (numberCrop, then scoreNumberCrop). */
export const scorePageNumber = async ({ page, footer, engines }: { page: PageImage; footer: FooterForm; engines: OcrEngine[] }): Promise<PageNumberScores | undefined> => {
  if (!engines.some((e) => e.lattice)) return undefined
  const crop = numberCrop({ page, footer })
  return crop ? scoreNumberCrop({ crop, engines, slash: footer.free }) : undefined
}
