import { TOOLS } from '../canvas/tools'
import type { MessageKey } from '../i18n/fr'

export type ShortcutGroup = { title: MessageKey; items: { keys: string; label: MessageKey }[] }

/** The single list the `?` overlay shows; Workspace's key handler follows the same keys. */
export const SHORTCUTS: ShortcutGroup[] = [
  { title: 'help.tools', items: [...TOOLS.map((t) => ({ keys: t.key.toUpperCase(), label: t.label })), { keys: 'C', label: 'help.color' }] },
  {
    title: 'help.navigation',
    items: [
      { keys: '→ / PageDown', label: 'help.nextPage' },
      { keys: '← / PageUp', label: 'help.prevPage' },
      { keys: 'Shift + →', label: 'help.nextCopy' },
      { keys: 'Shift + ←', label: 'help.prevCopy' },
      { keys: 'N', label: 'help.nextToMark' },
      { keys: 'Ctrl + = / Ctrl + -', label: 'help.zoom' },
      { keys: 'F', label: 'help.fit' },
      { keys: 'Space', label: 'help.pan' },
    ],
  },
  {
    title: 'help.grading',
    items: [
      { keys: '] / [', label: 'help.nextQuestion' },
      { keys: '1 … 9', label: 'help.rubric' },
      { keys: '0', label: 'help.zero' },
      { keys: '/', label: 'help.half' },
      { keys: '=', label: 'help.full' },
      { keys: '+ / -', label: 'help.step' },
      { keys: 'Ctrl + Enter', label: 'help.finalize' },
      { keys: 'Ctrl + Z', label: 'help.undoFinalize' },
    ],
  },
  {
    title: 'help.editing',
    items: [
      { keys: 'Ctrl + Z', label: 'help.undo' },
      { keys: 'Ctrl + Shift + Z / Ctrl + Y', label: 'help.redo' },
      { keys: 'Delete', label: 'help.delete' },
      { keys: 'Esc', label: 'help.escape' },
      { keys: '?', label: 'help.help' },
    ],
  },
]

export const isTyping = (target: EventTarget | null): boolean => {
  const el = target as HTMLElement | null
  return Boolean(el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable))
}
