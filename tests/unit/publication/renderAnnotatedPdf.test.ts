import { concatTransformationMatrix, degrees, PDFDocument, rgb } from 'pdf-lib'

import { renderAnnotatedPdf, type StoredAnnotation } from '../../../plugins/publication/lib'
import { boundsWhere, isBlue, isGreen, isRed, pageText, renderPages } from './render'

const SCALE = 2
const TOLERANCE = 2.5 // device pixels, at 2 px per point: anti-aliasing and round caps

/**
 * A copy like the scan pipeline assembles: upright pages through /Rotate and CropBox. Each stored page
 * also carries "scan" content that leaves a scaling `cm` behind, to prove our drawing is fenced from it.
 */
const copyPdf = async (): Promise<{ bytes: Uint8Array; upright: { width: number; height: number }[] }> => {
  const doc = await PDFDocument.create()
  const scanInk = (page: ReturnType<typeof doc.addPage>) => {
    page.drawRectangle({ x: 0, y: 0, width: 30, height: 30, color: rgb(0.6, 0.6, 0.6) })
    page.pushOperators(concatTransformationMatrix(3, 0, 0, 3, 17, 5))
  }
  // 1: plain A4
  scanInk(doc.addPage([595, 842]))
  // 2: A4 stored landscape, turned upright by /Rotate 90
  const p2 = doc.addPage([842, 595])
  p2.setRotation(degrees(90))
  scanInk(p2)
  // 3: an A3 sheet, its right half cropped out and turned by /Rotate 180
  const p3 = doc.addPage([1191, 842])
  p3.setCropBox(595.5, 0, 595.5, 842)
  p3.setRotation(degrees(180))
  scanInk(p3)
  // 4: a MediaBox that does not start at 0, the left half cropped, /Rotate 270
  const p4 = doc.addPage([842, 595])
  p4.setMediaBox(10, 20, 842, 595)
  p4.setCropBox(10, 20, 421, 595)
  p4.setRotation(degrees(270))
  scanInk(p4)
  return {
    bytes: await doc.save(),
    upright: [
      { width: 595, height: 842 },
      { width: 595, height: 842 },
      { width: 595.5, height: 842 },
      { width: 595, height: 421 },
    ],
  }
}

const TICK = { x: 120, y: 160, size: 26 }
const RECT = { x: 300, y: 60, width: 120, height: 50 }
const PEN = [60, 300, 90, 320, 130, 310, 170, 340]

const annotationsFor = (page: number): StoredAnnotation[] => [
  { kind: 'tick', page, geometry: TICK, style: { color: '#d32f2f', width: 2, opacity: 1 }, schemaVersion: 2 },
  { kind: 'rectangle', page, geometry: RECT, style: { color: '#1565c0', width: 2, opacity: 1 }, schemaVersion: 2 },
  { kind: 'pen', page, geometry: { points: PEN }, style: { color: '#2e7d32', width: 3, opacity: 1 }, schemaVersion: 2 },
]

/** Where a shape's ink should be on the upright page, in device pixels (stroke half-width included). */
const expected = (box: { x0: number; y0: number; x1: number; y1: number }, halfWidth: number) => ({
  minX: (box.x0 - halfWidth) * SCALE,
  minY: (box.y0 - halfWidth) * SCALE,
  maxX: (box.x1 + halfWidth) * SCALE,
  maxY: (box.y1 + halfWidth) * SCALE,
})

const expectNear = (actual: Record<string, number> | undefined, want: Record<string, number>, label: string) => {
  expect(actual).toBeDefined()
  for (const key of Object.keys(want)) {
    const delta = Math.abs(actual![key] - want[key])
    if (delta > TOLERANCE) throw new Error(`${label}: ${key} is ${actual![key]}, expected ${want[key].toFixed(1)} ± ${TOLERANCE}`)
  }
}

