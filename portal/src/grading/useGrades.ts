import { useCallback, useEffect, useState } from 'react'

import { api, query } from '../api/client'
import { ApiError } from '../api/errors'
import type { Grade, Id, Page } from '../api/types'

export type GradeDraft = { points?: number; comment?: string }
export type GradeErrors = Record<string, string | undefined>

/** The grades of one copy; every write goes to the server, which alone checks the scale and computes the total. */
export const useGrades = ({ copyId, onSaved }: { copyId: Id; onSaved: () => void }) => {
  const [grades, setGrades] = useState<Record<string, Grade>>({})
  const [errors, setErrors] = useState<GradeErrors>({})
  const [saving, setSaving] = useState<string | null>(null)

  const reload = useCallback(async () => {
    const page = await api.get<Page<Grade>>(`/api/grades?${query({ 'where[copy][equals]': copyId, depth: 0, limit: 500 })}`)
    setGrades(Object.fromEntries(page.docs.map((g) => [g.questionKey, g])))
  }, [copyId])

  useEffect(() => {
    setGrades({})
    setErrors({})
    void reload()
  }, [reload])

  const save = useCallback(
    async (questionKey: string, draft: GradeDraft): Promise<boolean> => {
      const existing = grades[questionKey]
      const points = draft.points ?? existing?.points
      if (points === undefined) {
        // A comment before any points: keep it until points are given (a grade needs points).
        if (draft.comment !== undefined) setGrades((all) => ({ ...all, [questionKey]: { ...(all[questionKey] as Grade), questionKey, comment: draft.comment } }))
        return false
      }
      setSaving(questionKey)
      try {
        const body = { points, comment: draft.comment ?? existing?.comment ?? '' }
        const saved = existing?.id
          ? await api.patch<{ doc: Grade }>(`/api/grades/${existing.id}?depth=0`, body)
          : await api.post<{ doc: Grade }>('/api/grades?depth=0', { ...body, copy: copyId, questionKey })
        setGrades((all) => ({ ...all, [questionKey]: saved.doc }))
        setErrors((all) => ({ ...all, [questionKey]: undefined }))
        onSaved()
        return true
      } catch (err) {
        setErrors((all) => ({ ...all, [questionKey]: err instanceof ApiError ? err.message : String(err) }))
        return false
      } finally {
        setSaving(null)
      }
    },
    [copyId, grades, onSaved],
  )

  return { grades, errors, saving, save, reload }
}
