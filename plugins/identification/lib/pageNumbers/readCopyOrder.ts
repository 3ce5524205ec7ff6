import type { GrayCrop } from '../header/types'
import type { OcrEngine } from '../ocr/types'
import { decodeCopyNumbers } from './decode'
import { orderByWrittenNumbers, type PageOrder } from './order'
import type { WrittenNumber } from './parse'
import { restartOf, type NumberRestart } from './restart'
import { numberCrops, type NumberCropsRequest } from './numberCrops'
import { scoreNumberCrop } from './readPageNumber'

/** `restart`: the piece is two copies, the second starting there (see restartOf); its order is then the parts'. */
export type CopyWrittenOrder = { numbers: (WrittenNumber | undefined)[]; order?: PageOrder; restart?: NumberRestart }

/**
 * The numbers a student wrote on a copy's pages and the order they give. `footers[i]` is the printed
 * footer of page i's paper (none for paper without a page-number box, an annex, a loose sheet): such
 * pages and blank ones are not read and keep their place after the page they followed. `sheets[i]`
 * names the folded sheet page i is on (its pages numbered one after the other), `sides[i]` the scanned
 * side. `crops`: the pages' number spots when already cut (on another thread: see numberCropsAside).
 */
export const readCopyOrder = async ({
  pdf,
  footers,
  blank,
  sheets,
  sides,
  engines,
  crops,
}: NumberCropsRequest & { sheets?: (string | undefined)[]; sides?: (string | undefined)[]; engines: OcrEngine[]; crops?: (GrayCrop | undefined)[] }): Promise<CopyWrittenOrder> => {
  const spots = engines.some((e) => e.lattice) ? (crops ?? numberCrops({ pdf, footers, blank })) : blank.map(() => undefined)
  const scores = []
  for (const [i, crop] of spots.entries()) scores.push(crop ? await scoreNumberCrop({ crop, engines, slash: footers[i]?.free }) : undefined)
  const numbers = decodeCopyNumbers(scores, { sheetOf: sheets ?? [], sideOf: sides ?? [] })
  const restart = restartOf({ scores, sheetOf: sheets, sideOf: sides, decoded: numbers })
  if (restart) return { numbers, restart }
  return { numbers, order: orderByWrittenNumbers(numbers.map((written, i) => ({ written, blank: blank[i], sheet: sheets?.[i] }))) }
}
