/** Polls `read` until it gives a value (jobs run in the background), or fails naming what never came. */
export const waitFor = async <T>(what: string, read: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> => {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    const value = await read()
    if (value !== undefined) return value
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`timed out waiting for ${what}`)
}

/** Polls `probe` until it gives a truthy value (a page state, a job's end), or fails naming what never came. */
export const waitUntil = async <T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 120_000, everyMs = 500): Promise<T> => {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    const value = await probe()
    if (value) return value
    await new Promise((r) => setTimeout(r, everyMs))
  }
  throw new Error(`timed out waiting for ${what}`)
}
