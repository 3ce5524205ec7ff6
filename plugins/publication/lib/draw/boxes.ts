import { colorOf } from '../color'
import type { BoxShape } from '../types'
import type { DrawContext } from './context'

export const drawBox = ({ ctx, shape }: { ctx: DrawContext; shape: BoxShape }): void => {
  const { height, width, x, y } = shape.geometry
  const border = { borderColor: colorOf(shape.style.color), borderWidth: shape.style.width, borderOpacity: shape.style.opacity }
  if (shape.kind === 'rectangle') {
    ctx.page.drawRectangle({ x, y: ctx.height - y - height, width, height, ...border })
    return
  }
  ctx.page.drawEllipse({ x: x + width / 2, y: ctx.height - y - height / 2, xScale: width / 2, yScale: height / 2, ...border })
}
