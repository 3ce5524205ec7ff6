import type { PayloadRequest } from 'payload'

const memos = new WeakMap<object, Map<string, Promise<unknown>>>()

/**
 * A read made once per request (the teacher's exams, their share, the copy a save writes to), by key; a read
 * that failed is not remembered. Keyed on the request object itself, not `req.context`: Payload replaces the
 * context with a copy on every nested local call, so a memo written there between two calls could be missed
 * and the query made again.
 */
export const oncePerRequest = <T>(req: PayloadRequest, key: string, read: () => Promise<T>): Promise<T> => {
  const memo = memos.get(req) ?? new Map<string, Promise<unknown>>()
  memos.set(req, memo)
  const known = memo.get(key) as Promise<T> | undefined
  if (known) return known
  const reading = read()
  memo.set(key, reading)
  reading.catch(() => memo.get(key) === reading && memo.delete(key))
  return reading
}

/** The request changed what `key` read: the next read goes to the database. */
export const forgetForRequest = (req: PayloadRequest, key: string): void => void memos.get(req)?.delete(key)
