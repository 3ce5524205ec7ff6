import { useCallback, useEffect, useState } from 'react'

import { api } from '../api/client'
import { ApiError } from '../api/errors'
import type { Id, RubricItem } from '../api/types'

export type RubricDraft = { points: number; text: string }

/**
 * The exam's rubric with each item's uses, shared by its correctors: read again when `version` changes (a
 * grade saved, so the counts move). An edit of an item's points is applied by the server to every grade
 * using it; `onItemChanged` then lets the open copy read its grades and total again.
 */
export const useRubric = ({ examId, version, onItemChanged }: { examId: Id; version: number; onItemChanged: () => void }) => {
  const [items, setItems] = useState<RubricItem[]>([])
  const [error, setError] = useState<string | null>(null)

  const reload = useCallback(async () => {
    const answer = await api.get<{ items: RubricItem[] }>(`/api/correction/exams/${examId}/rubric`)
    setItems(answer.items)
  }, [examId])

  useEffect(() => {
    reload().catch(() => undefined)
  }, [reload, version])

  const run = async (work: () => Promise<unknown>, changed = false): Promise<boolean> => {
    try {
      await work()
      setError(null)
      await reload()
      if (changed) onItemChanged()
      return true
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err))
      return false
    }
  }

  const create = (questionKey: string, draft: RubricDraft) => run(() => api.post('/api/rubric-items?depth=0', { exam: examId, questionKey, ...draft }))
  const update = (id: Id, draft: Partial<RubricDraft>) => run(() => api.patch(`/api/rubric-items/${id}?depth=0`, draft), true)
  const remove = (id: Id) => run(() => api.delete(`/api/rubric-items/${id}`))

  return { items, error, create, update, remove, reload }
}

export type Rubric = ReturnType<typeof useRubric>
