import type { PDFPage } from 'pdf-lib'

import type { Fonts } from '../fonts'

/** Drawing happens inside the page's upright `cm`: x right, y UP from the bottom of the upright crop box. */
export type DrawContext = { page: PDFPage; height: number; fonts: Fonts }

/** Konva's Text centres each line on its line box (textBaseline "middle"); this is where the baseline falls. */
export const baselineOffset = (fontSize: number): number => 0.35 * fontSize
