import { useEffect, useRef } from 'react'

import { COLORS, TOOLS, type Tool } from '../canvas/tools'
import { isTyping } from '../keyboard/shortcuts'

export type KeyActions = {
  tool: (tool: Tool) => void
  nextColor: () => void
  page: (direction: 1 | -1) => void
  copy: (direction: 1 | -1) => void
  zoom: (direction: 1 | -1) => void
  fit: () => void
  question: (direction: 1 | -1) => void
  points: (what: 'zero' | 'half' | 'full' | 'up' | 'down') => void
  undo: () => void
  redo: () => void
  deleteSelection: () => void
  escape: () => void
  finalize: () => void
  nextToMark: () => void
  /** The current question's n-th rubric item (1–9), applied or taken off. */
  rubric: (n: number) => void
  help: () => void
  pan: (held: boolean) => void
}

/** Every shortcut of the copy view (listed for people in keyboard/shortcuts.ts). */
export const useWorkspaceKeys = (actions: KeyActions) => {
  const ref = useRef(actions)
  ref.current = actions
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const a = ref.current
      if (isTyping(e.target)) {
        if (e.key === 'Escape') (e.target as HTMLElement).blur()
        return
      }
      const mod = e.ctrlKey || e.metaKey
      const handled = (): void => e.preventDefault()
      if (mod) {
        const key = e.key.toLowerCase()
        if (key === 'z') return handled(), e.shiftKey ? a.redo() : a.undo()
        if (key === 'y') return handled(), a.redo()
        if (key === '=' || key === '+') return handled(), a.zoom(1)
        if (key === '-') return handled(), a.zoom(-1)
        if (key === 'enter') return handled(), a.finalize()
        return
      }
      if (e.altKey) return
      if (e.key === 'ArrowRight' || e.key === 'PageDown') return handled(), e.shiftKey ? a.copy(1) : a.page(1)
      if (e.key === 'ArrowLeft' || e.key === 'PageUp') return handled(), e.shiftKey ? a.copy(-1) : a.page(-1)
      if (e.key === '?') return handled(), a.help()
      if (e.key === 'Escape') return a.escape()
      if (e.key === 'Delete' || e.key === 'Backspace') return handled(), a.deleteSelection()
      if (e.key === ' ') return handled(), a.pan(true)
      if (e.key === ']') return a.question(1)
      if (e.key === '[') return a.question(-1)
      if (e.key === '0') return a.points('zero')
      if (/^[1-9]$/.test(e.key)) return handled(), a.rubric(Number(e.key))
      if (e.key === '/') return handled(), a.points('half')
      if (e.key === '=') return a.points('full')
      if (e.key === '+') return a.points('up')
      if (e.key === '-') return a.points('down')
      const key = e.key.toLowerCase()
      if (key === 'c') return a.nextColor()
      if (key === 'f') return a.fit()
      if (key === 'n') return a.nextToMark()
      const tool = TOOLS.find((t) => t.key === key)
      if (tool) a.tool(tool.tool)
    }
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === ' ') ref.current.pan(false)
    }
    window.addEventListener('keydown', onKeyDown)
    window.addEventListener('keyup', onKeyUp)
    return () => {
      window.removeEventListener('keydown', onKeyDown)
      window.removeEventListener('keyup', onKeyUp)
    }
  }, [])
}

export const cycleColor = (color: string): string => COLORS[(COLORS.indexOf(color) + 1) % COLORS.length]
