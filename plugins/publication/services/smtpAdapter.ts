import nodemailer from 'nodemailer'
import type { EmailAdapter } from 'payload'

import type { MailSettings } from '../lib/mail/settings'

/**
 * Payload's e-mail adapter contract on a nodemailer SMTP transport. Payload's own
 * `@payloadcms/email-nodemailer` does the same, but it is released only up to 3.90.1 and Payload refuses
 * to start next to a package of another version than its own (3.90.2 here). Nothing connects until the
 * first send: a mail server that is down must not slow or stop the app, the notification job names it.
 */
export const smtpEmailAdapter = ({ url, from }: MailSettings): EmailAdapter => {
  const transport = nodemailer.createTransport(url)
  return () => ({
    name: 'smtp',
    defaultFromAddress: from.address,
    defaultFromName: from.name,
    // An address object, not "Name <address>": nodemailer encodes a name with commas or accents itself.
    sendEmail: (message) => transport.sendMail({ ...message, from: message.from || from }),
  })
}
