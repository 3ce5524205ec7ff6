import { nextZoom, ZOOM_STEPS } from '../../../portal/src/viewer/zoom'

// Issue 15, point 6: Ctrl+= from the fitted width (rarely a step) went to the step just above it, 1.42 → 1.5,
// and nothing seemed to happen.
describe('zoom steps', () => {
  it('moves at least 8 % from a fitted zoom, in and out', () => {
    expect(nextZoom(1.4245, 1)).toBe(1.75)
    expect(nextZoom(1.4245, -1)).toBe(1.25)
    expect(nextZoom(0.97, 1)).toBe(1.1)
  })

  it('goes from one step to the next as before', () => {
    ZOOM_STEPS.slice(0, -1).forEach((z, i) => expect(nextZoom(z, 1)).toBe(ZOOM_STEPS[i + 1]))
    ZOOM_STEPS.slice(1).forEach((z, i) => expect(nextZoom(z, -1)).toBe(ZOOM_STEPS[i]))
  })

  it('stops at the ends', () => {
    expect(nextZoom(6, 1)).toBe(6)
    expect(nextZoom(0.25, -1)).toBe(0.25)
  })
})
