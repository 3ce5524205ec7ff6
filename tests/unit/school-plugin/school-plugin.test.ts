import type { Config } from 'payload'

import { schoolPlugin } from '../../../examples/school-plugin'
import { exporters, runExport } from '../../../plugins/exports/lib'
import { korrigoHooksOf } from '../../../plugins/publication/hooks/registry'

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
})
