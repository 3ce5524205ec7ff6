/** The roster file as a whole cannot be used (as opposed to a bad row, which is reported and skipped). */
export class RosterFormatError extends Error {
  readonly status: number
  readonly foundColumns: string[]
  readonly requiredColumns: string[]

  constructor({
    message,
    foundColumns = [],
    requiredColumns = [],
    status = 422,
  }: {
    message: string
    foundColumns?: string[]
    requiredColumns?: string[]
    status?: number
  }) {
    super(message)
    this.name = 'RosterFormatError'
    this.status = status
    this.foundColumns = foundColumns
    this.requiredColumns = requiredColumns
  }
}
