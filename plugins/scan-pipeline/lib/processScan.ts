import { openAssembler, type Assembler } from './assemble/assembleCopy'
import { mupdfAssembler } from './assemble/fileAssembler'
import { inspectScanFile, type FileScanInfo } from './pdf/inspectFile'
import { inspectScan } from './pdf/open'
import { openMupdfFile } from './pdf/openFile'
import { analyzePages, dropIdleAnalystsBeforePlanning } from './pool/analyzePages'
import { mainExamOf, planWithCodes } from './qr/planWithCodes'
import { planCopies } from './segment/planCopies'
import type { SubjectModel } from './template/subject'
import type { CopyPlan, LayoutOption, PageAnalysis, PlannedCopy, ProgressEvent, ScanInfo } from './types'

export type ProcessScanResult = { info: FileScanInfo; analyses: PageAnalysis[]; plan: CopyPlan; pageErrors: string[] }

/**
 * The whole pipeline on one batch: validate, analyse every page on the worker pool, cut into
 * copies, assemble each copy. Copies are handed to `onCopy` one at a time so a caller can
 * write them out without holding every PDF in memory. Throws ScanInputError for a file that
 * cannot be processed at all; page-level problems are recorded and the rest goes on.
 */
export const processScan = async ({
  bytes,
  path,
  fileName,
  layout = 'auto',
  expectedPagesPerCopy,
  subject,
  concurrency,
  onProgress,
  onCopy,
}: {
  /** the batch in memory… */
  bytes?: Uint8Array
  /** …or on disk, read where it lies as the scan job reads it (a batch of a gigabyte is never held whole) */
  path?: string
  fileName: string
  layout?: LayoutOption
  expectedPagesPerCopy?: number
  /** the exam's blank subject (readSubject): copies are then cut on its pages */
  subject?: SubjectModel
  concurrency?: number
  onProgress?: (e: ProgressEvent) => void
  onCopy?: (e: { index: number; copy: PlannedCopy; pdf: Uint8Array }) => Promise<void> | void
}): Promise<ProcessScanResult> => {
  if (!bytes === !path) throw new Error('processScan: give the batch as bytes or as a path, one of them')
  const info: FileScanInfo & { bytes?: Uint8Array } = path ? inspectScanFile({ path, fileName }) : await inspectScan({ bytes: bytes!, fileName })
  const source = path ? { path } : { bytes: (info as ScanInfo).bytes }
  const pages = Array.from({ length: info.pageCount }, (_, i) => i + 1)
  const analyses = await analyzePages({ ...source, fileName, pages, layout, concurrency, onProgress })
  dropIdleAnalystsBeforePlanning({ pages: pages.length })
  // Prepared booklets: grouped by their codes, for the exam most of them name (others' booklets are flagged).
  const examId = mainExamOf(analyses)
  const plan = examId === undefined ? planCopies({ analyses, expectedPagesPerCopy, fileName, subject }) : planWithCodes({ examId, analyses, expectedPagesPerCopy, fileName, subject })
  if (info.repaired) plan.anomalies.push(`${fileName} was damaged and has been repaired structurally; check its copies`)
  const pageErrors = analyses.filter((a) => a.error).map((a) => a.error!.message)
  if (onCopy) {
    const skew = new Map(analyses.map((a) => [a.sourcePage, a.skewDegrees]))
    const skewOf = (page: number) => skew.get(page) ?? 0
    const doc = path ? openMupdfFile({ path, fileName }) : undefined
    try {
      const assembler: Assembler = doc ? mupdfAssembler({ source: doc, skewOf }) : await openAssembler({ sourceBytes: (info as ScanInfo).bytes, skewOf })
      for (const [index, copy] of plan.copies.entries()) await onCopy({ index, copy, pdf: await assembler.assemble(copy.pages) })
    } finally {
      doc?.destroy()
    }
  }
  return { info, analyses, plan, pageErrors }
}
