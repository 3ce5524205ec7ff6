/** The matching input itself is inconsistent (e.g. two copies with the same key). */
export class MatchInputError extends Error {
  readonly status: number
  constructor({ message, status = 400 }: { message: string; status?: number }) {
    super(message)
    this.name = 'MatchInputError'
    this.status = status
  }
}
