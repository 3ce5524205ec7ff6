import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

/** Where work to do once the transaction commits waits (audit events: never for what was rolled back). */
const AFTER_COMMIT = 'korrigoAfterCommit'

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
  const pending: (() => void)[] = []
  context[AFTER_COMMIT] = pending
  try {
    const result = await work(request)
    await commitTransaction(request)
    for (const run of pending) run()
    return result
  } catch (error) {
    await killTransaction(request)
    throw error
  } finally {
    context[AFTER_COMMIT] = outer
  }
}

/** Runs `run` once the request's transaction (opened by `inTransaction`) commits; at once when there is none. */
export const afterCommit = (req: PayloadRequest | undefined, run: () => void): void => {
  const pending = (req?.context as Record<string, unknown> | undefined)?.[AFTER_COMMIT]
  if (Array.isArray(pending)) pending.push(run)
  else run()
}
