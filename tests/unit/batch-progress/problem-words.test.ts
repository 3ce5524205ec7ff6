import { problemWords } from '../../../admin-components/batch-progress/problemWords'
import { progressEn, progressFr } from '../../../plugins/scan-pipeline/translations/progress'

/**
 * Issue 15.10: a scan batch's problems are said in words. The cutting remarks below are the messages the
 * pipeline writes (plugins/scan-pipeline/lib/segment/planCopies.ts, lib/processScan.ts); each gets its own
 * sentence with the numbers it carries, and anything else still a sentence, never the code.
 */
const remark = (message: string, page: number | null = 3) => problemWords({ code: page === null ? 'anomaly' : 'copy_anomaly', page, message })

test('each cutting remark the pipeline makes has its sentence, with its numbers', () => {
  expect(remark('ds4.pdf page 17 has a text layer: it looks like a typed document, not a scan', null)).toEqual({ key: 'anomaly_textLayer', vars: { page: '17' } })
  expect(remark('ds4.pdf was damaged and has been repaired structurally; check its copies', null).key).toBe('anomaly_repaired')
  expect(remark('no first page was recognised in ds4.pdf: its copies are proposals to check', null).key).toBe('anomaly_noFirstPage')
  expect(remark('ds4.pdf: nothing tells where its copies start (no blank subject, no first page recognised), so it is cut every 4 pages as the exam declares: check the cuts', null)).toEqual({
    key: 'anomaly_cutEvery',
    vars: { page: '—', count: '4' },
  })
  expect(remark('ds4.pdf: nothing tells where its copies start (no blank subject, no first page recognised), so each sheet is proposed as a copy: merge those that belong together', null).key).toBe('anomaly_eachSheet')
  expect(remark('page 2 of ds4.pdf comes before any first page')).toEqual({ key: 'anomaly_beforeFirst', vars: { page: '2' } })
  expect(remark('booklet starting at page 5: its back (pages 2–3) was not found')).toEqual({ key: 'anomaly_booklet', vars: { page: '5' } })
  expect(remark('every page of this copy is blank')).toEqual({ key: 'anomaly_blank', vars: { page: 3 } })
  expect(remark('page 2 of the subject appears 2 times')).toEqual({ key: 'anomaly_subjectTwice', vars: { page: 3, subjectPage: '2', count: '2' } })
  expect(remark('unexpected page count: 3 (expected 4)')).toEqual({ key: 'anomaly_pageCount', vars: { page: 3, count: '3', expected: '4' } })
  expect(remark("page 9: this copy's start is a proposal (weak evidence), check it")).toEqual({ key: 'anomaly_unsureStart', vars: { page: '9' } })
  expect(remark('page 9: an A3 sheet that does not complete a booklet').key).toBe('anomaly_a3')
  expect(remark('page 10 might start another copy (weak evidence), check it')).toEqual({ key: 'anomaly_mightStart', vars: { page: '10' } })
  expect(remark('page 11: which way up it goes is unsure, check it')).toEqual({ key: 'anomaly_upsideDown', vars: { page: '11' } })
  expect(remark('ds4.pdf page 12: page 12 could not be rendered (boom)')).toEqual({ key: 'anomaly_pageError', vars: { page: '12' } })
})

test('page errors are said by their code; unknown codes and remarks still get a sentence', () => {
  expect(problemWords({ code: 'page_timeout', page: 4, message: 'ds4.pdf page 4: took longer than 20 s' })).toEqual({ key: 'problem_page_timeout', vars: { page: 4 } })
  expect(problemWords({ code: 'internal', page: null, message: 'Processing stopped: boom' }).key).toBe('problem_internal')
  expect(problemWords({ code: 'copy_anomaly', page: 6, message: 'something new' })).toEqual({ key: 'anomaly_other', vars: { page: 6 } })
  expect(problemWords({ code: 'anomaly', page: null, message: 'something new' }).key).toBe('anomaly_otherNoPage')
  expect(problemWords({ code: 'x_new_code', page: 2, message: '' })).toEqual({ key: 'problem_other', vars: { page: 2, code: 'x_new_code' } })
})

test('every sentence exists in French and in English, and none is a code', () => {
  const keys = Object.keys(progressFr).filter((key) => key.startsWith('problem_') || key.startsWith('anomaly_'))
  for (const key of keys) {
    expect(progressEn[key as keyof typeof progressEn]).toEqual(expect.any(String))
    expect(progressFr[key as keyof typeof progressFr]).not.toMatch(/\b[a-z]+_[a-z_]+\b/)
  }
  for (const code of ['unreadable_pdf', 'encrypted_pdf', 'no_pages', 'too_many_pages', 'page_unreadable', 'page_timeout', 'worker_crashed', 'invalid_page', 'page_too_large', 'image_too_large', 'decompression_bomb', 'page_too_complex', 'too_many_failed_pages', 'internal', 'subject_unusable'])
    expect(keys).toContain(problemWords({ code, page: 1, message: '' }).key)
})
