import { isAdmin } from '../../../collections/access/roles'
import { withEditTab } from '../../kit/editTab'

/**
 * The ingestion report of a scan batch: `/admin/collections/scan-batches/:id/report`, next to its edit
 * form. Admins only: the tab is hidden from teachers, and the view answers 403 to one who types it.
 */
export const withBatchReportTab = withEditTab({
  slug: 'scan-batches',
  name: 'report',
  Component: '/admin-components/batch-report/BatchReportView#BatchReportView',
  labelKey: 'batchReport:tab',
  order: 100,
  condition: ({ req }) => isAdmin(req.user),
})
