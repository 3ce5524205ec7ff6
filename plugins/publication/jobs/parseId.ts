import type { Id } from '../../../collections/access/roles'
import { BadRequestError } from '../../../runtime/errors'

export const parseId = ({ job, data, key }: { job: string; data: unknown; key: string }): Id => {
  const id = (data as Record<string, unknown> | undefined)?.[key]
  if ((typeof id !== 'string' || !id) && typeof id !== 'number') throw new BadRequestError(`${job}: ${key} must be a string or number id, got ${JSON.stringify(id)}`)
  return id
}
