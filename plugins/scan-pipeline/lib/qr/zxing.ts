import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

import { prepareZXingModule, readBarcodes, type ReadResult } from 'zxing-wasm/reader'

const require = createRequire(import.meta.url)
let prepared: Promise<unknown> | undefined

/**
 * zxing-wasm fetches its .wasm from a CDN unless told otherwise: a server with no network (schools) would
 * then fail on its first scan. The binary shipped in node_modules is handed to the module instead.
 */
const prepare = () => {
  if (!prepared) {
    const bytes = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'))
    const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    prepared = prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true })
  }
  return prepared
}

/** QR codes in an 8-bit grey raster (zxing wants RGBA: the grey value is spread over the three channels). */
export const readQrCodes = async ({ width, height, data }: { width: number; height: number; data: Uint8Array }): Promise<ReadResult[]> => {
  await prepare()
  const rgba = new Uint8ClampedArray(width * height * 4)
  for (let i = 0, j = 0; i < width * height; i++, j += 4) {
    const v = data[i]!
    rgba[j] = v
    rgba[j + 1] = v
    rgba[j + 2] = v
    rgba[j + 3] = 255
  }
  // An A3 spread carries two codes; more than four on one page is not ours.
  return readBarcodes({ data: rgba, width, height, colorSpace: 'srgb' } as unknown as ImageData, { formats: ['QRCode'], tryHarder: true, tryRotate: true, maxNumberOfSymbols: 4 })
}
