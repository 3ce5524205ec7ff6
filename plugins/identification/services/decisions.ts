import type { Payload, PayloadRequest } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { recordAuditEventSoon } from '../../audit'
import { DECISIONS_SLUG, type DecisionAction } from '../collections/IdentificationDecisions'

/** Appends to the decision log (server-side only: the collection refuses writes from clients). */
export const recordDecision = async ({
  payload,
  req,
  exam,
  copy,
  action,
  fromStudent = null,
  toStudent = null,
  details,
  method = 'manual',
}: {
  payload: Payload
  req?: PayloadRequest
  exam: Id | undefined
  copy: Id | undefined
  action: DecisionAction
  fromStudent?: Id | null
  toStudent?: Id | null
  details?: Record<string, unknown>
  /** who decided: a person (manual), the matcher (auto), a prepared booklet's printed name (qr-code) */
  method?: 'manual' | 'auto' | 'qr-code'
}) => {
  const decision = await payload.create({
    collection: DECISIONS_SLUG as never,
    data: { exam, copy, action, method, fromStudent, toStudent, user: req?.user?.id ?? null, details } as never,
    overrideAccess: true,
    req,
  })
  recordAuditEventSoon({ payload, req, action: `identification.${action}`, target: { collection: 'copies', id: copy }, before: { student: fromStudent }, after: { student: toStudent }, details: { exam: exam ?? null, decision: (decision as { id: Id }).id, ...details } })
  return decision
}
