import type { SavedComment, ScaleQuestion } from '../api/types'
import { commentPoints, halfPoints, stepPoints } from './points'
import type { GradeDraft, Grades } from './useGrades'

type Args = { question: ScaleQuestion | undefined; grades: Grades; readOnly: boolean; save: (questionKey: string, draft: GradeDraft) => Promise<boolean> }

/** What the keyboard and the comment bank do to the current question's grade. */
export const questionActions = ({ question, grades, readOnly, save }: Args) => ({
  setPoints: (what: 'zero' | 'half' | 'full' | 'up' | 'down') => {
    if (!question || readOnly) return
    const current = grades[question.key]?.points
    const points = what === 'zero' ? 0 : what === 'half' ? halfPoints(question) : what === 'full' ? question.maxPoints : stepPoints(question, current, what === 'up' ? 1 : -1)
    void save(question.key, { points })
  },
  insertComment: (comment: SavedComment) => {
    if (!question || readOnly) return
    const grade = grades[question.key]
    const text = grade?.comment ? `${grade.comment}\n${comment.text}` : comment.text
    const fitsQuestion = !comment.questionKey || comment.questionKey === question.key
    // Negative points deduct from the question's points (−0.5 is "half a point off", not "−0.5 points").
    const points = typeof comment.points === 'number' && fitsQuestion ? commentPoints(question, grade?.points, comment.points) : undefined
    void save(question.key, { comment: text, points })
  },
})
