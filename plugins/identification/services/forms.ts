import type { Payload } from 'payload'

import { idOf } from '../../../collections/relations'
import { readUpload } from '../../../storage/uploads'
import type { PackedMask } from '../../scan-pipeline/lib/template/mask'
import type { BlankForm, PageImage } from '../lib/fields/index'
import type { CopyDoc } from './copies'
import type { HeaderReaders } from './engines'

type CutOn = { boundary?: string; firstPage?: PackedMask }

// Loaded on first use (mupdf, OCR): the admin's bundle of the config never needs them.
const pipeline = () => import(/* webpackIgnore: true */ /* turbopackIgnore: true */ '../lib/pipeline/readCopies')

/** A copy's first page, upright (its PDF carries the crop and /Rotate), as the first-page reader takes it. */
export const firstPageOf = async ({ payload, copy }: { payload: Payload; copy: CopyDoc }): Promise<PageImage> => {
  const media = await payload.findByID({ collection: 'media', id: idOf(copy.pdf)!, depth: 0, overrideAccess: true })
  return (await pipeline()).firstPageImage(await readUpload({ payload, collection: 'media', doc: media }))
}

/**
 * The blank first page each batch of an exam was printed on, made once per identification run: the
 * exam's subject for batches cut on it; otherwise learned from a few of the batch's copies through the
 * print ingestion found (an annex file has another form than the copies). Undefined for plain paper.
 */
export const openFormCache = ({ payload, exam, readers, copies }: { payload: Payload; exam: { blankSubject?: unknown }; readers: () => Promise<HeaderReaders>; copies: CopyDoc[] }) => {
  const cache = new Map<string, Promise<BlankForm | undefined>>()
  const build = async (batchId: string): Promise<BlankForm | undefined> => {
    const batch = await payload.findByID({ collection: 'scan-batches', id: batchId, depth: 0, overrideAccess: true, disableErrors: true })
    const cutOn = (batch?.cutOn ?? {}) as CutOn
    const { batchForm, LEARNING_PAGES } = await pipeline()
    const subjectId = idOf(exam.blankSubject)
    if (cutOn.boundary === 'subject' && subjectId !== undefined) {
      const media = await payload.findByID({ collection: 'media', id: subjectId, depth: 0, overrideAccess: true })
      return batchForm({ subject: await readUpload({ payload, collection: 'media', doc: media }), pages: [], readers: await readers() })
    }
    if (!cutOn.firstPage) return undefined
    const learners = copies.filter((c) => c.pdf && String(idOf(c.pages?.[0]?.batch)) === batchId).slice(0, LEARNING_PAGES)
    const pages = learners.length < 2 ? [] : await Promise.all(learners.map((copy) => firstPageOf({ payload, copy })))
    return batchForm({ firstPagePrint: cutOn.firstPage, pages, readers: await readers() })
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
    formFor: (copy: CopyDoc): Promise<BlankForm | undefined> => formForBatch(String(idOf(copy.pages?.[0]?.batch) ?? '')),
  }
}
