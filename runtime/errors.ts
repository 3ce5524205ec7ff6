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
