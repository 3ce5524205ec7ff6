import type { PayloadRequest } from 'payload'

type Context = { korrigoSystemWrite?: number }

/**
 * Runs writes the server makes on its own (a copy finalized once every part is done, the grades applying a
 * rubric item whose points changed) inside a teacher's request: hooks that act on the teacher's own writes
 * (their share, their corrector stamp) must not mistake these for them.
 */
export const systemWrite = async <T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> => {
  const context = req.context as Context
  context.korrigoSystemWrite = (context.korrigoSystemWrite ?? 0) + 1
  try {
    return await work()
  } finally {
    context.korrigoSystemWrite = (context.korrigoSystemWrite ?? 1) - 1
  }
}

export const isSystemWrite = (req: PayloadRequest): boolean => Boolean((req.context as Context).korrigoSystemWrite)
