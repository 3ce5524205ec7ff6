import type { Payload } from 'payload'

import { idOf } from '../../../collections/relations'
import { readUpload } from '../../../storage/uploads'
import { unpackMask, type PackedMask } from '../../scan-pipeline/lib/template/mask'
import type { BlankForm, PageImage } from '../lib/fields/index'
import type { CopyDoc } from './copies'
import type { HeaderReaders } from './engines'

/** Copies whose first pages teach a batch its blank form. */
const LEARNING_COPIES = 7

type CutOn = { boundary?: string; firstPage?: PackedMask }

const fields = () => import(/* webpackIgnore: true */ /* turbopackIgnore: true */ '../lib/fields/index')

/** A copy's first page, upright (its PDF carries the crop and /Rotate), as the first-page reader takes it. */
export const firstPageOf = async ({ payload, copy }: { payload: Payload; copy: CopyDoc }): Promise<PageImage> => {
  const media = await payload.findByID({ collection: 'media', id: idOf(copy.pdf)!, depth: 0, overrideAccess: true })
  const bytes = await readUpload({ payload, collection: 'media', doc: media })
  const mupdf = await import('mupdf')
  const { renderPageImage } = await fields()
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf')
  try {
    return renderPageImage({ doc })
  } finally {
    doc.destroy()
  }
}

/**
 * The blank first page each batch of an exam was printed on, made once per identification run: the
 * exam's subject for batches cut on it; otherwise learned from a few of the batch's copies through the
 * print ingestion found (an annex file has another form than the copies). Undefined for plain paper.
 */
export const openFormCache = ({ payload, exam, readers, copies }: { payload: Payload; exam: { blankSubject?: unknown }; readers: HeaderReaders; copies: CopyDoc[] }) => {
  const cache = new Map<string, Promise<BlankForm | undefined>>()
  const build = async (batchId: string): Promise<BlankForm | undefined> => {
    const batch = await payload.findByID({ collection: 'scan-batches', id: batchId, depth: 0, overrideAccess: true, disableErrors: true })
    const cutOn = (batch?.cutOn ?? {}) as CutOn
    const { formFromSubject, learnForm } = await fields()
    const subjectId = idOf(exam.blankSubject)
    if (cutOn.boundary === 'subject' && subjectId !== undefined) {
      const media = await payload.findByID({ collection: 'media', id: subjectId, depth: 0, overrideAccess: true })
      return formFromSubject({ pdf: await readUpload({ payload, collection: 'media', doc: media }) })
    }
    if (!cutOn.firstPage) return undefined
    const learners = copies.filter((c) => c.pdf && String(idOf(c.pages?.[0]?.batch)) === batchId).slice(0, LEARNING_COPIES)
    if (learners.length < 2) return undefined
    const pages = await Promise.all(learners.map((copy) => firstPageOf({ payload, copy })))
    return learnForm({ pages, labels: readers.labels, print: unpackMask(cutOn.firstPage) })
  }
  return {
    formFor: (copy: CopyDoc): Promise<BlankForm | undefined> => {
      const batchId = String(idOf(copy.pages?.[0]?.batch) ?? '')
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
    },
  }
}
