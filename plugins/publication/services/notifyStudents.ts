import type { Payload } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import { ConfigError } from '../../../runtime/errors'
import { MailDeliveryError } from '../lib/errors'
import { composeNotification, studentSpaceUrlOf } from '../lib/mail/composeNotification'
import { describeSmtpFailure, isRecipientRejected } from '../lib/mail/smtpErrors'
import type { RenderLocale } from '../lib/types'
import { isMailConfigured, smtpServerName } from './mail'
import { finalizedCopies } from './renderExam'

export type NotifyResult = {
  /** Published copies of the exam. */
  published: number
  sent: number
  alreadyNotified: number
  /** Copies whose student has no e-mail address, or that no student was assigned to. */
  withoutEmail: Id[]
  /** Addresses the server refused for good (unknown mailbox…): not stamped, named in the log. */
  rejected: { copyId: Id; message: string }[]
}

type Logger = { info: (obj: object, msg?: string) => void; warn: (obj: object, msg?: string) => void }

const publishedCopies = ({ payload, examId }: { payload: Payload; examId: Id }) => finalizedCopies({ payload, examId, published: true })

/**
 * Tells each student of an exam, by e-mail, that their marked copy is published — once. `notifiedAt` is
 * stamped right after each accepted send, so a run that stops half-way (server down, worker killed)
 * resumes where it was and a re-run never mails twice (at worst one mail, if the process died between
 * the server's acceptance and the stamp). When the server cannot be reached the run stops with a
 * MailDeliveryError naming it; the copies already told stay told.
 */
export const notifyStudents = async ({
  payload,
  examId,
  locale = 'fr',
  logger = payload.logger,
  progress,
}: {
  payload: Payload
  examId: Id
  locale?: RenderLocale
  logger?: Logger
  progress?: (args: { done: number; total: number }) => Promise<void>
}): Promise<NotifyResult> => {
  if (!isMailConfigured(payload)) throw new ConfigError('Students cannot be notified: e-mail is not configured (set KORRIGO_SMTP_URL)')
  const exam = await payload.findByID({ collection: 'exams', id: examId, depth: 0, overrideAccess: true })
  const copies = await publishedCopies({ payload, examId: exam.id })
  const pending = copies.filter((c) => !c.notifiedAt)
  const studentIds = [...new Set(pending.map((c) => idOf(c.student)).filter((id): id is Id => id !== undefined))]
  const students = studentIds.length
    ? (await payload.find({ collection: 'students', where: { id: { in: studentIds } }, depth: 0, limit: 0, pagination: false, overrideAccess: true })).docs
    : []
  const studentById = new Map(students.map((s) => [String(s.id), s]))
  const recipients = pending.map((copy) => ({ copy, student: studentById.get(String(idOf(copy.student))) }))
  const todo = recipients.filter((r) => r.student?.email)
  const result: NotifyResult = { published: copies.length, sent: 0, alreadyNotified: copies.length - pending.length, withoutEmail: [], rejected: [] }
  result.withoutEmail = recipients.filter((r) => !r.student?.email).map((r) => r.copy.id)
  if (result.withoutEmail.length)
    logger.warn({ exam: exam.id, copies: result.withoutEmail }, `${result.withoutEmail.length} student(s) without an e-mail address: not notified`)

  const studentSpaceUrl = studentSpaceUrlOf(payload.config.serverURL)
  await progress?.({ done: 0, total: todo.length })
  for (const [index, { copy, student }] of todo.entries()) {
    const mail = composeNotification({ locale, examTitle: exam.title, firstName: student!.firstName, studentSpaceUrl })
    try {
      await payload.sendEmail({ to: student!.email!, subject: mail.subject, text: mail.text, html: mail.html })
    } catch (error) {
      if (!isRecipientRejected(error)) {
        throw new MailDeliveryError(
          `Could not send the publication e-mails of "${exam.title}" through ${smtpServerName()}: ${describeSmtpFailure(error)}. ` +
            `${result.sent} sent in this run, ${todo.length - index} left for the next run.`,
          { sent: result.sent, remaining: todo.length - index },
        )
      }
      result.rejected.push({ copyId: copy.id, message: describeSmtpFailure(error) })
      logger.warn({ exam: exam.id, copy: copy.id, err: describeSmtpFailure(error) }, 'the mail server refused a student address')
      await progress?.({ done: index + 1, total: todo.length })
      continue
    }
    await payload.update({ collection: 'copies', id: copy.id, data: { notifiedAt: new Date().toISOString() }, depth: 0, overrideAccess: true })
    result.sent++
    await progress?.({ done: index + 1, total: todo.length })
  }
  return result
}
