import type { CopyReading, SheetReading } from '../lib/match/index'
import type { CopyDoc } from './copies'
import type { StoredReadings } from './readCopyHeader'
import { pagesOf } from './rebuildCopy'

/** The page a sheet's header was read on, as a copy lists its pages. */
type PageKey = { batch: string; sourcePage: number; region: string }

/** Another sheet's header kept on the copy it joined: what was read, and on which page. */
export type StoredSheet = SheetReading & { page: PageKey }

const keyOf = (page: PageKey) => `${page.batch}:${page.sourcePage}:${page.region}`

const readingsOf = (copy: CopyDoc) => copy.identification?.readings as StoredReadings | undefined

/** A copy's own header as one sheet: read on its first page. */
const ownSheet = (copy: CopyDoc): StoredSheet | undefined => {
  const readings = readingsOf(copy)
  const first = pagesOf(copy)[0]
  if (!readings || !first) return undefined
  return { page: { batch: String(first.batch), sourcePage: first.sourcePage, region: first.region }, fields: readings.fields ?? {}, ...(readings.lattices ? { lattices: readings.lattices } : {}) }
}

/**
 * The readings of a copy joined from pieces: the header it is named on (`namedBy`'s when a loose sheet names the
 * student for sure, else the head's), with every other piece's header kept as a sheet of the copy.
 */
export const joinedReadings = ({ head, rest, namedBy }: { head: CopyDoc; rest: CopyDoc[]; namedBy?: CopyDoc }): StoredReadings => {
  const base = namedBy ?? head
  const sheets = [head, ...rest].flatMap((piece) => [...(piece === base ? [] : [ownSheet(piece)]), ...(readingsOf(piece)?.sheets ?? [])]).filter((s): s is StoredSheet => s !== undefined)
  return {
    ...readingsOf(base)!,
    ...(namedBy ? { namedBy: namedBy.anonymousId ?? String(namedBy.id) } : {}),
    sheets,
  }
}

/** What the matcher reads of a copy: its header, and those of its other sheets still in it (a page moved out takes its header away). */
export const copyReadingOf = (copy: CopyDoc): CopyReading => {
  const readings = readingsOf(copy)
  const pages = new Set(pagesOf(copy).map((p) => keyOf({ batch: String(p.batch), sourcePage: p.sourcePage, region: p.region })))
  const sheets = (readings?.sheets ?? []).filter((s) => pages.has(keyOf(s.page))).map(({ fields, lattices }) => ({ fields, ...(lattices ? { lattices } : {}) }))
  return { copyKey: String(copy.id), fields: readings?.fields ?? {}, lattices: readings?.lattices, ...(sheets.length ? { sheets } : {}) }
}
