import type { Payload } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { enqueue } from '../../../jobs/queue'
import { NOTIFY_STUDENTS } from '../jobs/names'
import { isMailConfigured } from './mail'

/**
 * Queues the e-mails of a freshly published exam. One notification job per exam: publishing again
 * re-runs it (it only mails who has not been told), and two workers never mail the same class at once.
 * Returns false, and says why in the log, when e-mail is not configured.
 */
export const queueNotifications = async ({ payload, examId }: { payload: Payload; examId: Id }): Promise<boolean> => {
  if (!isMailConfigured(payload)) {
    payload.logger.warn({ exam: examId }, 'students not notified: e-mail is not configured (set KORRIGO_SMTP_URL)')
    return false
  }
  await enqueue({ name: NOTIFY_STUDENTS, data: { examId }, uniqueKey: { name: NOTIFY_STUDENTS, 'data.examId': examId } })
  return true
}
