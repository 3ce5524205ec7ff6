import type { MessageKey } from '../i18n/fr'

export type Tool =
  | 'select'
  | 'pen'
  | 'highlighter'
  | 'text'
  | 'tick'
  | 'cross'
  | 'question'
  | 'stamp'
  | 'rectangle'
  | 'ellipse'
  | 'eraser'

/** One key per tool, shown on the buttons and in the `?` overlay. */
export const TOOLS: { tool: Tool; key: string; label: MessageKey; icon: string }[] = [
  { tool: 'select', key: 'v', label: 'tool.select', icon: '⬚' },
  { tool: 'pen', key: 'p', label: 'tool.pen', icon: '✎' },
  { tool: 'highlighter', key: 'h', label: 'tool.highlighter', icon: '▮' },
  { tool: 'text', key: 't', label: 'tool.text', icon: 'T' },
  { tool: 'tick', key: 'k', label: 'tool.tick', icon: '✓' },
  { tool: 'cross', key: 'x', label: 'tool.cross', icon: '✗' },
  { tool: 'question', key: 'q', label: 'tool.question', icon: '?' },
  { tool: 'stamp', key: 's', label: 'tool.stamp', icon: '★' },
  { tool: 'rectangle', key: 'r', label: 'tool.rectangle', icon: '▭' },
  { tool: 'ellipse', key: 'o', label: 'tool.ellipse', icon: '◯' },
  { tool: 'eraser', key: 'e', label: 'tool.eraser', icon: '⌫' },
]

export const COLORS = ['#d32f2f', '#2e7d32', '#1565c0', '#212121', '#ef6c00', '#fdd835']

/** Default sizes in page points (an A4 page is 595 × 842). */
export const SIZES = { mark: 26, stamp: 80, penWidth: 1.8, highlighterWidth: 12, boxWidth: 1.8, fontSize: 13, textWidth: 220 }
