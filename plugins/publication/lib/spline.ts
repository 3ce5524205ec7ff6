/**
 * SVG path for a polyline drawn with a tension, like Konva's `Line tension` (a cardinal spline):
 * each inner point gets two control points along the direction of its neighbours, split by the
 * lengths of the adjacent segments; the first and last segments are quadratic.
 */
const fmt = (n: number): string => (Math.round(n * 100) / 100).toString()

export const splinePath = ({ points, tension }: { points: number[]; tension: number }): string => {
  const n = Math.floor(points.length / 2)
  if (n === 0) return ''
  const p = (i: number) => [points[2 * i], points[2 * i + 1]] as const
  const [sx, sy] = p(0)
  // A dot: a zero-length segment, drawn with round caps.
  if (n === 1) return `M${fmt(sx)},${fmt(sy)} L${fmt(sx)},${fmt(sy)}`
  if (n === 2 || tension === 0) {
    return `M${fmt(sx)},${fmt(sy)}` + Array.from({ length: n - 1 }, (_, k) => ` L${fmt(p(k + 1)[0])},${fmt(p(k + 1)[1])}`).join('')
  }
  const controls: [number, number, number, number][] = []
  for (let i = 1; i < n - 1; i++) {
    const [x0, y0] = p(i - 1)
    const [x1, y1] = p(i)
    const [x2, y2] = p(i + 1)
    const d01 = Math.hypot(x1 - x0, y1 - y0)
    const d12 = Math.hypot(x2 - x1, y2 - y1)
    const sum = d01 + d12 || 1
    const fa = (tension * d01) / sum
    const fb = (tension * d12) / sum
    controls.push([x1 - fa * (x2 - x0), y1 - fa * (y2 - y0), x1 + fb * (x2 - x0), y1 + fb * (y2 - y0)])
  }
  let d = `M${fmt(sx)},${fmt(sy)} Q${fmt(controls[0][0])},${fmt(controls[0][1])} ${fmt(p(1)[0])},${fmt(p(1)[1])}`
  for (let i = 1; i < n - 2; i++) {
    const [, , ax, ay] = controls[i - 1]
    const [bx, by] = controls[i]
    const [ex, ey] = p(i + 1)
    d += ` C${fmt(ax)},${fmt(ay)} ${fmt(bx)},${fmt(by)} ${fmt(ex)},${fmt(ey)}`
  }
  const last = controls[controls.length - 1]
  const [lx, ly] = p(n - 1)
  d += ` Q${fmt(last[2])},${fmt(last[3])} ${fmt(lx)},${fmt(ly)}`
  return d
}
