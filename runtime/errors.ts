/** An error that knows which HTTP status it maps to, so endpoints and jobs can report it faithfully. */
export class KorrigoError extends Error {
  readonly status: number
  readonly code: string
  readonly details?: Record<string, unknown>

  constructor({
    code,
    details,
    message,
    status,
  }: {
    code: string
    details?: Record<string, unknown>
    message: string
    status: number
  }) {
    super(message)
    this.name = new.target.name
    this.status = status
    this.code = code
    this.details = details
  }
}

export class ConfigError extends KorrigoError {
  constructor(message: string, details?: Record<string, unknown>) {
    super({ code: 'config', details, message, status: 500 })
  }
}

export class BadRequestError extends KorrigoError {
  constructor(message: string, details?: Record<string, unknown>) {
    super({ code: 'bad_request', details, message, status: 400 })
  }
}

export class UnauthorizedError extends KorrigoError {
  constructor(message = 'Sign in first', details?: Record<string, unknown>) {
    super({ code: 'unauthorized', details, message, status: 401 })
  }
}

export class ForbiddenError extends KorrigoError {
  constructor(message = 'Forbidden', details?: Record<string, unknown>) {
    super({ code: 'forbidden', details, message, status: 403 })
  }
}

export class NotFoundError extends KorrigoError {
  constructor(message = 'Not found', details?: Record<string, unknown>) {
    super({ code: 'not_found', details, message, status: 404 })
  }
}

export class ConflictError extends KorrigoError {
  constructor(message: string, details?: Record<string, unknown>) {
    super({ code: 'conflict', details, message, status: 409 })
  }
}

type DriverError = { code?: unknown; detail?: unknown; message?: unknown; cause?: unknown }

/** The database or system error under Payload's and Drizzle's wrappers (`cause` chains), if any. */
export const rootCodeOf = (error: unknown): DriverError | undefined => {
  let current = error as DriverError | undefined
  for (let level = 0; current && level < 6; level++, current = current.cause as DriverError | undefined)
    if (typeof current.code === 'string') return current
  return undefined
}

const camel = (column: string): string => column.replace(/_id$/, '').replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())

/**
 * What a database or file-system error says about the request, as a client error: a reference to a row
 * that does not exist, a value of the wrong type or out of range, a NUL character PostgreSQL cannot store,
 * a NUL in a file name. Undefined for everything else, which stays a 500 (a server fault).
 */
export const clientErrorOf = ({ error, collection, id }: { error: unknown; collection?: string; id?: string }): KorrigoError | undefined => {
  const root = rootCodeOf(error)
  const code = root?.code as string | undefined
  const message = String(root?.message ?? (error as Error)?.message ?? '')
  if (code === '23503') {
    const detail = String(root?.detail ?? '')
    const missing = /Key \((\w+)\)=\(([^)]*)\) is not present in table "(\w+)"/.exec(detail)
    if (missing) return new BadRequestError(`${camel(missing[1]!)}: ${missing[2]} does not exist (no such ${missing[3]} row)`, { field: camel(missing[1]!), value: missing[2] })
    const used = /is still referenced from table "(\w+)"/.exec(detail)
    return new ConflictError(used ? `This row is still used by ${used[1]}: remove those first` : 'This change refers to a row that does not exist')
  }
  if (code === '22021' || code === '22P05' || /\b0x00\b|Unicode escape sequence|null bytes/i.test(message))
    return new BadRequestError('Text cannot contain a NUL character (\\u0000)')
  if (code === '22P02' || code === '22003' || code === '22007' || code === '22008') {
    // An id that cannot be a row id (PostgreSQL ids are integers) names no row: the same answer as a missing one.
    if (id !== undefined && collection && !/^\d{1,9}$/.test(id)) return new NotFoundError(`No ${collection} with id "${id.slice(0, 64)}"`)
    return new BadRequestError(`A value has the wrong type or is out of range: ${message.slice(0, 200)}`)
  }
  if (code === 'ERR_INVALID_ARG_VALUE' && /null bytes/.test(message)) return new BadRequestError('A file name cannot contain a NUL character')
  return undefined
}
