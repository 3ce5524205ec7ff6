/** A rectangle in PDF points of the UPRIGHT page, top-left origin (what the scan pipeline gives as headerBox). */
export type PointBox = { x: number; y: number; width: number; height: number }

/** A rectangle in pixels of a rendered crop, top-left origin. */
export type PixelBox = { x0: number; y0: number; x1: number; y1: number }

/** 8-bit greyscale pixels, row-major. */
export type GrayCrop = { raw: Uint8Array; width: number; height: number }

/** A printed word found in the header, with its box in crop pixels. */
export type LabelWord = { text: string; box: PixelBox; confidence: number }

export type HeaderFieldName = 'lastName' | 'firstName' | 'fullName' | 'birthDate'

/** Where each handwritten field is, in crop pixels; `source` says whether printed labels were found. */
export type FieldLayout = { fields: Partial<Record<HeaderFieldName, PixelBox>>; source: 'labels' | 'fallback' }
