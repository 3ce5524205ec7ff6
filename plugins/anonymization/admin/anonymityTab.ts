import { isAdmin } from '../../../collections/access/roles'
import { withEditTab } from '../../kit/editTab'

/** `/admin/collections/exams/:id/anonymity`: draw the exam's identity zone, see the redaction's progress (admins). */
export const withAnonymityTab = withEditTab({
  slug: 'exams',
  name: 'anonymity',
  Component: '/admin-components/exam-anonymity/AnonymityView#AnonymityView',
  labelKey: 'examAnonymity:tab',
  order: 140,
  condition: ({ req }) => isAdmin(req.user),
})
