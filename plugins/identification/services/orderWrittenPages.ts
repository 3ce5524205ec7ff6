import type { Payload } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import { examCopiesLock, withLock } from '../../../locks/withLock'
import { inOrderAhead } from '../../../runtime/inOrderAhead'
import { inTransaction } from '../../../runtime/transaction'
import { readUpload } from '../../../storage/uploads'
import type { BlankForm } from '../lib/fields/index'
import type { OcrEngine } from '../lib/ocr/index'
import type { FooterForm } from '../lib/pageNumbers/footer'
import { sheetKeys } from '../lib/pageNumbers/foldedSheet'
import { DECISIONS_SLUG } from '../collections/IdentificationDecisions'
import { copiesOfExam, isOpen, isSettled, type CopyDoc } from './copies'
import { recordDecision } from './decisions'
import type { StoredReadings } from './readCopyHeader'
import { editUnderLock } from './editPages'
import { batchSources, pagesOf, rebuildCopy } from './rebuildCopy'

// Loaded on first use (mupdf, OCR): the admin's bundle of the config never needs them.
const pipeline = () => import(/* webpackIgnore: true */ /* turbopackIgnore: true */ '../lib/pipeline/readCopies')
const aside = () => import(/* webpackIgnore: true */ /* turbopackIgnore: true */ '../lib/pageNumbers/aside/numberCropsAside')

/** What the last reading of a copy's page numbers found, kept with its readings so a run reads each page list once. */
export type StoredPageOrder = {
  key: string
  total?: number
  missing?: number[]
  /** the number read on each page, in the copy's page order (null: none), when the numbers make one count */
  numbers?: (number | null)[]
}

/** The copy's anomalies this step writes start with it, so a later reading replaces them. */
const MISSING_PREFIX = 'Written page numbers:'

export const pagesKey = (copy: CopyDoc): string => pagesOf(copy).map((p) => `${p.batch}:${p.sourcePage}:${p.region}:${p.rotation}`).join('|')

/** A person who moved, turned or regrouped a copy's pages decided their order: it is not read again. */
const editedByHand = async ({ payload, copy }: { payload: Payload; copy: Id }): Promise<boolean> => {
  const { totalDocs } = await payload.count({
    collection: DECISIONS_SLUG as never,
    where: { and: [{ copy: { equals: copy } }, { method: { equals: 'manual' } }, { action: { in: ['reorder', 'move-page', 'rotate', 'split', 'merge'] } }] },
    overrideAccess: true,
  })
  return totalDocs > 0
}

const missingMessage = ({ missing, total }: { missing: number[]; total: number }) =>
  `${MISSING_PREFIX} ${missing.length === 1 ? 'page' : 'pages'} ${missing.join(', ')} of ${total} ${missing.length === 1 ? 'is' : 'are'} missing`

/**
 * Puts each copy's pages in the order its student numbered them ("n / N" in the footer of an official
 * exam sheet, or written freely in the foot of paper learned from the batch that prints no page-number
 * box) and names the pages no sheet carries. Copies on a subject without a page-number box, copies
 * decided by hand or being marked are left alone; a copy whose numbers are not read surely keeps the
 * order of the scan. Reading happens outside the exam's lock; the change is written under it, only if
 * the copy's pages did not change meanwhile. Returns how many copies were put in another order, and how many
 * had their numbers read (each kept with the copy: pieces are joined on them).
 */
