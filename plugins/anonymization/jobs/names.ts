export const REDACT_COPY = 'redact-copy'
