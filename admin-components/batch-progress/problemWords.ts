/**
 * A scan batch's problem in words: which `batchProgress:` string says it, with what values. The pipeline
 * records a code and an English message; the codes of page errors say enough, the cutting remarks
 * (`anomaly`, `copy_anomaly`) are told apart by their message. Anything not recognised still gets a sentence
 * in the reader's language, the message kept as a technical detail.
 */
export type BatchProblem = { page?: number | null; code?: string | null; message?: string | null }

export type ProblemWords = { key: string; vars: Record<string, string | number> }

const CODES = new Set([
  'unreadable_pdf',
  'encrypted_pdf',
  'no_pages',
  'too_many_pages',
  'page_unreadable',
  'page_timeout',
  'worker_crashed',
  'invalid_page',
  'page_too_large',
  'image_too_large',
  'decompression_bomb',
  'page_too_complex',
  'too_many_failed_pages',
  'internal',
  'subject_unusable',
])

type Remark = { pattern: RegExp; key: string; vars?: (m: RegExpExecArray) => Record<string, string> }

// The remarks plans make (plugins/scan-pipeline/lib/segment/planCopies.ts, lib/processScan.ts); the generic
// "<file> page N: <error>" last, as others contain "page N:" too.
const REMARKS: Remark[] = [
  { pattern: /was damaged and has been repaired structurally/, key: 'anomaly_repaired' },
  { pattern: /page (\d+) has a text layer/, key: 'anomaly_textLayer', vars: (m) => ({ page: m[1]! }) },
  { pattern: /^no first page was recognised in /, key: 'anomaly_noFirstPage' },
  { pattern: /nothing tells where its copies start.*cut every (\d+) pages/, key: 'anomaly_cutEvery', vars: (m) => ({ count: m[1]! }) },
  { pattern: /nothing tells where its copies start.*each sheet is proposed/, key: 'anomaly_eachSheet' },
  { pattern: /^page (\d+) of .* comes before any first page$/, key: 'anomaly_beforeFirst', vars: (m) => ({ page: m[1]! }) },
  { pattern: /^booklet starting at page (\d+): its back/, key: 'anomaly_booklet', vars: (m) => ({ page: m[1]! }) },
  { pattern: /^every page of this copy is blank$/, key: 'anomaly_blank' },
  { pattern: /^page (\d+) of the subject appears (\d+) times$/, key: 'anomaly_subjectTwice', vars: (m) => ({ subjectPage: m[1]!, count: m[2]! }) },
  { pattern: /^unexpected page count: (\d+) \(expected (\d+)\)$/, key: 'anomaly_pageCount', vars: (m) => ({ count: m[1]!, expected: m[2]! }) },
  { pattern: /^page (\d+): this copy's start is a proposal/, key: 'anomaly_unsureStart', vars: (m) => ({ page: m[1]! }) },
  { pattern: /^page (\d+): an A3 sheet that does not complete a booklet/, key: 'anomaly_a3', vars: (m) => ({ page: m[1]! }) },
  { pattern: /^page (\d+) might start another copy/, key: 'anomaly_mightStart', vars: (m) => ({ page: m[1]! }) },
  { pattern: /^page (\d+): which way up it goes is unsure/, key: 'anomaly_upsideDown', vars: (m) => ({ page: m[1]! }) },
  { pattern: /\bpage (\d+): /, key: 'anomaly_pageError', vars: (m) => ({ page: m[1]! }) },
]

export const problemWords = ({ page, code, message }: BatchProblem): ProblemWords => {
  const shownPage = page ?? '—'
  const text = message ?? ''
  if (code && CODES.has(code)) return { key: `problem_${code}`, vars: { page: shownPage } }
  if (code === 'anomaly' || code === 'copy_anomaly') {
    for (const remark of REMARKS) {
      const match = remark.pattern.exec(text)
      if (match) return { key: remark.key, vars: { page: shownPage, ...remark.vars?.(match) } }
    }
    return { key: page ? 'anomaly_other' : 'anomaly_otherNoPage', vars: { page: shownPage } }
  }
  return { key: page ? 'problem_other' : 'problem_otherNoPage', vars: { page: shownPage, code: code ?? '?' } }
}
