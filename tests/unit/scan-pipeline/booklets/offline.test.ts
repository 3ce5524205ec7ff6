// zxing-wasm fetches its .wasm from a CDN unless given the binary: schools run Korrigo without network.
describe('reading booklet codes', () => {
  it('loads the reader from node_modules, never from the network', async () => {
    const fetched: string[] = []
    const realFetch = globalThis.fetch
    globalThis.fetch = ((input: unknown) => {
      fetched.push(String(input))
      throw new Error('no network')
    }) as typeof fetch
    try {
      const { readPageCodes } = await import('../../../../plugins/scan-pipeline/lib/qr/readCodes.js')
      expect(await readPageCodes({ image: { width: 64, height: 64, data: new Uint8Array(64 * 64).fill(255) } })).toEqual([])
      expect(fetched).toEqual([])
    } finally {
      globalThis.fetch = realFetch
    }
  })
})
