/** An answer from the server that was not a success: `status` 0 means the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body?: unknown,
  ) {
    super(message)
    this.name = 'ApiError'
  }

  /** What the server said about the error beyond words (`errors[0].data`: a code, the stored version…). */
  get data(): unknown {
    return (this.body as { errors?: { data?: unknown }[] } | null | undefined)?.errors?.[0]?.data
  }

  get isNetwork(): boolean {
    return this.status === 0 || this.status >= 500
  }
}

export const messageOf = (body: unknown, fallback: string): string => {
  const errors = (body as { errors?: { message?: string }[] } | null)?.errors
  return errors?.map((e) => e.message).filter(Boolean).join(' — ') || fallback
}
