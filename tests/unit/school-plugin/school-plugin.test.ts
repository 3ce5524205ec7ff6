import type { Config } from 'payload'

import { schoolPlugin } from '../../../examples/school-plugin'
import { exporters, runExport } from '../../../plugins/exports/lib'
import { Copies } from '../../../collections/Copies'
import { Exams } from '../../../collections/Exams'
import { korrigoHooksOf } from '../../../plugins/kit'
import { publicationPlugin } from '../../../plugins/publication'

const questions = [{ key: 'Q1', label: 'Exercice', maxPoints: 7, step: 0.25 }]
const copies = [
  { anonymousId: 'K-1', status: 'finalized', student: { lastName: 'Lefèvre', firstName: 'Zoé', className: '2nde 3' }, grades: [{ questionKey: 'Q1', points: 4.25 }] },
  { anonymousId: 'K-2', status: 'marking', student: { lastName: 'Çelik', firstName: 'Noël', className: '2nde 3' }, grades: [] },
]

describe('example school plugin', () => {
  const config = schoolPlugin()({ collections: [], custom: { korrigo: { jobs: [] } } } as unknown as Config) as Config

  it('adds an export format and its rounding rule without touching core code', async () => {
    expect(exporters().map((e) => e.id)).toContain('ent')
    const file = await runExport({ format: 'ent', exam: { id: 1, title: 'Physique' }, questions, copies })
    // 4.25 / 7 × 20 = 12.142… → up to the next half point
    expect(new TextDecoder().decode(file.bytes)).toBe('Classe,Nom,Prénom,Moyenne\n2nde 3,Çelik,Noël,ABS\n2nde 3,Lefèvre,Zoé,12.5\n')
    // the rule is available to the other formats too
    const csv = await runExport({ format: 'csv', exam: { id: 1, title: 'Physique' }, questions, copies, columns: ['outOf20'], rounding: 'half-point-up' })
    expect(new TextDecoder().decode(csv.bytes)).toContain('12,5')
  })

  it('keeps the jobs of the config and adds an onExamPublished callback', async () => {
    expect(config.custom?.korrigo?.jobs).toEqual([])
    const published: string[] = []
    const withCallback = schoolPlugin({ onPublished: (exam) => void published.push(exam.title) })({ collections: [] } as unknown as Config) as Config
    const [callback] = korrigoHooksOf(withCallback).onExamPublished
    await callback({ exam: { id: 1, title: 'Physique' }, payload: { logger: { info: () => undefined } } as never })
    expect(published).toEqual(['Physique'])
  })

  it('gets its callbacks with publication disabled: the events are the core collections’, not publication’s', async () => {
    const published: string[] = []
    const base = { collections: [Copies, Exams], custom: { korrigo: { jobs: [] } } } as unknown as Config
    const built = [publicationPlugin({ enabled: false }), schoolPlugin({ onPublished: (exam) => void published.push(exam.title) })].reduce((c, plugin) => plugin(c) as Config, base)
    const exams = built.collections!.find((c) => c.slug === 'exams')!
    const payload = { config: built, logger: { info: () => undefined, error: () => undefined } }
    const change = (doc: Record<string, unknown>, previousDoc: Record<string, unknown>) =>
      Promise.all((exams.hooks?.afterChange ?? []).map((hook) => hook({ doc, previousDoc, operation: 'update', req: { payload } } as never)))
    await change({ id: 1, title: 'Physique', status: 'marking' }, { id: 1, title: 'Physique', status: 'ready' })
    expect(published).toEqual([])
    await change({ id: 1, title: 'Physique', status: 'published' }, { id: 1, title: 'Physique', status: 'marking' })
    expect(published).toEqual(['Physique'])
    // and once only: saving a published exam again is not a new publication
    await change({ id: 1, title: 'Physique', status: 'published' }, { id: 1, title: 'Physique', status: 'published' })
    expect(published).toEqual(['Physique'])
    expect(built.collections!.find((c) => c.slug === 'copies')!.hooks?.afterChange?.length).toBeGreaterThan(0)
  })
})
