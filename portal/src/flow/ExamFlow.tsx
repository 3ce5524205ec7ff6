import type { Id } from '../api/types'
import { FlowBar } from './FlowBar'
import { useMyShare } from './useMyShare'

/** On the exam list: the teacher's progress on the exam and where to resume ("next unmarked"). */
export const ExamFlow = ({ examId }: { examId: Id }) => {
  const { share, pending } = useMyShare({ examId })
  return <FlowBar share={share} pending={pending} />
}
