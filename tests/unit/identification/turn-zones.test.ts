import { turnBox, turnZones } from '../../../plugins/identification/lib/pages/index'

// Issue 15, point 2: a named copy keeps its student when a page is turned, so nothing reads it again; the
// identity zones found on that page must turn with it, or the redaction would paint the wrong place.
const a4 = { width: 595, height: 842 }
const box = { x: 60, y: 40, width: 220, height: 36 }

describe('identity zones of a turned page', () => {
  it('moves a box with a quarter turn clockwise, a half turn and a quarter turn back', () => {
    // the top-left band of a portrait page ends on the right edge, at the top, once turned clockwise
    expect(turnBox({ box, by: 90, upright: a4 })).toEqual({ x: 842 - 40 - 36, y: 60, width: 36, height: 220 })
    expect(turnBox({ box, by: 180, upright: a4 })).toEqual({ x: 595 - 60 - 220, y: 842 - 40 - 36, width: 220, height: 36 })
    expect(turnBox({ box, by: -90, upright: a4 })).toEqual({ x: 40, y: 595 - 60 - 220, width: 36, height: 220 })
  })

  it('comes back where it was after four quarter turns', () => {
    let current = box
    let size = a4
    for (let i = 0; i < 4; i++) {
      current = turnBox({ box: current, by: 90, upright: size })
      size = { width: size.height, height: size.width }
    }
    expect(current).toEqual(box)
  })

  it('turns only the detected zones of the turned page', () => {
    const zones = [
      { page: 0, box, source: 'detected' as const },
      { page: 1, box, source: 'detected' as const },
      { page: 0, box, source: 'exam' as const },
    ]
    const turned = turnZones({ zones, page: 0, by: 180, upright: a4 })
    expect(turned[0]!.box).not.toEqual(box)
    expect(turned.slice(1)).toEqual(zones.slice(1))
  })
})
