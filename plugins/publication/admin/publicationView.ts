import { isAdmin } from '../../../collections/access/roles'
import { withEditTab } from '../../kit/editTab'

/**
 * The publication tab of an exam: `/admin/collections/exams/:id/publication`, next to the edit form.
 * Shown to admins only; the view itself answers 403 to anyone else who types its address.
 */
export const withPublicationTab = withEditTab({
  slug: 'exams',
  name: 'publication',
  Component: '/admin-components/exam-publication/PublicationView#PublicationView',
  labelKey: 'examPublication:tab',
  order: 160,
  condition: ({ req }) => isAdmin(req.user),
})
