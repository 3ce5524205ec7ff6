import type { Payload } from 'payload'
import { isUniqueClash } from '../uniqueClash'

export type SharedCounter = { id: string | number; key: string; hits: number; resetAt: Date; state: unknown }

type Row = { id: string | number; key: string; hits: number; resetAt: string; state?: unknown }

const COLLECTION = 'rate-counters'

const counterOf = (row: Row): SharedCounter => ({ id: row.id, key: row.key, hits: row.hits, resetAt: new Date(row.resetAt), state: row.state ?? null })

const isKeyClash = (error: unknown): boolean => isUniqueClash({ error, path: 'key' })

// Straight to the adapter: these rows have no hooks, and a request's counter must be committed at once,
// outside any transaction of the request it counts, so that every node sees it.
export const readCounter = async ({ payload, key }: { payload: Payload; key: string }): Promise<SharedCounter | undefined> => {
  const row = (await payload.db.findOne({ collection: COLLECTION, where: { key: { equals: key } } })) as unknown as Row | null
  return row ? counterOf(row) : undefined
}

/**
 * One more hit on `key` in a window of `windowMs`: atomic on every node (the database adds one), a new
 * window started once the last one has ended.
 */
export const hitCounter = async ({ payload, key, windowMs, now = new Date() }: { payload: Payload; key: string; windowMs: number; now?: Date }): Promise<SharedCounter> => {
  for (let attempt = 0; ; attempt++) {
    const current = await readCounter({ payload, key })
    if (current && current.resetAt.getTime() > now.getTime()) {
      const row = (await payload.db.updateOne({ collection: COLLECTION, id: current.id, data: { hits: { $inc: 1 } }, returning: true })) as unknown as Row | null
      if (row) return counterOf(row)
    } else {
      const fresh = await putCounter({ payload, id: current?.id, data: { key, hits: 1, resetAt: new Date(now.getTime() + windowMs).toISOString(), state: null } }).catch((error: unknown) => {
        if (isKeyClash(error) && attempt < 3) return undefined
        throw error
      })
      if (fresh) return fresh
    }
  }
}

/** One hit fewer (express-rate-limit takes back a request it should not have counted). */
export const unhitCounter = async ({ payload, key }: { payload: Payload; key: string }): Promise<void> => {
  const current = await readCounter({ payload, key })
  if (current && current.hits > 0) await payload.db.updateOne({ collection: COLLECTION, id: current.id, data: { hits: { $inc: -1 } }, returning: false })
}

/** Updates the row `id`, or creates it when there is none (the caller read it already). */
const putCounter = async ({ payload, id, data }: { payload: Payload; id: SharedCounter['id'] | undefined; data: Omit<Row, 'id'> }): Promise<SharedCounter> =>
  counterOf(
    (id === undefined
      ? await payload.db.create({ collection: COLLECTION, data })
      : await payload.db.updateOne({ collection: COLLECTION, id, data, returning: true })) as unknown as Row,
  )

/** Sets a counter outright (an owner's own state); creates it when it does not exist. */
export const writeCounter = async ({ payload, key, hits, resetAt, state = null }: { payload: Payload; key: string; hits: number; resetAt: Date; state?: unknown }): Promise<SharedCounter> =>
  putCounter({ payload, id: (await readCounter({ payload, key }))?.id, data: { key, hits, resetAt: resetAt.toISOString(), state } })

export const deleteCounter = async ({ payload, key }: { payload: Payload; key: string }): Promise<void> => {
  await payload.db.deleteOne({ collection: COLLECTION, where: { key: { equals: key } } })
}

/** Rows whose window has ended: nothing reads them any more. */
export const sweepCounters = async ({ payload, now = new Date() }: { payload: Payload; now?: Date }): Promise<void> => {
  await payload.db.deleteMany({ collection: COLLECTION, where: { resetAt: { less_than_equal: now.toISOString() } } })
}
