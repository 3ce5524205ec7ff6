import * as mupdf from 'mupdf'

/**
 * Runs a rendering into grey with mupdf's colour management off. A scan's colour JPEG turned into grey
 * through ICC profiles (lcms, interpolated in 16 bits) cost a third of each page's rendering; the plain
 * luminance formula gives the same grey to within a fraction of a level on paper and ink (mean difference
 * 0.2–0.3 of 255 on the generated classes, the largest on saturated pen colours) and the analysis only
 * looks for ink against paper. Renderings others see (RGB: thumbnails, redacted scans) keep the profiles.
 * mupdf's switch is global to its wasm instance, and rendering is synchronous: nothing else renders in between.
 */
export const withoutColourManagement = <T>(render: () => T): T => {
  mupdf.disableICC()
  try {
    return render()
  } finally {
    mupdf.enableICC()
  }
}

/** A page (or the part the matrix puts in view) rendered to grey, colour management off. */
export const grayPixmap = ({ page, matrix, showExtras = false }: { page: mupdf.Page; matrix: mupdf.Matrix; showExtras?: boolean }): mupdf.Pixmap =>
  withoutColourManagement(() => page.toPixmap(matrix, mupdf.ColorSpace.DeviceGray, false, showExtras))
