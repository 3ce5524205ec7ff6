import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

import { removeRejectedUploads } from '../storage/upload-cleanup'

/** Where work to do once the transaction commits waits (audit events: never for what was rolled back). */
const AFTER_COMMIT = 'korrigoAfterCommit'

type Pending = (() => void | Promise<void>)[]

/**
 * Runs several writes as one decision: all of them or none. The request carries the database
 * transaction (PostgreSQL; MongoDB on a replica set), so every Payload call given `req` joins it; a
 * transaction already open on the request is joined, not committed here. Without transactions
 * (a standalone MongoDB), the writes run as before, one by one.
 */
export const inTransaction = async <T>({ payload, req, work }: { payload: Payload; req?: PayloadRequest; work: (req: PayloadRequest) => Promise<T> }): Promise<T> => {
  const request = req ?? (await createLocalReq({}, payload))
  const started = await initTransaction(request)
  if (!started) return work(request)
  const context = request.context as Record<string, unknown>
  const outer = context[AFTER_COMMIT]
  const onCommit: Pending = []
  context[AFTER_COMMIT] = onCommit
  try {
    const result = await work(request)
    await commitTransaction(request)
    for (const run of onCommit) await run()
    return result
  } catch (error) {
    await killTransaction(request)
    // The database forgets the rows; the files written for them are on disk, and go too.
    await removeRejectedUploads({ payload: request.payload, context: request.context }).catch((err: Error) =>
      request.payload.logger.error({ err }, 'could not remove the files of a rolled-back decision (cleanup-old-files will find them)'),
    )
    throw error
  } finally {
    context[AFTER_COMMIT] = outer
  }
}

/** Runs `run` once the request's transaction (opened by `inTransaction`) commits; at once when there is none. */
export const afterCommit = async (req: PayloadRequest | undefined, run: () => void | Promise<void>): Promise<void> => {
  const pending = (req?.context as Record<string, unknown> | undefined)?.[AFTER_COMMIT]
  if (Array.isArray(pending)) (pending as Pending).push(run)
  else await run()
}

