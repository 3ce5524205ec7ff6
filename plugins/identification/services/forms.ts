import type { Payload } from 'payload'

import { idOf } from '../../../collections/relations'
import { NotFoundError } from '../../../runtime/errors'
import { readUpload } from '../../../storage/uploads'
import type { PackedMask } from '../../scan-pipeline/lib/template/mask'
import type { BlankForm, PageImage } from '../lib/fields/index'
import type { CopyDoc } from './copies'
import type { HeaderReaders } from './engines'

type CutOn = { boundary?: string; firstPage?: PackedMask; looseSheets?: boolean }

// Loaded on first use (mupdf, OCR): the admin's bundle of the config never needs them.
const pipeline = () => import(/* webpackIgnore: true */ /* turbopackIgnore: true */ '../lib/pipeline/readCopies')

/** A copy's first page, upright (its PDF carries the crop and /Rotate), as the first-page reader takes it. */
export const firstPageOf = async ({ payload, copy }: { payload: Payload; copy: CopyDoc }): Promise<PageImage> => {
  const mediaOf = (id: unknown) => payload.findByID({ collection: 'media', id: idOf(id)!, depth: 0, overrideAccess: true, disableErrors: true })
  // A copy joined with its other pieces since the run began has a new PDF; one joined into another is gone.
  let media = await mediaOf(copy.pdf)
  if (!media) {
    const now = await payload.findByID({ collection: 'copies', id: copy.id, depth: 0, overrideAccess: true, disableErrors: true })
    if (!now?.pdf) throw new NotFoundError(`copy ${copy.id} was joined into another: its first page is no longer its own`)
    media = await mediaOf(now.pdf)
    if (!media) throw new NotFoundError(`copy ${copy.id} has no PDF`)
  }
  return (await pipeline()).firstPageImage(await readUpload({ payload, collection: 'media', doc: media }))
}

/** A learner's first page, or none when it was joined into another since the run began: it teaches nothing then. */
const stillThere = (rendering: Promise<PageImage>): Promise<PageImage | undefined> =>
  rendering.catch((error: unknown) => {
    if (error instanceof NotFoundError) return undefined
    throw error
  })

/**
 * The blank first page each batch of an exam was printed on, made once per identification run: the
 * exam's subject for batches cut on it; otherwise learned from a few of the batch's copies through the
 * print ingestion found, or from their pages alone (an annex file has another form than the copies).
 * Undefined with too few first pages, or when a form learned from the pages alone prints identity labels
 * but no name label (`batchForm`).
 */
export const openFormCache = ({ payload, exam, readers, copies }: { payload: Payload; exam: { blankSubject?: unknown }; readers: () => Promise<HeaderReaders>; copies: CopyDoc[] }) => {
  const cache = new Map<string, Promise<BlankForm | undefined>>()
  const cutOnOf = async (batchId: string): Promise<CutOn> =>
    ((await payload.findByID({ collection: 'scan-batches', id: batchId, depth: 0, overrideAccess: true, disableErrors: true }))?.cutOn ?? {}) as CutOn
  const onSubject = (cutOn: CutOn) => cutOn.boundary === 'subject' && idOf(exam.blankSubject) !== undefined
  const learnersOf = async (batchId: string) => {
    const { LEARNING_PAGES } = await pipeline()
    return copies.filter((c) => c.pdf && String(idOf(c.pages?.[0]?.batch)) === batchId).slice(0, LEARNING_PAGES)
  }
  // The learners' first pages are rendered once per run: to learn the form, to see whether the paper numbers
  // its pages, and to read those copies' headers (a page each time, otherwise).
  const learnerPages = new Map<string, Promise<PageImage>>()
  const pageOf = async (copy: CopyDoc): Promise<PageImage> => {
    const key = `${copy.id}:${idOf(copy.pdf)}`
    const known = learnerPages.get(key)
    if (known) return known
    const rendering = firstPageOf({ payload, copy })
    if ((await learnersOf(String(idOf(copy.pages?.[0]?.batch) ?? ''))).some((c) => c.id === copy.id)) {
      learnerPages.set(key, rendering)
      rendering.catch(() => learnerPages.delete(key))
    }
    return rendering
  }
  const build = async (batchId: string): Promise<BlankForm | undefined> => {
    const cutOn = await cutOnOf(batchId)
    const { batchForm } = await pipeline()
    if (onSubject(cutOn)) {
      const media = await payload.findByID({ collection: 'media', id: idOf(exam.blankSubject)!, depth: 0, overrideAccess: true })
      return batchForm({ subject: await readUpload({ payload, collection: 'media', doc: media }), pages: [], readers: await readers() })
    }
    // Without a first-page print (a batch cut on its sheets' structure) the form may still be learned from the
    // pages alone: batchForm decides whether it is kept.
    const learners = await learnersOf(batchId)
    const pages = learners.length < 2 ? [] : (await Promise.all(learners.map((copy) => stillThere(pageOf(copy))))).filter((page) => page !== undefined)
    return batchForm({ firstPagePrint: cutOn.firstPage, looseSheets: cutOn.looseSheets, pages, readers: await readers() })
  }
  /**
   * Whether a batch's paper may print page-number labels: a subject's form costs nothing to make; a form to
   * learn (seconds) is learned only when one of two first pages shows such labels in its foot.
   */
  const footed = new Map<string, Promise<boolean>>()
  const mayNumberPages = (batchId: string): Promise<boolean> => {
    let known = footed.get(batchId)
    if (!known) {
      known = (async () => {
        const cutOn = await cutOnOf(batchId)
        if (onSubject(cutOn)) return true
        if (!cutOn.firstPage) return false
        const { printsPageNumbers } = await pipeline()
        const { labels } = await readers()
        let looked = 0
        for (const copy of await learnersOf(batchId)) {
          const page = await stillThere(pageOf(copy))
          if (!page) continue
          if (await printsPageNumbers({ page, labels })) return true
          if (++looked === 2) break
        }
        return false
      })().catch((error: Error) => {
        // Pages keep the scan's order; the names read are not lost for it.
        payload.logger.warn({ batch: batchId, err: error.message }, 'whether a batch prints page numbers could not be read; its pages keep the scan order')
        return false
      })
      footed.set(batchId, known)
    }
    return known
  }
  const formForBatch = (batchId: string): Promise<BlankForm | undefined> => {
    if (!batchId) return Promise.resolve(undefined)
    let form = cache.get(batchId)
    if (!form) {
      form = build(batchId).catch((error: Error) => {
        payload.logger.warn({ batch: batchId, err: error.message }, 'the blank form of a batch could not be made; its copies are read without it')
        return undefined
      })
      cache.set(batchId, form)
    }
    return form
  }
  return {
    formForBatch,
    /** A copy's first page, upright: a learner's is rendered once for the run. */
    pageOf,
    /** The form whose foot says where page numbers are written: the batch's form when one is made or may be worth making. */
    formForFooter: async (batchId: string): Promise<BlankForm | undefined> => (cache.has(batchId) || (batchId && (await mayNumberPages(batchId))) ? formForBatch(batchId) : undefined),
    formFor: (copy: CopyDoc): Promise<BlankForm | undefined> => formForBatch(String(idOf(copy.pages?.[0]?.batch) ?? '')),
    /** The batch's form when it was cut on the exam's subject (nothing to learn), else undefined. */
    subjectFormFor: async (copy: CopyDoc): Promise<BlankForm | undefined> => {
      const batchId = String(idOf(copy.pages?.[0]?.batch) ?? '')
      return batchId && onSubject(await cutOnOf(batchId)) ? formForBatch(batchId) : undefined
    },
  }
}
