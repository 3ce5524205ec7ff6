import type { Payload } from 'payload'

type Watched = 'find' | 'findByID' | 'update'

/**
 * Calls `seen` with the arguments of every call of one Payload operation, which still runs as usual: for tests
 * that count what a service asks of the database. Returns the function that stops watching.
 */
export const watchPayload = <M extends Watched>({ payload, method, seen }: { payload: Payload; method: M; seen: (args: Parameters<Payload[M]>[0]) => void }): (() => void) => {
  const original = payload[method]
  const bound = original.bind(payload) as (args: unknown) => unknown
  payload[method] = ((args: Parameters<Payload[M]>[0]) => {
    seen(args)
    return bound(args)
  }) as Payload[M]
  return () => {
    payload[method] = original
  }
}
