import { UnknownColumnError } from './errors'
import type { Column, ResultsTable } from './types'

const fmt = (n: number) => String(Math.round(n * 100) / 100)

/** Every column a results table can show, in the default order. `q:<key>` is one question. */
export const allColumns = (table: ResultsTable): Column[] => [
  { id: 'anonymousId', header: 'Numéro anonyme', value: (r) => r.anonymousId },
  { id: 'lastName', header: 'Nom', value: (r) => r.lastName },
  { id: 'firstName', header: 'Prénom', value: (r) => r.firstName },
  { id: 'className', header: 'Classe', value: (r) => r.className },
  ...table.questions.map((q) => ({ id: `q:${q.key}`, header: `${q.label || q.key} (/${fmt(q.maxPoints)})`, value: (r: { points: Record<string, number | undefined> }) => r.points[q.key] })),
  { id: 'total', header: `Total (/${fmt(table.maxTotal)})`, value: (r) => r.total },
  { id: 'outOf20', header: 'Note /20', value: (r) => r.outOf20 },
  { id: 'status', header: 'Statut', value: (r) => r.status },
]

const DEFAULT_IDS = (table: ResultsTable) => ['anonymousId', 'lastName', 'firstName', 'className', ...table.questions.map((q) => `q:${q.key}`), 'total', 'outOf20']

/**
 * The columns asked for, in the order asked: ids separated by commas; `questions` stands for every
 * question column. Nothing asked: the default set (everything but the status).
 */
export const selectColumns = ({ table, ids }: { table: ResultsTable; ids?: string[] }): Column[] => {
  const all = allColumns(table)
  const byId = new Map(all.map((c) => [c.id, c]))
  const wanted = (ids?.length ? ids : DEFAULT_IDS(table)).flatMap((id) => (id === 'questions' ? table.questions.map((q) => `q:${q.key}`) : [id.trim()]))
  return wanted.map((id) => {
    const column = byId.get(id)
    if (!column) throw new UnknownColumnError(id, [...byId.keys(), 'questions'])
    return column
  })
}
