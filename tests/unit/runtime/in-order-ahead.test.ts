import { inOrderAhead } from '../../../runtime/inOrderAhead'

/** A promise settled by hand, to decide when each item's preparation ends. */
const gate = <T>() => {
  let open!: (value: T) => void
  let fail!: (error: Error) => void
  const promise = new Promise<T>((resolve, reject) => ((open = resolve), (fail = reject)))
  return { promise, open, fail }
}
const tick = () => new Promise((resolve) => setImmediate(resolve))

describe('inOrderAhead', () => {
  it('finishes the items in order while at most `ahead` more are being prepared', async () => {
    const gates = Array.from({ length: 5 }, () => gate<string>())
    const started: number[] = []
    const finished: string[] = []
    const run = inOrderAhead({
      items: [0, 1, 2, 3, 4],
      ahead: 2,
      start: (i) => (started.push(i), gates[i]!.promise),
      finish: async (i, prepared) => void finished.push(`${i}:${prepared}`),
    })
    await tick()
    expect(started).toEqual([0, 1, 2])
    // the later ones ready first: still finished in order, after the first
    gates[2]!.open('c')
    gates[1]!.open('b')
    await tick()
    expect(finished).toEqual([])
    gates[0]!.open('a')
    await tick()
    expect(finished).toEqual(['0:a', '1:b', '2:c'])
    expect(started).toEqual([0, 1, 2, 3, 4])
    gates[3]!.open('d')
    gates[4]!.open('e')
    await run
    expect(finished).toEqual(['0:a', '1:b', '2:c', '3:d', '4:e'])
  })

  it('fails at the failed item’s turn, after the items started with it have settled', async () => {
    const finished: number[] = []
    let settled = 0
    const run = inOrderAhead({
      items: [0, 1, 2],
      ahead: 2,
      start: async (i) => {
        await tick()
        settled++
        if (i === 1) throw new Error('copy 1 could not be rendered')
        return i
      },
      finish: async (i) => void finished.push(i),
    })
    await expect(run).rejects.toThrow('copy 1 could not be rendered')
    expect(finished).toEqual([0])
    expect(settled).toBe(3)
  })
})
