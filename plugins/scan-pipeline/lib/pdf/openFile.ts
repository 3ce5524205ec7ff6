import fs from 'node:fs'

import * as mupdf from 'mupdf'

import { ScanInputError, describeError } from '../errors'
import { readablePdf } from './open'

/**
 * A PDF opened from disk through a seekable stream: mupdf reads the cross-reference table and the objects it
 * needs where they are, so checking a 1 GB batch never holds the file in memory (a buffer would, in the wasm
 * heap and again in the thread that sent it).
 */
export const openMupdfFile = ({ path, fileName }: { path: string; fileName: string }): mupdf.PDFDocument => {
  const fd = fs.openSync(path, 'r')
  const size = fs.fstatSync(fd).size
  let open = true
  const stream = new mupdf.Stream({
    fileSize: () => size,
    read: (memory, offset, length, position) => fs.readSync(fd, memory, offset, length, position),
    close: () => {
      if (open) fs.closeSync(fd)
      open = false
    },
  })
  let doc: mupdf.Document
  try {
    doc = mupdf.Document.openDocument(stream, 'application/pdf')
  } catch (err) {
    if (open) fs.closeSync(fd)
    open = false
    throw new ScanInputError({ code: 'unreadable_pdf', file: fileName, reason: `not a readable PDF (${describeError(err)})` })
  } finally {
    // The document keeps its own reference to the stream; the file is closed when the document is destroyed.
    stream.destroy()
  }
  return readablePdf({ doc, fileName })
}