describe('renderAnnotatedPdf', () => {
  let result: Awaited<ReturnType<typeof renderAnnotatedPdf>>
  let upright: { width: number; height: number }[]

  beforeAll(async () => {
    const copy = await copyPdf()
    upright = copy.upright
    result = await renderAnnotatedPdf({
      copyPdf: copy.bytes,
      annotations: [
        ...[1, 2, 3, 4].flatMap(annotationsFor),
        { kind: 'stamp', page: 1, geometry: { x: 400, y: 700, size: 80 }, style: { color: '#ef6c00', width: 2, opacity: 1 }, text: 'Très bien', schemaVersion: 2 },
        { kind: 'comment', page: 1, geometry: { x: 60, y: 500, width: 200, fontSize: 13 }, style: { color: '#212121', width: 2, opacity: 1 }, text: 'Raisonnement à revoir : la dérivée', schemaVersion: 2 },
        { kind: 'text', page: 2, geometry: { x: 60, y: 500, width: 200, fontSize: 13 }, style: { color: '#212121', width: 2, opacity: 1 }, text: 'Élève appliqué', schemaVersion: 2 },
        { kind: 'highlighter', page: 2, geometry: { points: [60, 700, 260, 700] }, style: { color: '#fdd835', width: 12, opacity: 1 }, schemaVersion: 2 },
        { kind: 'ellipse', page: 3, geometry: { x: 300, y: 600, width: 100, height: 60 }, style: { color: '#212121', width: 2, opacity: 1 }, schemaVersion: 2 },
        { kind: 'cross', page: 3, geometry: { x: 450, y: 450, size: 26 }, style: { color: '#212121', width: 2, opacity: 1 }, schemaVersion: 2 },
        { kind: 'question', page: 4, geometry: { x: 450, y: 300, size: 26 }, style: { color: '#212121', width: 2, opacity: 1 }, schemaVersion: 2 },
        // a v1 record, as the first portal wrote it
        { kind: 'cross', page: 4, geometry: { x: 500, y: 100 }, style: { color: '#212121', strokeWidth: 2 }, schemaVersion: 1 },
        { kind: 'tick', page: 9, geometry: TICK, style: {}, schemaVersion: 2 },
      ],
      grades: [
        { questionKey: 'q1', points: 3.5, comment: 'Démonstration élégante, très complète' },
        { questionKey: 'q2', points: 2 },
      ],
      scale: [
        { key: 'q1', label: 'Dérivées', maxPoints: 4, step: 0.5 },
        { key: 'q2', label: 'Probabilités', maxPoints: 6, step: 0.25 },
      ],
      studentName: 'Zoé Lefèvre',
      examTitle: 'Contrôle de mathématiques — 1ère',
      anonymousId: 'K-1A2B3C4D',
      locale: 'fr',
    })
  })

  it('keeps the pages, adds a summary page and reports what it could not draw', () => {
    expect(result.pageCount).toBe(5)
    expect(result.skipped.map((s) => s.annotation.page)).toEqual([9])
  })

  it('draws ticks, rectangles and pen strokes exactly where the geometry says, on upright, rotated and cropped pages', () => {
    const images = renderPages({ pdf: result.pdf, scale: SCALE })
    expect(images).toHaveLength(5)
    images.slice(0, 4).forEach((image, i) => {
      const label = `page ${i + 1}`
      expect(image.width).toBe(Math.round(upright[i].width * SCALE))
      expect(image.height).toBe(Math.round(upright[i].height * SCALE))
      const s = TICK.size
      expectNear(
        boundsWhere({ image, match: isRed }),
        expected({ x0: TICK.x - 0.42 * s, y0: TICK.y - 0.38 * s, x1: TICK.x + 0.45 * s, y1: TICK.y + 0.32 * s }, s / 16),
        `${label} tick`,
      )
      expectNear(
        boundsWhere({ image, match: isBlue }),
        expected({ x0: RECT.x, y0: RECT.y, x1: RECT.x + RECT.width, y1: RECT.y + RECT.height }, 1),
        `${label} rectangle`,
      )
      const xs = PEN.filter((_, k) => k % 2 === 0)
      const ys = PEN.filter((_, k) => k % 2 === 1)
      // The spline may swing slightly outside the polyline's box between points: compare the ends only.
      const pen = boundsWhere({ image, match: isGreen })
      expectNear(pen && { minX: pen.minX, maxX: pen.maxX }, { minX: (Math.min(...xs) - 1.5) * SCALE, maxX: (Math.max(...xs) + 1.5) * SCALE }, `${label} pen`)
      expect(pen!.minY).toBeGreaterThanOrEqual((Math.min(...ys) - 4) * SCALE)
      expect(pen!.maxY).toBeLessThanOrEqual((Math.max(...ys) + 4) * SCALE)
    })
  })

  it('prints the stamp, text and comment with their accents on the page', () => {
    expect(pageText({ pdf: result.pdf, index: 0 })).toContain('Très bien')
    expect(pageText({ pdf: result.pdf, index: 0 }).replace(/\s+/g, ' ')).toContain('Raisonnement à revoir')
    expect(pageText({ pdf: result.pdf, index: 1 })).toContain('Élève appliqué')
  })

  it('ends with a summary page: exam, student name restored, points per question, comments, total', () => {
    const text = pageText({ pdf: result.pdf, index: 4 }).replace(/\s+/g, ' ')
    expect(text).toContain('Relevé de notes')
    expect(text).toContain('Contrôle de mathématiques — 1ère')
    expect(text).toContain('Élève : Zoé Lefèvre')
    expect(text).toContain('q1 — Dérivées')
    expect(text).toContain('3,5 / 4')
    expect(text).toContain('Démonstration élégante, très complète')
    expect(text).toContain('5,5 / 10')
    expect(text).toContain('11 / 20')
  })
})

describe('copy after copy', () => {
  it('prints each copy with its own characters, though the font is parsed once for all of them', async () => {
    const blank = await PDFDocument.create()
    blank.addPage([595, 842])
    const bytes = await blank.save()
    const names = ['Łukasz Żółć', 'Zoé Lefèvre', 'Ngô Bảo Châu', 'Ægir Þórsson']
    const rendered = []
    for (const studentName of names)
      rendered.push(await renderAnnotatedPdf({ copyPdf: bytes, annotations: [], grades: [], scale: [{ key: 'q1', label: 'Œuvre', maxPoints: 2, step: 1 }], studentName, examTitle: 'DS', locale: 'fr' }))
    for (const [index, name] of names.entries()) {
      const text = pageText({ pdf: rendered[index]!.pdf, index: 1 })
      expect(text).toContain(`Élève : ${name}`)
      for (const other of names.filter((n) => n !== name)) expect(text).not.toContain(other)
    }
  })
})
