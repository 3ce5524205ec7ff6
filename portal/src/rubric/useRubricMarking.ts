import type { Grade, Id, RubricItem, ScaleQuestion } from '../api/types'
import type { GradeDraft } from '../grading/useGrades'

type Args = {
  items: RubricItem[]
  question: ScaleQuestion | undefined
  grade: Grade | undefined
  readOnly: boolean
  save: (questionKey: string, draft: GradeDraft) => Promise<boolean>
}

export const itemsOf = (items: RubricItem[], questionKey: string | undefined): RubricItem[] => items.filter((i) => i.questionKey === questionKey)

/** Applying a rubric item to the current question, or taking it off: one key (1–9) or one click. */
export const useRubricMarking = ({ grade, items, question, readOnly, save }: Args) => {
  const mine = itemsOf(items, question?.key)
  const applied = (grade?.rubricItems ?? []).map(String)

  const toggle = (id: Id) => {
    if (!question || readOnly) return
    // Decided when the write leaves, on the items the previous write left: quick keys never undo each other.
    const toggled = (list: Id[]) => (list.some((i) => String(i) === String(id)) ? list.filter((i) => String(i) !== String(id)) : [...list, id])
    void save(question.key, { rubricItems: toggled })
  }

  /** The n-th item of the question (1-based), as the panel numbers them. */
  const toggleNth = (n: number) => {
    const item = mine[n - 1]
    if (item) toggle(item.id)
  }

  return { items: mine, applied, toggle, toggleNth }
}
