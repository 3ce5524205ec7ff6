import type { Endpoint, PayloadRequest } from 'payload'

import { pseudonymOf, recordAuditEventSoon } from '../services/record'

type Observed = { req: PayloadRequest; body: unknown; response: Response; answer: unknown }
type Rule = { path: string; method: string; record: (observed: Observed) => void }

const routeId = (req: PayloadRequest) => (req.routeParams?.id as string | number | undefined) ?? null

/**
 * Sensitive actions that other plugins expose as endpoints, recorded around them from the outside: the
 * plugins stay unaware of the audit trail, and what is recorded is what the endpoint answered.
 */
const RULES: Rule[] = [
  {
    path: '/student-space/sign-in',
    method: 'post',
    record: ({ req, body, response, answer }) => {
      const email = typeof (body as { email?: unknown })?.email === 'string' ? (body as { email: string }).email : ''
      const student = (answer as { student?: { id?: string | number } })?.student
      if (response.ok && student?.id != null)
        recordAuditEventSoon({ payload: req.payload, req, actor: { type: 'student', id: student.id }, action: 'auth.student.sign-in', target: { collection: 'students', id: student.id } })
      else if (response.status === 401 || response.status === 429)
        // The address is not kept (it may be a student's): a pseudonym lets an auditor see repeated attempts.
        recordAuditEventSoon({ payload: req.payload, req, actor: { type: 'anonymous', label: email ? pseudonymOf(email) : null }, action: 'auth.student.sign-in-failed', details: { status: response.status } })
    },
  },
  {
    path: '/publication/exams/:id/publish',
    method: 'post',
    record: ({ req, body, response, answer }) => {
      if (response.status !== 202) return
      const a = answer as { scheduledFor?: string | null; notify?: boolean; finalizedCopies?: number; job?: string }
      recordAuditEventSoon({
        payload: req.payload,
        req,
        action: 'exam.publish',
        target: { collection: 'exams', id: routeId(req) },
        after: { scheduledFor: a?.scheduledFor ?? null, notify: a?.notify ?? null, finalizedCopies: a?.finalizedCopies ?? null },
        details: { job: a?.job ?? null, requested: (body as Record<string, unknown>) ?? null },
        summary: a?.scheduledFor ? `publication scheduled for ${a.scheduledFor}` : 'publication requested',
      })
    },
  },
  {
    path: '/exports/exams/:id',
    method: 'get',
    record: ({ req, response }) => {
      if (!response.ok) return
      const query = (req.query ?? {}) as Record<string, unknown>
      recordAuditEventSoon({
        payload: req.payload,
        req,
        action: 'exam.export',
        target: { collection: 'exams', id: routeId(req) },
        details: { format: query.format ?? 'csv', columns: query.columns ?? null, rounding: query.rounding ?? null, file: response.headers.get('content-disposition') },
      })
    },
  },
  {
    path: '/korrigo/jobs/:name',
    method: 'post',
    record: ({ req, body, response }) => {
      if (!response.ok) return
      const name = String(req.routeParams?.name ?? '')
      recordAuditEventSoon({ payload: req.payload, req, action: name === 'export-results' ? 'exam.export' : 'job.run', target: { collection: 'jobs', id: name }, details: { job: name, data: (body as Record<string, unknown>) ?? null } })
    },
  },
]

const readJson = async (req: PayloadRequest): Promise<unknown> => {
  if (!req.json) return undefined
  try {
    return await req.json()
  } catch {
    return undefined
  }
}

const wrap = (endpoint: Endpoint, rule: Rule): Endpoint => ({
  ...endpoint,
  handler: async (req) => {
    // The body can be read once: read it here and hand the same value to the endpoint.
    const body = rule.method === 'get' ? undefined : await readJson(req)
    if (rule.method !== 'get') req.json = async () => body
    const response = await endpoint.handler(req)
    let answer: unknown
    if ((response.headers.get('content-type') ?? '').includes('application/json')) answer = await response.clone().json().catch(() => undefined)
    try {
      rule.record({ req, body, response, answer })
    } catch (error) {
      req.payload.logger.error({ err: error, path: endpoint.path }, 'audit event could not be recorded')
    }
    return response
  },
})

export const withAuditedEndpoints = (endpoints: Endpoint[]): Endpoint[] =>
  endpoints.map((endpoint) => {
    const rule = RULES.find((r) => r.path === endpoint.path && r.method === endpoint.method)
    return rule ? wrap(endpoint, rule) : endpoint
  })
