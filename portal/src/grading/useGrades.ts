import { useCallback, useEffect, useRef, useState } from 'react'

import { api, query } from '../api/client'
import { ApiError } from '../api/errors'
import type { Grade, Id, Page } from '../api/types'

/**
 * `rubricItems`: the question's applied items (the server then computes the points), or a change of the
 * list made when the write leaves, on the list as the previous write left it (two keys pressed in a row
 * both count).
 */
export type GradeDraft = { points?: number; comment?: string; rubricItems?: Id[] | ((applied: Id[]) => Id[]) }
export type GradeErrors = Record<string, string | undefined>
/** A grade another session saved first: theirs is shown, `mine` waits for the teacher to choose. */
export type GradeConflict = { questionKey: string; message: string; mine: GradeDraft }
/** What the header says about grades: a refused or conflicting grade is never "saved". */
export type GradeSaveState = { status: 'saved' | 'saving' | 'error'; message?: string }

export type Grades = Record<string, Grade>

/**
 * The grades of one copy; every write goes to the server, which alone checks the scale and computes the
 * total. Writes go one after the other with the version they were made on, so a colleague's save in
 * between comes back as a conflict (409) instead of being overwritten, and two quick saves of this tab
 * never conflict with each other.
 */
export const useGrades = ({ copyId, onSaved }: { copyId: Id; onSaved: () => void }) => {
  const [grades, setGradesState] = useState<Grades>({})
  const [errors, setErrors] = useState<GradeErrors>({})
  const [conflicts, setConflicts] = useState<GradeConflict[]>([])
  const [saving, setSaving] = useState<string | null>(null)
  // Which copy's stored grades are on screen: until they arrive an empty box means "not loaded", not "no grade".
  const [loadedFor, setLoadedFor] = useState<Id | null>(null)
  // Counts each question's refused saves: its box then shows what is stored again, even for the same refusal twice.
  const [refusals, setRefusals] = useState<Record<string, number>>({})
  // The latest grades for writes queued behind each other (state is one render late).
  const current = useRef<Grades>({})
  const queue = useRef<Promise<unknown>>(Promise.resolve())
  const queued = useRef(0)

  const setGrades = useCallback((update: (all: Grades) => Grades) => {
    current.current = update(current.current)
    setGradesState(current.current)
  }, [])

  const reload = useCallback(async () => {
    const page = await api.get<Page<Grade>>(`/api/grades?${query({ 'where[copy][equals]': copyId, depth: 0, limit: 500 })}`)
    // A comment typed before any points has no grade on the server yet: keep it.
    setGrades((all) => ({ ...Object.fromEntries(Object.entries(all).filter(([, g]) => g.id === undefined)), ...Object.fromEntries(page.docs.map((g) => [g.questionKey, g])) }))
    setLoadedFor(copyId)
  }, [copyId, setGrades])

  useEffect(() => {
    current.current = {}
    setGradesState({})
    setErrors({})
    setConflicts([])
    void reload()
  }, [reload])

  const write = useCallback(
    async (questionKey: string, asked: GradeDraft): Promise<boolean> => {
      let draft = asked
      const existing = current.current[questionKey]
      if (typeof draft.rubricItems === 'function') draft = { ...draft, rubricItems: draft.rubricItems(existing?.rubricItems ?? []) }
      const points = draft.points ?? existing?.points
      if (points === undefined && draft.rubricItems === undefined) {
        // A comment before any points: keep it until points are given (a grade needs points).
        if (draft.comment !== undefined) setGrades((all) => ({ ...all, [questionKey]: { ...(all[questionKey] as Grade), questionKey, comment: draft.comment } }))
        return false
      }
      setSaving(questionKey)
      const comment = draft.comment ?? existing?.comment ?? ''
      // Applying or removing an item sends the items only: the points are the server's to compute.
      const body = draft.rubricItems !== undefined ? { rubricItems: draft.rubricItems, comment } : { points, comment }
      try {
        const saved =
          existing?.id !== undefined
            ? await api.patch<{ doc: Grade }>(`/api/grades/${existing.id}?depth=0`, { ...body, version: existing.version ?? 1 })
            : await api.post<{ doc: Grade }>('/api/grades?depth=0', { ...body, copy: copyId, questionKey })
        setGrades((all) => ({ ...all, [questionKey]: saved.doc }))
        setErrors((all) => ({ ...all, [questionKey]: undefined }))
        onSaved()
        return true
      } catch (err) {
        const error = err instanceof ApiError ? err : new ApiError(0, String(err))
        if (error.status === 409 && (error.data as { code?: string } | undefined)?.code === 'conflict') {
          // Someone saved this question first: show theirs, keep ours aside until the teacher chooses.
          await reload().catch(() => undefined)
          setConflicts((all) => [...all.filter((c) => c.questionKey !== questionKey), { questionKey, message: error.message, mine: draft.rubricItems !== undefined ? { rubricItems: draft.rubricItems, comment } : { points, comment } }])
          setErrors((all) => ({ ...all, [questionKey]: error.message }))
          return false
        }
        // Refused (a value off the scale, a closed copy, the network): the box goes back to what is stored,
        // the reason stays under it, and a comment that came with it is not lost.
        if (draft.comment !== undefined) setGrades((all) => ({ ...all, [questionKey]: { ...(all[questionKey] as Grade), questionKey, comment: draft.comment } }))
        setErrors((all) => ({ ...all, [questionKey]: error.message }))
        setRefusals((all) => ({ ...all, [questionKey]: (all[questionKey] ?? 0) + 1 }))
        return false
      } finally {
        setSaving(null)
      }
    },
    [copyId, onSaved, reload, setGrades],
  )

  const save = useCallback(
    (questionKey: string, draft: GradeDraft): Promise<boolean> => {
      queued.current++
      const next = queue.current.then(() => write(questionKey, draft)).finally(() => queued.current--)
      queue.current = next.catch(() => undefined)
      return next
    },
    [write],
  )

  /** The teacher chose: write theirs again over the stored grade ("mine"), or keep the stored one. */
  const resolve = useCallback(
    (questionKey: string, choice: 'mine' | 'theirs') => {
      const conflict = conflicts.find((c) => c.questionKey === questionKey)
      if (!conflict) return
      setConflicts((all) => all.filter((c) => c !== conflict))
      setErrors((all) => ({ ...all, [questionKey]: undefined }))
      if (choice === 'mine') void save(questionKey, conflict.mine)
    },
    [conflicts, save],
  )

  const state: GradeSaveState = saving
    ? { status: 'saving' }
    : Object.values(errors).find(Boolean)
      ? { status: 'error', message: Object.values(errors).find(Boolean) }
      : { status: 'saved' }

  /** Resolves once every save queued so far has its answer (a finalization waits for them). */
  const settled = useCallback((): Promise<void> => queue.current.then(() => undefined), [])

  /** Saves of this tab not answered yet (a live refresh waits for them rather than read over them). */
  const busy = useCallback((): boolean => queued.current > 0, [])

  return { grades, loaded: loadedFor === copyId, errors, refusals, conflicts, saving, state, save, resolve, reload, settled, busy }
}
