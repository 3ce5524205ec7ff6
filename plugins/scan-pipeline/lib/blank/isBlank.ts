/**
 * A page is blank when what remains after removing printed structure is less ink than a
 * short word. Scaled to the raster so it holds at any analysis resolution.
 */
export const BLANK_INK_PER_MEGAPIXEL = 60

export const isBlank = ({ textPixels, width, height }: { textPixels: number; width: number; height: number }): boolean =>
  textPixels < (width * height * BLANK_INK_PER_MEGAPIXEL) / 1e6
