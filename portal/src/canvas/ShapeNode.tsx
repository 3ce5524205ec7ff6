import { memo } from 'react'
import { Ellipse, Group, Line, Rect, Text } from 'react-konva'

import type { AnnotationShape } from '../annotations/model'
import { boundsOf } from '../annotations/model'

type Props = {
  localId: string
  shape: AnnotationShape
  draggable: boolean
  onDragEnd?: (localId: string, node: import('konva').default.Group) => void
  onDblClick?: (localId: string) => void
}

/** Children are drawn in page points; the group's own offset/scale is a pending move/resize, folded back on release. */
const Body = ({ shape }: { shape: AnnotationShape }) => {
  const { color, opacity, width } = shape.style
  switch (shape.kind) {
    case 'pen':
      return <Line points={shape.geometry.points} stroke={color} strokeWidth={width} opacity={opacity} tension={0.4} lineCap="round" lineJoin="round" hitStrokeWidth={8} perfectDrawEnabled={false} />
    case 'highlighter':
      return (
        <Line
          points={shape.geometry.points}
          stroke={color}
          strokeWidth={width}
          opacity={0.35}
          tension={0.3}
          lineCap="round"
          lineJoin="round"
          globalCompositeOperation="multiply"
          perfectDrawEnabled={false}
        />
      )
    case 'rectangle':
      return <Rect {...shape.geometry} stroke={color} strokeWidth={width} opacity={opacity} hitStrokeWidth={10} perfectDrawEnabled={false} />
    case 'ellipse': {
      const { height, width: w, x, y } = shape.geometry
      return <Ellipse x={x + w / 2} y={y + height / 2} radiusX={w / 2} radiusY={height / 2} stroke={color} strokeWidth={width} opacity={opacity} hitStrokeWidth={10} perfectDrawEnabled={false} />
    }
    case 'tick': {
      const { size: s, x, y } = shape.geometry
      return <Line points={[x - 0.42 * s, y, x - 0.1 * s, y + 0.32 * s, x + 0.45 * s, y - 0.38 * s]} stroke={color} strokeWidth={s / 8} lineCap="round" lineJoin="round" hitStrokeWidth={s / 2} />
    }
    case 'cross': {
      const { size: s, x, y } = shape.geometry
      const d = 0.38 * s
      return (
        <>
          <Line points={[x - d, y - d, x + d, y + d]} stroke={color} strokeWidth={s / 8} lineCap="round" hitStrokeWidth={s / 2} />
          <Line points={[x + d, y - d, x - d, y + d]} stroke={color} strokeWidth={s / 8} lineCap="round" hitStrokeWidth={s / 2} />
        </>
      )
    }
    case 'question': {
      const { size: s, x, y } = shape.geometry
      return <Text x={x - s / 2} y={y - s / 2} width={s} height={s} text="?" fontSize={s} fontStyle="bold" align="center" verticalAlign="middle" fill={color} />
    }
    case 'stamp': {
      const { size: s, x, y } = shape.geometry
      const box = boundsOf(shape)
      return (
        <>
          <Rect x={box.x} y={y - s / 4} width={s} height={s / 2} cornerRadius={s / 12} stroke={color} strokeWidth={Math.max(1, s / 30)} />
          <Text x={box.x} y={y - s / 4} width={s} height={s / 2} text={shape.text} fontSize={s / 5} align="center" verticalAlign="middle" fill={color} fontStyle="bold" wrap="none" ellipsis />
        </>
      )
    }
    case 'text':
    case 'comment': {
      const { fontSize, width: w, x, y } = shape.geometry
      const box = boundsOf(shape)
      return (
        <>
          {shape.kind === 'comment' ? <Rect x={x - 3} y={y - 3} width={w + 6} height={box.height + 6} fill="#fff8c4" stroke="#c9b84f" strokeWidth={0.6} cornerRadius={3} /> : null}
          <Text x={x} y={y} width={w} text={shape.text} fontSize={fontSize} lineHeight={1.25} fill={color} fontFamily="Helvetica, Arial, sans-serif" />
        </>
      )
    }
  }
}

export const ShapeNode = memo(({ draggable, localId, onDblClick, onDragEnd, shape }: Props) => (
  <Group
    name={`annotation ${localId}`}
    id={localId}
    draggable={draggable}
    onDragEnd={(event) => onDragEnd?.(localId, event.target as never)}
    onDblClick={() => onDblClick?.(localId)}
    onDblTap={() => onDblClick?.(localId)}
  >
    <Body shape={shape} />
  </Group>
))
