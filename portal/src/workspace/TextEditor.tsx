import { useEffect, useRef, useState } from 'react'

import type { TextRequest } from '../canvas/AnnotationLayer'
import { SIZES } from '../canvas/tools'

/** An HTML textarea laid exactly over the spot on the page, because typing into a canvas is a poor editor. */
export const TextEditor = ({ request, zoom, color, onDone }: { request: TextRequest; zoom: number; color: string; onDone: (text: string | null) => void }) => {
  const [text, setText] = useState(request.text)
  const ref = useRef<HTMLTextAreaElement>(null)
  const done = useRef(false)
  useEffect(() => ref.current?.focus(), [])
  const finish = (value: string | null) => {
    if (done.current) return
    done.current = true
    onDone(value)
  }
  return (
    <textarea
      ref={ref}
      className="text-editor"
      data-testid="text-editor"
      value={text}
      style={{ left: request.x * zoom, top: request.y * zoom, width: SIZES.textWidth * zoom, fontSize: SIZES.fontSize * zoom, color }}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => finish(text)}
      onKeyDown={(e) => {
        e.stopPropagation()
        // Esc leaves the editor keeping what was typed (Esc is how one leaves everything else here);
        // with nothing typed it cancels: no empty annotation, an existing one left as it was.
        if (e.key === 'Escape') finish(text.trim() ? text : null)
        if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault()
          finish(text)
        }
      }}
    />
  )
}
