// The exams the signed-in user may see (the REST API applies the same rule as everywhere: teachers, their own).
export type ExamChoice = { id: string | number; title: string }

export const fetchExams = async (): Promise<ExamChoice[]> => {
  const response = await fetch('/api/exams?depth=0&limit=200&sort=-createdAt&select[title]=true', { credentials: 'include', cache: 'no-store' })
  const body = await response.json().catch(() => ({}))
  if (!response.ok) throw new Error(body?.errors?.[0]?.message ?? `HTTP ${response.status}`)
  return (body.docs ?? []) as ExamChoice[]
}
