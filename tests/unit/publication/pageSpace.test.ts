import { pageSpace, toUserSpace } from '../../../plugins/publication/lib'

/** The upright page's top-left corner and a point along each axis, mapped back to the stored page. */
const corners = (space: ReturnType<typeof pageSpace>) => ({
  topLeft: toUserSpace({ space, u: 0, v: 0 }),
  right: toUserSpace({ space, u: 10, v: 0 }),
  down: toUserSpace({ space, u: 0, v: 10 }),
})

describe('pageSpace', () => {
  const crop = { x: 100, y: 50, width: 400, height: 300 }

  it('keeps an unrotated page: top-left is the crop box’s top-left, y goes down', () => {
    const space = pageSpace({ crop, rotate: 0 })
    expect([space.width, space.height]).toEqual([400, 300])
    expect(corners(space)).toEqual({ topLeft: { x: 100, y: 350 }, right: { x: 110, y: 350 }, down: { x: 100, y: 340 } })
  })

  it('/Rotate 90: the stored bottom-left becomes the top-left, x runs up the stored page', () => {
    const space = pageSpace({ crop, rotate: 90 })
    expect([space.width, space.height]).toEqual([300, 400])
    expect(corners(space)).toEqual({ topLeft: { x: 100, y: 50 }, right: { x: 100, y: 60 }, down: { x: 110, y: 50 } })
  })

  it('/Rotate 180: the stored bottom-right becomes the top-left', () => {
    const space = pageSpace({ crop, rotate: 180 })
    expect(corners(space)).toEqual({ topLeft: { x: 500, y: 50 }, right: { x: 490, y: 50 }, down: { x: 500, y: 60 } })
  })

  it('/Rotate 270 (and -90): the stored top-right becomes the top-left', () => {
    for (const rotate of [270, -90]) {
      const space = pageSpace({ crop, rotate })
      expect([space.width, space.height]).toEqual([300, 400])
      expect(corners(space)).toEqual({ topLeft: { x: 500, y: 350 }, right: { x: 500, y: 340 }, down: { x: 490, y: 350 } })
    }
  })
})
