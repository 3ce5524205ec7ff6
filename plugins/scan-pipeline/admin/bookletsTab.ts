import { isAdmin } from '../../../collections/access/roles'
import { withEditTab } from '../../kit/editTab'

/** `/admin/collections/exams/:id/booklets`: download the exam's prepared booklets to print (admins). */
export const withBookletsTab = withEditTab({
  slug: 'exams',
  name: 'booklets',
  Component: '/admin-components/exam-booklets/BookletsView#BookletsView',
  labelKey: 'examBooklets:tab',
  order: 120,
  condition: ({ req }) => isAdmin(req.user),
})