export const orderWrittenPages = async ({
  payload,
  examId,
  formForBatch,
  engines,
}: {
  payload: Payload
  examId: Id
  formForBatch: (batchId: string) => Promise<BlankForm | undefined>
  engines: () => Promise<OcrEngine[]>
}): Promise<{ reordered: number; numbered: number; split: number }> => {
  const { footerOfPage, laterFeet, pageNumberFooter, readCopyOrder } = await pipeline()
  const copies = (await copiesOfExam({ payload, examId })).filter((c) => isOpen(c) && !isSettled(c) && c.pdf && (c.pages?.length ?? 0) >= 2)
  const pdfOf = async (copy: CopyDoc): Promise<Uint8Array | undefined> => {
    const media = await payload.findByID({ collection: 'media', id: idOf(copy.pdf)!, depth: 0, overrideAccess: true, disableErrors: true })
    return media ? readUpload({ payload, collection: 'media', doc: media }) : undefined
  }
  // the feet of the later pages of the batch's first copies
  const batchFeet = async (batchId: string) => {
    const feet = []
    for (const copy of copies.filter((c) => String(idOf(c.pages?.[0]?.batch)) === batchId).slice(0, 3)) {
      const pdf = await pdfOf(copy)
      if (!pdf) continue
      try {
        feet.push(...laterFeet({ pdf }))
      } catch (error) {
        // A copy mupdf cannot render teaches nothing: the others' feet do.
        payload.logger.warn({ copy: copy.id, err: (error as Error).message }, 'a copy could not be rendered to learn its footer')
      }
    }
    return feet
  }
  const learnFooter = async (batchId: string): Promise<FooterForm | undefined> => {
    const form = await formForBatch(batchId)
    return form ? pageNumberFooter({ form, laterFeet: () => batchFeet(batchId) }) : undefined
  }
  // Learned once per batch, however many copies ask at once.
  const footers = new Map<string, Promise<FooterForm | undefined>>()
  const footerOf = (batchId: string) => footers.get(batchId) ?? (footers.set(batchId, learnFooter(batchId)), footers.get(batchId)!)
  const { CROPS_AHEAD, numberCropsAside } = await aside()
  // What a copy needs to be read, its number spots cut on another thread while the copies before it are scored.
  const prepare = async (copy: CopyDoc) => {
    const readings = copy.identification?.readings as (StoredReadings & { pageOrder?: StoredPageOrder }) | undefined
    if (!readings || readings.pageOrder?.key === pagesKey(copy)) return undefined
    const pages = pagesOf(copy)
    // The footers are cached per batch: paper without a page-number box costs no query per copy. A subject's
    // pages each have their own (their printed folio taken away): the one the page matched.
    const pageFooters = await Promise.all(pages.map(async (p) => footerOfPage({ footer: await footerOf(String(p.batch)), subjectPage: p.subjectPage })))
    if (!pageFooters.some(Boolean) || (await editedByHand({ payload, copy: copy.id }))) return undefined
    const pdf = await pdfOf(copy)
    if (!pdf) return undefined
    const blank = pages.map((p) => Boolean(p.blank))
    const crops = (await engines()).some((e) => e.lattice) ? await numberCropsAside({ pdf, footers: pageFooters, blank }) : undefined
    return { readings, pages, pdf, pageFooters, blank, crops }
  }
  let reordered = 0
  let numbered = 0
  let split = 0
  const finish = async (copy: CopyDoc, prepared: Awaited<ReturnType<typeof prepare>>) => {
    if (!prepared) return
    const { readings, pages, pdf, pageFooters, blank, crops } = prepared
    // An A3 copie double is cut into four halves from a duplex scan's two sides (pages 2k-1 and 2k): one sheet.
    const { sheetOf, sideOf } = sheetKeys(pages)
    const { order, numbers, restart } = await readCopyOrder({ pdf, footers: pageFooters, blank, sheets: sheetOf, sides: sideOf, engines: await engines(), crops })
    if (restart) {
      if (await splitAtRestart({ payload, examId, copy, at: restart.at })) split++
      return
    }
    await withLock({
      payload,
      key: examCopiesLock(examId),
      work: async () => {
        const now = (await payload.findByID({ collection: 'copies', id: copy.id, depth: 0, overrideAccess: true, disableErrors: true })) as CopyDoc | null
        // Edited meanwhile (a hand edit, a merge): the next run reads the new page list.
        if (!now || pagesKey(now) !== pagesKey(copy) || !isOpen(now) || isSettled(now)) return
        // The new order, its decision and the reading that led to it: together, or not at all.
        const moved = await inTransaction({
          payload,
          work: async (req) => {
            let current = now
            const moves = order && order.order.some((old, i) => old !== i)
            if (moves) {
              current = await rebuildCopy({ payload, req, copy: now, pages: order.order.map((i) => pages[i]!), sources: await batchSources({ payload, pages }), order: order.order })
              await recordDecision({ payload, req, exam: examId, copy: copy.id, action: 'reorder', method: 'auto', details: { automatic: true, reason: 'the page numbers the student wrote', order: order.order } })
            }
            const others = ((current.anomalies as string[] | null) ?? []).filter((a) => !a.startsWith(MISSING_PREFIX))
            const missing = order?.missing.length ? [missingMessage({ missing: order.missing, total: order.total })] : []
            const pageOrder: StoredPageOrder = {
              key: pagesKey(current),
              ...(order ? { total: order.total, missing: order.missing, numbers: order.order.map((i) => numbers[i]?.n ?? null) } : {}),
            }
            await payload.update({
              collection: 'copies',
              id: copy.id,
              depth: 0,
              overrideAccess: true,
              req,
              data: { anomalies: [...others, ...missing], identification: { ...current.identification, readings: { ...readings, pageOrder } } } as never,
            })
            return Boolean(moves)
          },
        })
        if (moved) reordered++
        if (order) numbered++
      },
    })
  }
  await inOrderAhead({ items: copies, ahead: CROPS_AHEAD, start: prepare, finish })
  return { reordered, numbered, split }
}

/**
 * A copy whose written numbers start again at 1 on page `at` holds a second copy from there (a student who wrote
 * no name on their first sheet, cut into the copy before): split as a person would split it at the desk (the
 * copy keeps its pages before, a new copy takes the rest, to be read like any other), logged as automatic —
 * unless the copy changed meanwhile.
 */
const splitAtRestart = async ({ payload, examId, copy, at }: { payload: Payload; examId: Id; copy: CopyDoc; at: number }): Promise<boolean> =>
  withLock({
    payload,
    key: examCopiesLock(examId),
    work: async () => {
      const now = (await payload.findByID({ collection: 'copies', id: copy.id, depth: 0, overrideAccess: true, disableErrors: true })) as CopyDoc | null
      if (!now || pagesKey(now) !== pagesKey(copy) || !isOpen(now) || isSettled(now)) return false
      const auto = { reason: 'the page numbers the student wrote start again at 1' }
      await inTransaction({ payload, work: (req) => editUnderLock({ payload, req, edit: { action: 'split', copyId: copy.id, at }, examId, auto }) })
      return true
    },
  })
