import { isAdmin } from '../../../collections/access/roles'
import { withEditTab } from '../../kit/editTab'

/** `/admin/collections/exams/:id/distribution`: share the copies out, follow the marking (admins). */
export const withDistributionTab = withEditTab({
  slug: 'exams',
  name: 'distribution',
  Component: '/admin-components/exam-distribution/DistributionView#DistributionView',
  labelKey: 'examDistribution:tab',
  order: 130,
  condition: ({ req }) => isAdmin(req.user),
})
