/** What nodemailer tells us when a send fails (an Error with these fields). */
type SmtpFailure = Error & { code?: string; responseCode?: number; command?: string; response?: string }

/**
 * A permanent refusal of this one recipient (550 on RCPT TO: unknown mailbox…). Retrying would fail
 * again and must not block the rest of the class; anything else (no connection, authentication,
 * a temporary 4xx, TLS) is the server's problem and stops the run so that it can be retried.
 */
export const isRecipientRejected = (error: unknown): boolean => {
  const failure = error as SmtpFailure
  return failure?.code === 'EENVELOPE' && typeof failure.responseCode === 'number' && failure.responseCode >= 500
}

/** "connect ECONNREFUSED 127.0.0.1:2525 (ESOCKET)", "Invalid login: 535 … (EAUTH)": the cause in one line. */
export const describeSmtpFailure = (error: unknown): string => {
  const failure = error as SmtpFailure
  const message = (failure?.message ?? String(error)).replace(/\s+/g, ' ').trim()
  return failure?.code && !message.includes(failure.code) ? `${message} (${failure.code})` : message
}
