import { DISCIPLINES } from '../content/exercises.js'
import { designOf } from '../designs/index.js'
import { buildSubject } from '../subject/build.js'

/** A small blank subject (vector A4 pages) to print booklets on: the background of every prepared page. */
export const bookletSubject = async ({ pageCount = 2, title = 'Contrôle de mathématiques' }: { pageCount?: number; title?: string } = {}): Promise<Uint8Array> =>
  (
    await buildSubject({
      design: designOf('two-column'),
      exam: { title, info: 'Durée : 1 h', school: 'Lycée Victor Hugo', className: '2de A', discipline: DISCIPLINES[0]!, date: '01/12/2026', session: '2026', variant: 0.2 },
      pageCount,
    })
  ).bytes
