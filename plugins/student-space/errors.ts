import { KorrigoError } from '../../runtime/errors'

/** One sentence for an unknown address and for a wrong birth date: the answer never says which it was. */
export class StudentSignInError extends KorrigoError {
  constructor() {
    super({ code: 'student_sign_in_failed', message: 'This email address and birth date do not match a student.', status: 401 })
  }
}

export class StudentSignedOutError extends KorrigoError {
  constructor() {
    super({ code: 'student_signed_out', message: 'Sign in to the student space first.', status: 401 })
  }
}

/** Answered while an address is locked, the right birth date included; `retryAfterSeconds` feeds Retry-After. */
export class StudentLockedError extends KorrigoError {
  readonly retryAfterSeconds: number

  constructor({ retryAfterSeconds }: { retryAfterSeconds: number }) {
    super({
      code: 'student_locked',
      message: `Too many failed attempts: try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
      status: 429,
      details: { retryAfterSeconds },
    })
    this.retryAfterSeconds = retryAfterSeconds
  }
}
