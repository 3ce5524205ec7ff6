import type { IdentityZone, ZoneBox } from '../../../collections/identity-zones'

export type { IdentityZone, ZoneBox } from '../../../collections/identity-zones'

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

/** What is wrong with an exam zone (a box on page 1 or nothing), or null. */
export const examZoneProblem = (value: unknown): string | null => {
  if (value === null || value === undefined) return null
  const b = value as Partial<ZoneBox>
  if (typeof value !== 'object' || !finite(b.x) || !finite(b.y) || !finite(b.width) || !finite(b.height)) return 'identityZone needs numbers x, y, width, height (PDF points)'
  if (b.width <= 0 || b.height <= 0) return 'identityZone needs a positive width and height'
  if (b.x < -5 || b.y < -5 || b.width > 5000 || b.height > 5000) return 'identityZone lies outside any page'
  return null
}

/** A box grown by `margin` points on every side. */
export const grow = (box: ZoneBox, margin: number): ZoneBox => ({ x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin, height: box.height + 2 * margin })

/** A box cut to the page; undefined when nothing of it is on the page. */
export const clip = (box: ZoneBox, page: { width: number; height: number }): ZoneBox | undefined => {
  const x0 = Math.max(0, box.x), y0 = Math.max(0, box.y)
  const x1 = Math.min(page.width, box.x + box.width), y1 = Math.min(page.height, box.y + box.height)
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : undefined
}

const round = (n: number) => Math.round(n * 100) / 100
const roundBox = (b: ZoneBox): ZoneBox => ({ x: round(b.x), y: round(b.y), width: round(b.width), height: round(b.height) })

/**
 * The zones a copy keeps: what identification detected plus the exam's zone on page 0. Identification
 * writes its own zones only; the exam's are re-derived from the exam, so neither side can drop the other's.
 */
export const mergeZones = ({ detected, examZone }: { detected: IdentityZone[]; examZone?: ZoneBox | null }): IdentityZone[] => [
  ...detected.filter((z) => z.source === 'detected').map((z) => ({ page: z.page, box: roundBox(z.box), source: 'detected' as const })),
  ...(examZone ? [{ page: 0, box: roundBox(examZone), source: 'exam' as const }] : []),
]

/** Zones grouped by page index. */
export const zonesByPage = (zones: IdentityZone[]): Map<number, ZoneBox[]> => {
  const pages = new Map<number, ZoneBox[]>()
  for (const zone of zones) pages.set(zone.page, [...(pages.get(zone.page) ?? []), zone.box])
  return pages
}

/** A stable text for what a rendition depends on: the source file and the zones, in order. */
export const redactionKey = ({ pdf, zones }: { pdf: string | number | undefined; zones: IdentityZone[] }): string =>
  `${pdf ?? 'none'}|${zones
    .map((z) => `${z.page}:${round(z.box.x)},${round(z.box.y)},${round(z.box.width)},${round(z.box.height)}`)
    .sort()
    .join(';')}`
