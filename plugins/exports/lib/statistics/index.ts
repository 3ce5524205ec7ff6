import type { CorrectorStatistics } from './correctors'
import type { ExamStatistics } from './exam'

export {
  correctorStatistics,
  DEVIATION_THRESHOLD,
  MIN_COMPARABLE_GRADES,
  type AttributedGrade,
  type CorrectorFigures,
  type CorrectorStatistics,
  type StatisticsViewer,
  type Tendency,
} from './correctors'
export { distribution, type Distribution } from './distribution'
export { examStatistics, type ExamStatistics } from './exam'
export { markHistogram, pointsHistogram, type Bin } from './histogram'
export { questionStatistics, type QuestionStatistics } from './questions'

/** What `GET /api/exports/exams/:id/statistics` answers. */
export type StatisticsReport = ExamStatistics & CorrectorStatistics
