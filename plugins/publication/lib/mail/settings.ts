import { ConfigError } from '../../../../runtime/errors'

/** Where notification e-mails go out: read from the environment, nothing connects here. */
export type MailSettings = {
  /** A nodemailer connection URL: `smtp://user:pass@host:587`, `smtps://…:465`, `?pool=true` to reuse connections. */
  url: string
  from: { name: string; address: string }
}

const DEFAULT_FROM_NAME = 'Korrigo'

/** "Lycée Victor-Hugo <notes@lycee.fr>" or a bare "notes@lycee.fr". */
export const parseFrom = (value: string): { name: string; address: string } => {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(value)
  if (match) return { name: match[1]!.trim() || DEFAULT_FROM_NAME, address: match[2]!.trim() }
  return { name: DEFAULT_FROM_NAME, address: value.trim() }
}

/** The server's host and port without the credentials: what an error message or a log may show. */
export const describeSmtp = (url: string): string => {
  try {
    const parsed = new URL(url)
    const port = parsed.port || (parsed.protocol === 'smtps:' ? '465' : '587')
    return `${parsed.protocol}//${parsed.hostname}:${port}`
  } catch {
    return 'the configured SMTP server'
  }
}

/**
 * `KORRIGO_SMTP_URL` turns e-mail on; `KORRIGO_MAIL_FROM` names the sender. Without it, the SMTP user when
 * it is an address (many providers refuse any other sender), else no-reply@ the public URL's host.
 */
export const mailSettingsFromEnv = (env: { KORRIGO_SMTP_URL?: string; KORRIGO_MAIL_FROM?: string; KORRIGO_PUBLIC_URL?: string }): MailSettings | undefined => {
  const url = env.KORRIGO_SMTP_URL?.trim()
  if (!url) return undefined
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new ConfigError(`KORRIGO_SMTP_URL is not a URL (expected smtp://user:password@host:port)`)
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:')
    throw new ConfigError(`KORRIGO_SMTP_URL must start with smtp:// or smtps://, got ${parsed.protocol}//`)
  const configured = env.KORRIGO_MAIL_FROM?.trim()
  if (configured) return { url, from: parseFrom(configured) }
  const user = decodeURIComponent(parsed.username)
  if (user.includes('@')) return { url, from: { name: DEFAULT_FROM_NAME, address: user } }
  const publicHost = env.KORRIGO_PUBLIC_URL ? safeHost(env.KORRIGO_PUBLIC_URL) : undefined
  return { url, from: { name: DEFAULT_FROM_NAME, address: `no-reply@${publicHost ?? parsed.hostname}` } }
}

const safeHost = (url: string): string | undefined => {
  try {
    return new URL(url).hostname || undefined
  } catch {
    return undefined
  }
}
