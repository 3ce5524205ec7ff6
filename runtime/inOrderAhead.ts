/**
 * Runs `start` for up to `ahead` items beyond the one being finished, and `finish` for each item in order
 * with what its start gave: slow preparation (another thread, another process) overlaps this thread's
 * work on the previous item. A failed start fails when its item's turn comes; the items started after
 * it are awaited first, so none is left running unobserved.
 */
export const inOrderAhead = async <T, R>({ items, ahead, start, finish }: { items: readonly T[]; ahead: number; start: (item: T) => Promise<R>; finish: (item: T, prepared: R) => Promise<void> }): Promise<void> => {
  const started: Promise<R>[] = []
  const launch = (upTo: number) => {
    while (started.length < Math.min(items.length, upTo)) {
      const promise = start(items[started.length]!)
      promise.catch(() => undefined) // observed at its turn
      started.push(promise)
    }
  }
  try {
    for (let i = 0; i < items.length; i++) {
      launch(i + 1 + ahead)
      await finish(items[i]!, await started[i]!)
    }
  } finally {
    await Promise.allSettled(started)
  }
}
