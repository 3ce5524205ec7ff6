import { withEditTab } from '../../kit/editTab'

/** The statistics tab of an exam: `/admin/collections/exams/:id/statistics`, next to the edit form. */
export const withStatisticsTab = withEditTab({
  slug: 'exams',
  name: 'statistics',
  Component: '/admin-components/exam-statistics/StatisticsView#StatisticsView',
  labelKey: 'examStatistics:tab',
  order: 150,
})
