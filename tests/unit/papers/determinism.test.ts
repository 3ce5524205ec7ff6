import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { buildBatch, getBatch, type BatchSpec } from '../../../tools/papers/index.js'

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

describe('determinism', () => {
  const spec: BatchSpec = { name: 'det', seed: 4242, design: 'official', format: 'a4', copies: 2, fonts: 'heldOut', writtenDob: true, pageNumbers: true, flips: 0.5, inserts: 1 }

  it('the same spec gives the same bytes, truth and roster; another seed does not', async () => {
    const a = await buildBatch(spec)
    const b = await buildBatch(spec)
    expect(sha(a.bytes)).toBe(sha(b.bytes))
    expect(sha(a.subject)).toBe(sha(b.subject))
    expect(a.truth).toEqual(b.truth)
    expect(a.roster).toEqual(b.roster)
    const c = await buildBatch({ ...spec, seed: 4243 })
    expect(sha(c.bytes)).not.toBe(sha(a.bytes))
  }, 600_000)

  it('cached presets are read back as written, from outside the clone', async () => {
    const first = await getBatch('two-column-a4-mini')
    const again = await getBatch('two-column-a4-mini')
    expect(first.path).toBe(again.path)
    expect(first.path.startsWith(process.cwd())).toBe(false)
    expect(sha(new Uint8Array(readFileSync(first.path)))).toBe(sha(again.bytes))
    expect(again.truth).toEqual(first.truth)
  }, 600_000)
})
