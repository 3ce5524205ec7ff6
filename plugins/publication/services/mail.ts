import type { Payload } from 'payload'

import { config } from '../../../runtime/config'
import { describeSmtp, mailSettingsFromEnv } from '../lib/mail/settings'

/**
 * Payload falls back to a console adapter that only logs when no e-mail adapter is configured: notifying
 * through it would stamp students as told when nobody was. Any real adapter (ours from KORRIGO_SMTP_URL,
 * or one a school plugs in) counts as configured.
 */
export const isMailConfigured = (payload: Payload): boolean => Boolean(payload.email) && payload.email.name !== 'console'

/** How errors name the mail server: host and port from KORRIGO_SMTP_URL, never its password. */
export const smtpServerName = (): string => {
  const settings = mailSettingsFromEnv(config())
  return settings ? describeSmtp(settings.url) : 'the configured e-mail adapter'
}
