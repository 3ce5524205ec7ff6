export const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4, 5, 6]

export type ZoomMode = { kind: 'fit' } | { kind: 'fixed'; value: number }

/** Steps closer than this to the current zoom are skipped: from a fitted 1.46, "zoom in" to 1.5 shows nothing. */
const VISIBLE = 1.08

/** The next step in `direction` that one can see: at least 8 % away from the current zoom (a fitted one is rarely a step). */
export const nextZoom = (current: number, direction: 1 | -1): number => {
  if (direction > 0) return ZOOM_STEPS.find((z) => z >= current * VISIBLE - 1e-9) ?? ZOOM_STEPS[ZOOM_STEPS.length - 1]
  return [...ZOOM_STEPS].reverse().find((z) => z <= current / VISIBLE + 1e-9) ?? ZOOM_STEPS[0]
}

export const fitWidth = ({ available, pageWidth }: { available: number; pageWidth: number }): number =>
  Math.max(0.1, (available - 32) / pageWidth)
