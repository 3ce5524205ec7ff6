import type { RenderLocale } from '../types'
import { notificationLabels } from './labels'

export type NotificationInput = {
  locale?: RenderLocale
  examTitle: string
  firstName?: string | null
  /** Absolute link to the student space; without it the mail says where to go instead of linking. */
  studentSpaceUrl?: string
}

export type NotificationMail = { subject: string; text: string; html: string }

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** One line: a title typed with a line break must not split the Subject header. */
const oneLine = (value: string): string => value.replace(/\s+/g, ' ').trim()

/** `${publicUrl}/portal/#/student`, or undefined when the public URL is not known. */
export const studentSpaceUrlOf = (publicUrl: string | undefined | null): string | undefined => {
  const base = publicUrl?.trim().replace(/\/+$/, '')
  return base ? `${base}/portal/#/student` : undefined
}

/**
 * The e-mail telling a student that their marked copy is published. It never carries the mark: a mail
 * travels and is kept in places the student space does not control, so it only says where to look.
 */
export const composeNotification = ({ locale = 'fr', examTitle, firstName, studentSpaceUrl }: NotificationInput): NotificationMail => {
  const l = notificationLabels[locale] ?? notificationLabels.fr
  const exam = oneLine(examTitle)
  const name = oneLine(firstName ?? '')
  const text = [
    l.greeting(name),
    '',
    l.available(exam),
    studentSpaceUrl ? `${l.link} ${studentSpaceUrl}` : l.noLink,
    l.signIn,
    '',
    '-- ',
    l.signature,
    '',
  ].join('\n')
  const link = studentSpaceUrl
    ? `<p><a href="${escapeHtml(studentSpaceUrl)}" style="display:inline-block;padding:10px 18px;background:#1f4e8c;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(l.button)}</a></p>
<p style="font-size:13px;color:#555">${escapeHtml(l.link)} <a href="${escapeHtml(studentSpaceUrl)}">${escapeHtml(studentSpaceUrl)}</a></p>`
    : `<p>${escapeHtml(l.noLink)}</p>`
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(l.subject(exam))}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;color:#222;line-height:1.5">
<p>${escapeHtml(l.greeting(name))}</p>
<p>${escapeHtml(l.available(exam))}</p>
${link}
<p>${escapeHtml(l.signIn)}</p>
<p style="font-size:12px;color:#777">${escapeHtml(l.signature)}</p>
</body></html>
`
  return { subject: l.subject(exam), text, html }
}
