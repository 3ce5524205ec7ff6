import { useEffect, useState } from 'react'

import { api, query } from '../api/client'
import { idOf, type Copy, type Exam, type Grade, type Page } from '../api/types'
import { examForShare, fetchShare, type MyShare } from '../distribution/share'

export type CopyRow = Copy & { marked: number }
export type ExamOverview = { exam: Exam; copies: CopyRow[]; share?: MyShare | null }

export const listCopies = (examId: Exam['id']) =>
  api.get<Page<Copy>>(`/api/copies?${query({ 'where[exam][equals]': examId, depth: 0, limit: 1000, sort: 'anonymousId' })}`)

/** My exams with their copies and how many questions of each already have points. */
export const useExamOverview = () => {
  const [data, setData] = useState<ExamOverview[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    const load = async () => {
      const exams = await api.get<Page<Exam>>(`/api/exams?${query({ depth: 0, limit: 200, sort: '-date' })}`)
      const overview = await Promise.all(
        exams.docs.map(async (exam) => {
          const [copies, grades, share] = await Promise.all([
            listCopies(exam.id),
            api.get<Page<Grade>>(`/api/grades?${query({ 'where[exam][equals]': exam.id, depth: 0, pagination: false, 'select[copy]': true, 'select[questionKey]': true })}`),
            fetchShare(exam.id),
          ])
          const marked = new Map<string, Set<string>>()
          for (const g of grades.docs) {
            const key = String(idOf(g.copy))
            marked.set(key, (marked.get(key) ?? new Set()).add(g.questionKey))
          }
          return { exam: examForShare(exam, share?.questionKeys), share, copies: copies.docs.map((c) => ({ ...c, marked: marked.get(String(c.id))?.size ?? 0 })) }
        }),
      )
      setData(overview)
    }
    load().catch((err: Error) => setError(err.message))
  }, [])
  return { data, error }
}
