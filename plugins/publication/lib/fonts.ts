import fs from 'node:fs/promises'
import { createRequire } from 'node:module'

import fontkit from '@pdf-lib/fontkit'
import type { PDFDocument, PDFFont } from 'pdf-lib'

export type Fonts = { regular: PDFFont; bold: PDFFont }

// The font ships with an npm package (no system fonts needed in production); DejaVu covers French accents, œ, «», €.
const require = createRequire(import.meta.url)
const cache = new Map<string, Promise<Uint8Array>>()
const fontBytes = (file: string): Promise<Uint8Array> => {
  if (!cache.has(file)) cache.set(file, fs.readFile(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)).then((b) => new Uint8Array(b)))
  return cache.get(file)!
}

/**
 * fontkit parses a font's tables again for every document it is embedded in: two DejaVu faces cost about
 * half of an annotated copy's burn-in. A parsed font is read-only (each document makes its own subset of
 * it), so it is parsed once per process and handed to every document.
 */
type ParsedFont = ReturnType<typeof fontkit.create>
const parsed = new WeakMap<Uint8Array, ParsedFont>()
const parsingOnce: typeof fontkit = {
  ...fontkit,
  create: (bytes: Uint8Array, postscriptName?: string) => {
    if (postscriptName) return fontkit.create(bytes, postscriptName)
    let font = parsed.get(bytes)
    if (!font) parsed.set(bytes, (font = fontkit.create(bytes)))
    return font
  },
}

/** Subset embedding keeps each annotated copy small: only the glyphs it prints are stored. */
export const embedFonts = async (doc: PDFDocument): Promise<Fonts> => {
  doc.registerFontkit(parsingOnce)
  const [regular, bold] = await Promise.all([fontBytes('DejaVuSans.ttf'), fontBytes('DejaVuSans-Bold.ttf')])
  return { regular: await doc.embedFont(regular, { subset: true }), bold: await doc.embedFont(bold, { subset: true }) }
}
