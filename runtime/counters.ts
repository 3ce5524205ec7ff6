/**
 * Counters that feature code bumps without importing the metrics stack (prom-client, Express): the code
 * of jobs is also bundled by Next for the admin. `runtime/metrics.ts` reads them when scraped. Kept on
 * globalThis so a bundled copy of this module counts into the same place.
 */
type Counts = Map<string, number>

const slot = globalThis as { __korrigoCounters?: Map<string, Counts> }
const store = (slot.__korrigoCounters ??= new Map())

export const bump = (name: string, labels: Record<string, string>, by = 1): void => {
  const key = JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)))
  const counts = store.get(name) ?? new Map<string, number>()
  store.set(name, counts)
  counts.set(key, (counts.get(key) ?? 0) + by)
}

export const readCounter = (name: string): { labels: Record<string, string>; value: number }[] =>
  [...(store.get(name) ?? new Map<string, number>()).entries()].map(([key, value]) => ({ labels: Object.fromEntries(JSON.parse(key) as [string, string][]), value }))

/** Names of the counters, so the metrics and the code that bumps them agree. */
export const COUNTERS = { scanPages: 'scan_pages_processed_total' } as const
