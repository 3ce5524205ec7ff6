import type { BlankForm } from '../../../plugins/identification/lib/fields/index'
import { readByRoute, type HeaderRoute } from '../../../plugins/identification/lib/pipeline/headerRoute'

// The app (services/readCopyHeader.ts) and the CLI (lib/pipeline/readCopies.ts) read a copy's header the same
// way through readByRoute. Forms here are real BlankForms: one with a row of letter cells right of its NOM
// label (the official sheet), one with the label alone.
const W = 320
const H = 60

const formOf = ({ cells }: { cells: boolean }): BlankForm => {
  const data = new Uint8Array(W * H)
  const draw = (x0: number, y0: number, x1: number, y1: number) => {
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[y * W + x] = 1
  }
  if (cells) {
    draw(70, 12, 292, 14)
    draw(70, 42, 292, 44)
    for (let k = 0; k <= 11; k++) draw(70 + k * 20, 12, 72 + k * 20, 44)
  }
  return {
    image: { raw: new Uint8Array(W * H).fill(255), width: W, height: H, widthPt: W, heightPt: H, dpi: 72 },
    mask: { width: W, height: H, data },
    labels: [{ kind: 'lastName', text: 'NOM', x0: 10, y0: 20, x1: 60, y1: 32 }],
    source: 'learned',
  }
}

type Read = { by: string; labels?: boolean }

const route = (over: Partial<HeaderRoute<Read>> & { form?: BlankForm; boxLabels?: boolean }) => {
  const asked: string[] = []
  const r: HeaderRoute<Read> = {
    framed: true,
    printedForm: async () => (asked.push('printed'), over.form),
    batchForm: async () => (asked.push('batch'), over.form),
    againstForm: async (form) => ({ by: form === cellsForm ? 'cells form' : 'plain form' }),
    readBox: async (framed) => ({ by: framed ? 'box' : 'top band', labels: over.boxLabels ?? false }),
    foundLabels: (read) => !!read.labels,
    ...over,
  }
  return { run: () => readByRoute(r), asked }
}

const cellsForm = formOf({ cells: true })
const plainForm = formOf({ cells: false })

describe('which reader reads a copy header', () => {
  it('reads a framed page against its form when the form asks for letter cells, never by the box', async () => {
    const { run } = route({ form: cellsForm, readBox: async () => { throw new Error('the box was read') } })
    expect(await run()).toEqual({ by: 'cells form' })
  })

  it('reads a framed page by its box when the box holds its labels', async () => {
    expect(await route({ form: plainForm, boxLabels: true }).run()).toEqual({ by: 'box', labels: true })
  })

  it('reads a framed page whose box holds no label against the batch form, or by the box when there is none', async () => {
    expect(await route({ form: plainForm }).run()).toEqual({ by: 'plain form' })
    expect(await route({ form: undefined }).run()).toEqual({ by: 'box', labels: false })
  })

  it('reads an unframed page against the batch form, else by its top band, and asks no printed form', async () => {
    const withForm = route({ framed: false, form: cellsForm })
    expect(await withForm.run()).toEqual({ by: 'cells form' })
    expect(withForm.asked).toEqual(['batch'])
    expect(await route({ framed: false, form: undefined }).run()).toEqual({ by: 'top band', labels: false })
  })
})
