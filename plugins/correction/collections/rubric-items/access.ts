import type { Access } from 'payload'

import { byAssignedExam } from '../../../../collections/access/roles'

/**
 * A rubric belongs to the exam, not to one teacher: every corrector of the exam reads, applies and edits it
 * (one shared scale of deductions is the point of a rubric), admins too; nobody else sees it.
 */
export const rubricAccess: { read: Access; create: Access; update: Access; delete: Access } = {
  read: byAssignedExam('exam'),
  // A create names its exam: checked in the hook once the exam is known.
  create: ({ req }) => Boolean(req.user),
  update: byAssignedExam('exam'),
  delete: byAssignedExam('exam'),
}
