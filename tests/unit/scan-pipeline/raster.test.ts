import { cropGray, rotateGray, type GrayImage } from '../../../plugins/scan-pipeline/lib/raster/gray.js'
import { estimateBackground, inkMask } from '../../../plugins/scan-pipeline/lib/raster/background.js'

const ramp = (width: number, height: number): GrayImage => ({ width, height, data: Uint8Array.from({ length: width * height }, (_, i) => i % 251) })

describe('rotateGray', () => {
  it('turns a 3x2 image clockwise by 90°', () => {
    const img: GrayImage = { width: 3, height: 2, data: Uint8Array.from([1, 2, 3, 4, 5, 6]) }
    const r = rotateGray({ image: img, rotation: 90 })
    expect([r.width, r.height]).toEqual([2, 3])
    // top row of the result is the left column read bottom-up
    expect(Array.from(r.data)).toEqual([4, 1, 5, 2, 6, 3])
  })

  it('composes: 90 + 270 and 180 + 180 give back the original', () => {
    const img = ramp(7, 5)
    expect(rotateGray({ image: rotateGray({ image: img, rotation: 90 }), rotation: 270 })).toEqual(img)
    expect(rotateGray({ image: rotateGray({ image: img, rotation: 180 }), rotation: 180 })).toEqual(img)
    expect(rotateGray({ image: rotateGray({ image: img, rotation: 90 }), rotation: 90 })).toEqual(rotateGray({ image: img, rotation: 180 }))
  })

  it('cropGray cuts a vertical band', () => {
    const img: GrayImage = { width: 4, height: 2, data: Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]) }
    expect(Array.from(cropGray({ image: img, x: 2, width: 2 }).data)).toEqual([3, 4, 7, 8])
  })
})

describe('background and ink', () => {
  it('finds grey paper and keeps only clearly darker pixels as ink', () => {
    const data = new Uint8Array(1000).fill(200)
    for (let i = 0; i < 50; i++) data[i * 7] = 40 // pen
    for (let i = 0; i < 50; i++) data[i * 7 + 3] = 180 // light ruled line
    const img: GrayImage = { width: 100, height: 10, data }
    const bg = estimateBackground(img)
    expect(bg).toBe(200)
    const mask = inkMask({ image: img, background: bg })
    expect(mask.reduce((a, b) => a + b, 0)).toBe(50)
  })
})
