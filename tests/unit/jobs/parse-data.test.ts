import { parseId, parseLane } from '../../../jobs/parse-data'

describe("a job's data", () => {
  it('gives ids as either database stores them, and lanes as integers', () => {
    expect(parseId({ job: 'analyze-scan-pages', data: { batchId: 12, lane: 1 }, key: 'batchId' })).toBe(12)
    expect(parseId({ job: 'read-copy-headers', data: { examId: '65f0c0ffee00000000000001' }, key: 'examId' })).toBe('65f0c0ffee00000000000001')
    expect(parseLane({ job: 'read-copy-headers', data: { examId: 3, lane: 2 } })).toBe(2)
  })

  it('refuses what is not, with a 400 naming the job and the field', () => {
    expect(() => parseId({ job: 'analyze-scan-pages', data: { lane: 1 }, key: 'batchId' })).toThrow(expect.objectContaining({ status: 400, message: 'analyze-scan-pages: batchId must be a string or number id, got undefined' }))
    expect(() => parseId({ job: 'read-copy-headers', data: { examId: { id: 3 } }, key: 'examId' })).toThrow(/read-copy-headers: examId must be a string or number id/)
    expect(() => parseLane({ job: 'read-copy-headers', data: { examId: 3, lane: '2' } })).toThrow(expect.objectContaining({ status: 400, message: 'read-copy-headers: lane must be an integer, got "2"' }))
    expect(() => parseLane({ job: 'analyze-scan-pages', data: undefined })).toThrow(/analyze-scan-pages: lane must be an integer, got undefined/)
  })
})
