import { rgb } from 'pdf-lib'
import type { Figure } from '../content/exercises.js'
import type { Face, Printer } from '../print/printer.js'

const GRID = rgb(0.75, 0.75, 0.75)

/** Small printed figures, different per exercise, so that subject pages differ in more than text. */
export const drawFigure = ({ p, figure, x, y, width, height, face }: { p: Printer; figure: Figure; x: number; y: number; width: number; height: number; face: Face }) => {
  const cx = x + width / 2
  const cy = y + height / 2
  switch (figure) {
    case 'triangle': {
      const A = { x: cx - 90, y: y + height - 10 }
      const B = { x: cx + 110, y: y + height - 10 }
      const C = { x: cx - 90, y: y + 10 }
      p.line({ x1: A.x, y1: A.y, x2: B.x, y2: B.y, thickness: 1 })
      p.line({ x1: B.x, y1: B.y, x2: C.x, y2: C.y, thickness: 1 })
      p.line({ x1: C.x, y1: C.y, x2: A.x, y2: A.y, thickness: 1 })
      p.rect({ x: A.x, y: A.y - 10, width: 10, height: 10, border: 0.6 })
      p.text('A', { x: A.x - 12, y: A.y + 4, size: 10, face })
      p.text('B', { x: B.x + 4, y: B.y + 4, size: 10, face })
      p.text('C', { x: C.x - 12, y: C.y + 4, size: 10, face })
      p.text('6 cm', { x: cx, y: A.y + 12, size: 8, face })
      return
    }
    case 'axes': {
      const step = 14
      for (let gx = x + 10; gx <= x + width - 10; gx += step) p.line({ x1: gx, y1: y + 5, x2: gx, y2: y + height - 5, thickness: 0.3, color: GRID })
      for (let gy = y + 5; gy <= y + height - 5; gy += step) p.line({ x1: x + 10, y1: gy, x2: x + width - 10, y2: gy, thickness: 0.3, color: GRID })
      const ox = x + 10 + step * Math.round((width - 20) / step / 2)
      const oy = y + 5 + step * Math.round((height - 10) / step / 2)
      p.line({ x1: x + 10, y1: oy, x2: x + width - 10, y2: oy, thickness: 1 })
      p.line({ x1: ox, y1: y + 5, x2: ox, y2: y + height - 5, thickness: 1 })
      p.text('O', { x: ox - 10, y: oy + 10, size: 8, face })
      p.text('x', { x: x + width - 16, y: oy - 4, size: 9, face })
      p.text('y', { x: ox + 4, y: y + 14, size: 9, face })
      p.text('1', { x: ox + step - 2, y: oy + 10, size: 7, face })
      return
    }
    case 'circle': {
      p.circle({ cx, cy, r: Math.min(height / 2 - 8, 70), border: 1.2 })
      p.circle({ cx: cx + 12, cy: cy - 6, r: 18, border: 0.9 })
      for (const [dx, dy, lx] of [[-60, -30, -160], [40, 30, 150], [10, -50, 150]] as const) {
        p.line({ x1: cx + dx, y1: cy + dy, x2: cx + lx, y2: cy + dy, thickness: 0.5 })
        p.line({ x1: cx + lx + (lx < 0 ? -70 : 4), y1: cy + dy + 2, x2: cx + lx + (lx < 0 ? -4 : 70), y2: cy + dy + 2, thickness: 0.5, dash: [1, 2] })
      }
      return
    }
    case 'bars': {
      const base = y + height - 14
      p.line({ x1: x + 30, y1: base, x2: x + width - 20, y2: base, thickness: 1 })
      p.line({ x1: x + 30, y1: y + 4, x2: x + 30, y2: base, thickness: 1 })
      const values = [0.45, 0.62, 0.8, 0.7, 0.5, 0.35, 0.4, 0.58, 0.74, 0.66]
      const bw = (width - 70) / values.length
      values.forEach((v, i) => {
        const h = v * (height - 24)
        p.rect({ x: x + 38 + i * bw, y: base - h, width: bw * 0.7, height: h, border: 0.5, fill: rgb(0.6, 0.6, 0.6) })
        p.text(String(2010 + i), { x: x + 36 + i * bw, y: base + 10, size: 6, face })
      })
      return
    }
    case 'map': {
      // a rough hexagon with a few cities: the kind of outline a geography sketch starts from
      const pts = [
        [-0.05, -0.48], [0.3, -0.3], [0.42, 0.05], [0.3, 0.42], [-0.05, 0.48], [-0.38, 0.3], [-0.45, -0.1], [-0.3, -0.32],
      ].map(([u, v]) => ({ x: cx + u! * height * 1.2, y: cy + v! * height }))
      pts.forEach((a, i) => {
        const b = pts[(i + 1) % pts.length]!
        p.line({ x1: a.x, y1: a.y, x2: b.x, y2: b.y, thickness: 1.1 })
      })
      for (const [u, v] of [[0.02, -0.25], [0.2, 0.25], [-0.25, 0.1], [0.25, -0.05]] as const) p.circle({ cx: cx + u * height * 1.2, cy: cy + v * height, r: 2.5, border: 0, fill: rgb(0, 0, 0) })
      p.rect({ x: x + width - 120, y: y + height - 40, width: 110, height: 34, border: 0.6 })
      p.text('Légende', { x: x + width - 112, y: y + height - 28, size: 7, face })
      return
    }
  }
}

/** A printed table, cells outlined, first row and column in bold. */
export const drawTable = ({ p, rows, x, y, width, face, bold }: { p: Printer; rows: string[][]; x: number; y: number; width: number; face: Face; bold: Face }): number => {
  const cols = Math.max(...rows.map((r) => r.length))
  const first = Math.min(width * 0.4, Math.max(60, ...rows.map((r) => p.width(r[0] ?? '', 9, bold) + 12)))
  const rest = (width - first) / Math.max(1, cols - 1)
  const h = 20
  rows.forEach((row, ri) => {
    row.forEach((cell, ci) => {
      const cx = ci === 0 ? x : x + first + (ci - 1) * rest
      const w = ci === 0 ? first : rest
      p.rect({ x: cx, y: y + ri * h, width: w, height: h, border: 0.7, fill: ri === 0 ? rgb(0.9, 0.9, 0.9) : undefined })
      if (cell) p.text(cell, { x: cx + 5, y: y + ri * h + 14, size: 9, face: ri === 0 || ci === 0 ? bold : face })
    })
  })
  return rows.length * h
}
