import { formFromSubject, writesNameInCells } from '../../../plugins/identification/lib/fields/index'
import { getBatch, getScenario } from '../../../tools/papers/index'

// Which reader a framed copy gets depends on it (services/readCopyHeader.ts): letter cells are read with
// the subject's print taken away, any other frame by the frame's own labels.
describe('a form that asks for the name one letter per cell', () => {
  it('is the official exam sheet, and none of the other header designs', async () => {
    const official = await getScenario('copier-mock-bac')
    expect(writesNameInCells(formFromSubject({ pdf: official.subject }))).toBe(true)
    for (const name of ['framed-a4-mini', 'one-line-a4-mini', 'two-column-a4-mini', 'right-header-a4-mini'] as const) {
      const { subject } = await getBatch(name)
      expect([name, writesNameInCells(formFromSubject({ pdf: subject }))]).toEqual([name, false])
    }
  }, 300_000)
})
