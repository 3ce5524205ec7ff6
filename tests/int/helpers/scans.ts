import type { Payload } from 'payload'

import { ingestBatch } from '../../../plugins/scan-pipeline/services/ingestBatch'
import { getBatch } from '../../fixtures/scans'
import { signIn, type ApiClient } from './http'

export type { Id } from '../../../shared/ids'
import type { Id } from '../../../shared/ids'

/** Uploads a batch PDF through the REST API, as the admin form does. */
export const uploadBatch = async ({ client, exam, name, bytes }: { client: ApiClient; exam: Id; name: string; bytes: Uint8Array }) => {
  const form = new FormData()
  form.append('file', new Blob([Buffer.from(bytes)], { type: 'application/pdf' }), name)
  form.append('_payload', JSON.stringify({ exam }))
  const response = await client.request('POST', '/api/scan-batches', form)
  if (response.status !== 201) throw new Error(`upload of ${name} failed: ${response.status} ${JSON.stringify(response.body)}`)
  return response.body.doc as { id: Id }
}

/**
 * For tests of page fixes without jobs: an admin, an exam without a class list, and a4-mini uploaded and cut
 * into copies here, by the scan pipeline's own service, so that only the test changes the copies.
 */
export const cutBatchWithoutJobs = async ({ payload, baseUrl, title, name }: { payload: Payload; baseUrl: string; title: string; name: string }) => {
  await payload.create({ collection: 'users', data: { email: 'head@school.test', password: 'head-password-1', role: 'admin' } as never })
  const admin = await signIn({ baseUrl, email: 'head@school.test', password: 'head-password-1' })
  const exam = await payload.create({ collection: 'exams', data: { title, className: 'Sans liste', layout: 'a4' } as never })
  const batch = await uploadBatch({ client: admin, exam: exam.id, name, bytes: (await getBatch('a4-mini')).bytes })
  while ((await ingestBatch({ payload, batchId: batch.id, progress: async () => undefined })).more);
  return { admin, examId: exam.id as number, batchId: batch.id }
}

/** Polls the batch until its job has finished (done, partial or failed). */
export const waitForBatch = async ({ payload, id, timeoutMs = 180_000 }: { payload: Payload; id: Id; timeoutMs?: number }) => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const batch = await payload.findByID({ collection: 'scan-batches', id, depth: 0, overrideAccess: true })
    if (['done', 'partial', 'failed'].includes(batch.status ?? 'queued')) return batch
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`batch ${id} did not finish within ${timeoutMs} ms`)
}

export const copiesOfExam = async (payload: Payload, exam: Id) =>
  (
    await payload.find({ collection: 'copies', where: { exam: { equals: exam } }, limit: 0, pagination: false, depth: 0, overrideAccess: true, sort: 'createdAt' })
  ).docs
