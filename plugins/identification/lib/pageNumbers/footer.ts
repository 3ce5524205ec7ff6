import type { Mask } from '../../../scan-pipeline/lib/template/mask'
import type { PixelRect } from '../fields/assign'
import type { BlankForm } from '../fields/form'
import { warpInto } from '../fields/align'
import { inkOf, normalised, type PageImage } from '../fields/page'
import { lightestOf } from '../fields/lightest'
import { subjectPageImages } from '../fields/subjectPages'
import { alignFooter } from './alignFooter'
import { emptyCells } from './emptyCells'

/** The foot of a page, where forms print their "page … / …" box: the same share of every page. */
export const FOOT_FROM = 0.86

/**
 * The printed foot of the exam's pages, cut from its blank first page (the subject's or the learned
 * one): its print to take away, and the spot where the student writes the page number — next to the
 * printed "page / nombre total de pages" labels, in band pixels.
 */
export type FooterForm = {
  image: PageImage
  mask: Mask
  spot: PixelRect
  /** no printed labels: the student wrote the number anywhere in the foot (see numberGroup) */
  free?: true
  /** a subject's free footer for each of its pages (see footerOfPage) */
  bySubjectPage?: FooterForm[]
}

export const footOf = (page: PageImage): PageImage => {
  const y0 = Math.floor(page.height * FOOT_FROM)
  return { ...page, raw: page.raw.slice(y0 * page.width), height: page.height - y0, heightPt: page.heightPt * (1 - y0 / page.height) }
}

/** Points of writing room on the side of the labels where the numbers go (a box of two pairs of cells). */
const ROOM_PT = 120

/**
 * The footer of a blank form, when it prints page-number labels in its foot. Forms without them (most
 * home-made papers) give undefined: their students number pages freely, which is not read yet.
 */
export const footerFormOf = (form: BlankForm): FooterForm | undefined => {
  const y0 = Math.floor(form.image.height * FOOT_FROM)
  const labels = form.labels.filter((l) => l.kind === 'pageNumber' && l.y0 >= y0)
  if (labels.length === 0) return undefined
  const image = footOf(form.image)
  const k = form.image.dpi / 72
  const lx0 = Math.min(...labels.map((l) => l.x0))
  const lx1 = Math.max(...labels.map((l) => l.x1))
  const ly0 = Math.min(...labels.map((l) => l.y0)) - y0
  const ly1 = Math.max(...labels.map((l) => l.y1)) - y0
  const tall = Math.max(ly1 - ly0, 12 * k)
  // Numbers are written before the labels ("01 / 12  page / nombre total") or after them ("Page : 3 / 8").
  const room = ROOM_PT * k
  const spot = { x0: Math.max(0, lx0 - room), x1: Math.min(image.width, lx1 + room), y0: Math.max(0, ly0 - tall), y1: Math.min(image.height, ly1 + tall) }
  return { image, mask: { width: image.width, height: image.height, data: inkOf(image) }, spot }
}

/** A page's whole foot as a free footer: its print taken away, the number looked for anywhere in it. */
const freeFooter = (page: PageImage): FooterForm => {
  const image = footOf(page)
  return { image, mask: { width: image.width, height: image.height, data: inkOf(image) }, spot: { x0: 0, y0: 0, x1: image.width, y1: image.height }, free: true }
}

/**
 * The foot of a blank form that prints no page-number labels (a copie double, home-made paper): students
 * number such pages freely, "2/4" in a corner of the foot, found there as the small isolated group of
 * writing (see `numberGroup`). A subject's pages may print their own folio ("2/4" on its page 2), which its
 * first page's foot does not take away: each of its pages has its own footer then, the one a scanned page
 * matched taken away from it (`footerOfPage`); a form with no subject to take them from has none.
 */
export const freeFooterOf = (form: BlankForm): FooterForm | undefined => {
  if (form.source === 'learned') return freeFooter(form.image)
  if (!form.subject) return undefined
  const bySubjectPage = subjectPageImages({ pdf: form.subject }).map(freeFooter)
  return { ...bySubjectPage[0]!, bySubjectPage }
}

/**
 * The footer of a page that matched page `subjectPage` of the subject (ingestion's match): that page's
 * own when the footer has one per subject page, none when the page matched none (an insert, a page the
 * match left out: another page's folio would be read as written), else the batch's one footer.
 */
export const footerOfPage = ({ footer, subjectPage }: { footer: FooterForm | undefined; subjectPage?: number | null }): FooterForm | undefined => {
  if (!footer?.bySubjectPage) return footer
  return subjectPage ? footer.bySubjectPage[subjectPage - 1] : undefined
}

/**
 * A footer learned from first pages carries what every first page has written there: "01". Its print is
 * made again with the feet of pages numbered otherwise (a copy's later pages), each placed on it: a pixel
 * stays print only where those feet are dark too (the second-lightest with four or more, forgiving one
 * foot a little off). Feet that do not fit the footer (another paper, a blank back) are left out. What
 * is written alike on every page (the "0" of "03 / 08") stays that way: the printed cells are emptied too
 * (see `emptyCells`).
 */
export const footerWithoutWriting = ({ footer, feet }: { footer: FooterForm; feet: PageImage[] }): FooterForm => {
  const { width, height } = footer.image
  const layers: Uint8Array[] = [footer.image.raw]
  for (const foot of feet) {
    const t = alignFooter({ footer, ink: { width: foot.width, height: foot.height, data: inkOf(foot) } })
    if (t.fit < MIN_FOOT_FIT) continue
    layers.push(warpInto({ page: normalised(foot), t, frame: { width, height } }))
  }
  const lightest = () => {
    const { first, second } = lightestOf({ size: width * height, layers })
    return layers.length >= 4 ? second : first
  }
  const image = emptyCells({ ...footer.image, raw: layers.length >= 3 ? lightest() : footer.image.raw })
  return { ...footer, image, mask: { width, height, data: inkOf(image) } }
}

/** Share of the footer's page-number print a foot must show once aligned to count as the same paper. */
const MIN_FOOT_FIT = 0.5

/**
 * Where a batch's pages carry their numbers, from its blank form: the printed page-number box, else (paper
 * learned from the batch) numbers written freely in the foot. A form learned from first pages has their "01"
 * in its foot: `laterFeet` (the feet of a few copies' later pages, asked for only then) take it out.
 */
export const pageNumberFooter = async ({ form, laterFeet }: { form: BlankForm; laterFeet: () => Promise<PageImage[]> }): Promise<FooterForm | undefined> => {
  const footer = footerFormOf(form) ?? freeFooterOf(form)
  return footer && form.source === 'learned' ? footerWithoutWriting({ footer, feet: await laterFeet() }) : footer
}
