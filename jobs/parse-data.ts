import type { Id } from '../shared/ids'
import { parseId as idFrom } from '../shared/ids'
import { BadRequestError } from '../runtime/errors'

/** A job's id field (`key` of its data), as either database gives it; a 400 naming the job and the field otherwise. */
export const parseId = ({ job, data, key }: { job: string; data: unknown; key: string }): Id => {
  const value = (data as Record<string, unknown> | undefined)?.[key]
  const id = idFrom(value)
  if (id === undefined) throw new BadRequestError(`${job}: ${key} must be a string or number id, got ${JSON.stringify(value)}`)
  return id
}

/** A lane job's number (a big batch's or an exam's helpers, queued with `lane`: 1, 2, …). */
export const parseLane = ({ job, data }: { job: string; data: unknown }): number => {
  const lane = (data as { lane?: unknown } | undefined)?.lane
  if (!Number.isInteger(lane)) throw new BadRequestError(`${job}: lane must be an integer, got ${JSON.stringify(lane)}`)
  return lane as number
}
