/**
 * Runs tasks one at a time per key. Sign-in counters are read, changed and written back: two guesses for
 * the same address at the same moment would otherwise both read "4 failures" and neither would lock.
 */
export const createKeyedLock = () => {
  const tails = new Map<string, Promise<unknown>>()
  return async <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const previous = tails.get(key) ?? Promise.resolve()
    const run = previous.then(task, task)
    const tail = run.catch(() => undefined)
    tails.set(key, tail)
    try {
      return await run
    } finally {
      // Forget the key once nobody queued behind this task, so the map does not grow with every address.
      if (tails.get(key) === tail) tails.delete(key)
    }
  }
}
