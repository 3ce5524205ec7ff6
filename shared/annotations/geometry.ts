import type { AnnotationShape, PageBox } from './types'

const round = (value: number): number => Math.round(value * 100) / 100

/** Axis-aligned bounds in page points (stroke width not included). */
export const boundsOf = (shape: AnnotationShape): PageBox => {
  switch (shape.kind) {
    case 'pen':
    case 'highlighter': {
      const xs = shape.geometry.points.filter((_, i) => i % 2 === 0)
      const ys = shape.geometry.points.filter((_, i) => i % 2 === 1)
      if (!xs.length) return { x: 0, y: 0, width: 0, height: 0 }
      const x = Math.min(...xs)
      const y = Math.min(...ys)
      return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y }
    }
    case 'rectangle':
    case 'ellipse':
      return { ...shape.geometry }
    case 'tick':
    case 'cross':
    case 'question':
    case 'stamp': {
      const { size, x, y } = shape.geometry
      return { x: x - size / 2, y: y - size / 2, width: size, height: size }
    }
    case 'text':
    case 'comment': {
      const { fontSize, width, x, y } = shape.geometry
      const lines = Math.max(1, shape.text.split('\n').length)
      return { x, y, width, height: lines * fontSize * 1.25 }
    }
  }
}

/** Maps a shape so that its bounds `from` become `to` (move and resize share this one rule). */
export const fitToBox = (shape: AnnotationShape, from: PageBox, to: PageBox): AnnotationShape => {
  const sx = from.width > 0 ? to.width / from.width : 1
  const sy = from.height > 0 ? to.height / from.height : 1
  const mapX = (x: number) => round(to.x + (x - from.x) * sx)
  const mapY = (y: number) => round(to.y + (y - from.y) * sy)
  switch (shape.kind) {
    case 'pen':
    case 'highlighter':
      return { ...shape, geometry: { points: shape.geometry.points.map((v, i) => (i % 2 === 0 ? mapX(v) : mapY(v))) } }
    case 'rectangle':
    case 'ellipse':
      return { ...shape, geometry: { x: mapX(shape.geometry.x), y: mapY(shape.geometry.y), width: round(shape.geometry.width * sx), height: round(shape.geometry.height * sy) } }
    case 'tick':
    case 'cross':
    case 'question':
    case 'stamp':
      return { ...shape, geometry: { x: mapX(shape.geometry.x), y: mapY(shape.geometry.y), size: round(shape.geometry.size * Math.min(sx, sy)) } }
    case 'text':
    case 'comment':
      return {
        ...shape,
        geometry: { x: mapX(shape.geometry.x), y: mapY(shape.geometry.y), width: round(shape.geometry.width * sx), fontSize: round(shape.geometry.fontSize * sy) },
      }
  }
}

export const translate = (shape: AnnotationShape, dx: number, dy: number): AnnotationShape => {
  const from = boundsOf(shape)
  return fitToBox(shape, from, { ...from, x: from.x + dx, y: from.y + dy })
}

/**
 * Evens out the jitter of a pointer: drops samples closer than `minDistance` points, then averages each
 * inner point with its neighbours. Endpoints stay where the pen went down and up.
 */
export const smoothStroke = ({ points, minDistance = 1 }: { points: number[]; minDistance?: number }): number[] => {
  const kept: number[] = []
  for (let i = 0; i + 1 < points.length; i += 2) {
    const n = kept.length
    const isLast = i + 2 >= points.length
    if (n >= 2 && !isLast && Math.hypot(points[i] - kept[n - 2], points[i + 1] - kept[n - 1]) < minDistance) continue
    kept.push(points[i], points[i + 1])
  }
  if (kept.length <= 4) return kept.map(round)
  const out = [kept[0], kept[1]]
  for (let i = 2; i + 3 < kept.length; i += 2) {
    out.push((kept[i - 2] + 2 * kept[i] + kept[i + 2]) / 4, (kept[i - 1] + 2 * kept[i + 1] + kept[i + 3]) / 4)
  }
  out.push(kept[kept.length - 2], kept[kept.length - 1])
  return out.map(round)
}

export const clampToPage = (box: PageBox, page: { width: number; height: number }): PageBox => ({
  ...box,
  x: Math.min(Math.max(box.x, -box.width / 2), page.width - box.width / 2),
  y: Math.min(Math.max(box.y, -box.height / 2), page.height - box.height / 2),
})
