import type { Id } from '../../../collections/access/roles'
import { BadRequestError } from '../../../runtime/errors'
import { parseId as idFrom } from '../../../shared/ids'

export const parseId = ({ job, data, key }: { job: string; data: unknown; key: string }): Id => {
  const value = (data as Record<string, unknown> | undefined)?.[key]
  const id = idFrom(value)
  if (id === undefined) throw new BadRequestError(`${job}: ${key} must be a string or number id, got ${JSON.stringify(value)}`)
  return id
}
