import sharp from 'sharp'
import type { Payload } from 'payload'

import { storeMedia } from '../../../storage/uploads'
import { idOf } from '../../../collections/relations'
import type { IdentityZone } from '../../anonymization/lib/zones'
import type { BlankForm, FirstPageReading, PageImage } from '../lib/fields/index'
import type { HeaderFieldName, PointBox } from '../lib/header/index'
import type { Lattice } from '../lib/lattice/index'
import type { FieldCandidate } from '../lib/match/index'
import type { CopyDoc } from './copies'
import type { HeaderReaders } from './engines'
import { firstPageOf } from './forms'
import { readFramedHeader } from './readFramedHeader'
import type { StoredSheet } from './sheetReadings'

export type StoredReadings = {
  fields: Partial<Record<HeaderFieldName, FieldCandidate[]>>
  lattices?: Partial<Record<HeaderFieldName, Lattice>>
  /**
   * labels: printed labels placed the fields; top-lines: the first lines written were taken as the name;
   * fallback: a framed header box whose labels could not be read, read whole
   */
  located: FirstPageReading['located'] | 'fallback'
  /**
   * what placed the fields: a framed header box ingestion found, the exam's subject, a form learned from
   * the batch, or the printed labels found by OCR in the top band of the page (no form to be had)
   */
  form: BlankForm['source'] | 'header-box' | 'top-band'
  /** read on another piece joined to this copy (a loose sheet that names the student for sure): its anonymous id */
  namedBy?: string
  /** the headers of the other sheets joined to this copy, each with the page it was read on (services/sheetReadings.ts) */
  sheets?: StoredSheet[]
}

type RegionAnalysis = { region: string; rotation: number; headerBox?: PointBox }

/**
 * The framed header box ingestion found on the copy's first page. Only valid while that page keeps the
 * rotation it was analysed with: after a hand rotation the box would point at the wrong corner.
 */
const headerBoxOf = async ({ payload, copy }: { payload: Payload; copy: CopyDoc }): Promise<PointBox | undefined> => {
  const first = copy.pages?.[0]
  const batch = idOf(first?.batch)
  if (!first || batch === undefined) return undefined
  const found = await payload.find({ collection: 'scan-pages', where: { and: [{ batch: { equals: batch } }, { sourcePage: { equals: first.sourcePage } }] }, limit: 1, depth: 0, overrideAccess: true })
  const regions = (found.docs[0]?.analysis as { regions?: RegionAnalysis[] } | undefined)?.regions ?? []
  const region = regions.find((r) => r.region === (first.region ?? 'full'))
  return region && region.rotation === (first.rotation ?? 0) ? region.headerBox : undefined
}

/** What the desk shows: the part of the first page where the identity was read (or the top of the page). */
const cropOf = async ({ page, zones }: { page: { raw: Uint8Array; width: number; height: number; dpi: number }; zones: FirstPageReading['zones'] }) => {
  const k = page.dpi / 72
  const boxes = zones.map((z) => z.box)
  const x0 = boxes.length ? Math.max(0, Math.floor(Math.min(...boxes.map((b) => b.x)) * k) - 20) : 0
  const y0 = boxes.length ? Math.max(0, Math.floor(Math.min(...boxes.map((b) => b.y)) * k) - 20) : 0
  const x1 = boxes.length ? Math.min(page.width, Math.ceil(Math.max(...boxes.map((b) => b.x + b.width)) * k) + 20) : page.width
  const y1 = boxes.length ? Math.min(page.height, Math.ceil(Math.max(...boxes.map((b) => b.y + b.height)) * k) + 20) : Math.round(page.height * 0.2)
  return sharp(Buffer.from(page.raw), { raw: { width: page.width, height: page.height, channels: 1 } })
    .extract({ left: x0, top: y0, width: Math.max(1, x1 - x0), height: Math.max(1, y1 - y0) })
    .jpeg({ quality: 80 })
    .toBuffer()
}

/** Any header: the blank form's print taken away, each piece of writing given to its label (lib/fields). */
const readAgainstForm = async ({ payload, copy, readers, form, page: pageOf }: { payload: Payload; copy: CopyDoc; readers: HeaderReaders; form: BlankForm; page?: () => Promise<PageImage> }) => {
  const { readFirstPage } = await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ '../lib/fields/index')
  const page = pageOf ? await pageOf() : await firstPageOf({ payload, copy })
  const reading = await readFirstPage({ page, form, engines: readers.engines })
  return {
    jpeg: await cropOf({ page, zones: reading.zones }),
    readings: { fields: reading.fields, lattices: reading.lattices, located: reading.located, form: form.source } satisfies StoredReadings,
    zones: reading.zones.map((z): IdentityZone => ({ page: 0, box: z.box, source: 'detected' })),
  }
}

/** A copy's header read: the desk's crop, what was read, where the identity is written. */
type CopyHeaderRead = { jpeg: Buffer; readings: StoredReadings; zones: IdentityZone[] }

type ReadArgs = { payload: Payload; copy: CopyDoc; readers: HeaderReaders; form: () => Promise<BlankForm | undefined>; page?: () => Promise<PageImage>; dpi?: number }

/**
 * Reads who wrote one copy, stores the crop the desk shows and returns, with the reading, the zones where
 * the identity is written (the caller stores both in one write, under the exam's lock); which reader reads it:
 * `lib/pipeline/headerRoute.ts`, shared with the CLI.
 */
export const readCopyHeader = async ({
  payload,
  copy,
  readers,
  form,
  subjectForm = async () => undefined,
  page,
  dpi,
}: {
  payload: Payload
  copy: CopyDoc
  readers: HeaderReaders
  form: () => Promise<BlankForm | undefined>
  /** the batch's form when it is the exam's subject (its print and labels exact), made without learning anything */
  subjectForm?: () => Promise<BlankForm | undefined>
  /** The copy's first page when the caller may have it rendered already. */
  page?: () => Promise<PageImage>
  dpi?: number
}): Promise<{ readings: StoredReadings; headerCrop: string | number; zones: IdentityZone[] }> => {
  const headerBox = await headerBoxOf({ payload, copy })
  const { readByRoute } = await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ '../lib/pipeline/headerRoute')
  const args: ReadArgs = { payload, copy, readers, form, page, dpi }
  // Without a subject the batch's form is learned to say whether the name is written in cells: a box's
  // reader cannot see cells.
  const read = await readByRoute<CopyHeaderRead>({
    framed: !!headerBox,
    printedForm: async () => (await subjectForm()) ?? (await form()),
    batchForm: form,
    againstForm: (blank) => readAgainstForm({ ...args, form: blank }),
    readBox: (framed) => readFramedHeader({ ...args, headerBox: framed ? headerBox : undefined }),
    foundLabels: (reading) => reading.readings.located === 'labels',
  })
  const stored = await storeMedia({ payload, bytes: read.jpeg, name: `header-${copy.anonymousId}.jpg`, mimetype: 'image/jpeg', data: { kind: 'header-crop', exam: idOf(copy.exam), copy: copy.id } })
  return { readings: read.readings, headerCrop: stored.id, zones: read.zones }
}
