import type { Endpoint } from 'payload'

import { isTeacher } from '../../../collections/access/roles'
import { BadRequestError, NotFoundError } from '../../../runtime/errors'
import { forgetShare } from '../access/share'
import { settingsConflicts, settingsProblem, type DistributionSettings } from '../lib/settings'
import { applyDistribution } from '../services/applyDistribution'
import { decideMarking } from '../services/decide'
import { loadExam } from '../services/load'
import { myShare } from '../services/mine'
import { distributionProgress } from '../services/progress'
import { body, readBody, readObject } from '../../kit/body'
import { requireAdmin, requireUser, routeId, withErrors } from './request'

const json = (body: unknown) => Response.json(body, { headers: { 'cache-control': 'no-store' } })

/** GET /api/distribution/exams/:id — settings and progress per corrector and per question (admins). */
const progressEndpoint: Endpoint = {
  path: '/distribution/exams/:id',
  method: 'get',
  handler: withErrors(async (req) => {
    requireAdmin(req)
    return json(await distributionProgress({ payload: req.payload, examId: routeId(req), req }))
  }),
}

/**
 * PUT /api/distribution/exams/:id — saves the settings and (re)distributes at once; a setting the exam cannot
 * honour (a question without corrector, double-blind with one corrector) is a 400 that says which (admins).
 */
const saveEndpoint: Endpoint = {
  path: '/distribution/exams/:id',
  method: 'put',
  handler: withErrors(async (req) => {
    requireAdmin(req)
    const examId = routeId(req)
    const settings = { correctors: [], ...(await readObject(req)) } as unknown as DistributionSettings
    const problem = settingsProblem(settings)
    if (problem) throw new BadRequestError(problem)
    const { correctors, questionKeys } = await loadExam({ payload: req.payload, examId, req })
    const conflicts = settingsConflicts({ settings, examCorrectors: correctors, questionKeys })
    if (conflicts.length) throw new BadRequestError(`The distribution cannot be applied: ${conflicts.join('; ')}`, { problems: conflicts })
    await req.payload.update({ collection: 'exams', id: examId, depth: 0, overrideAccess: true, req, data: { distribution: settings } as never })
    const result = await applyDistribution({ payload: req.payload, examId, req })
    return json({ result, progress: await distributionProgress({ payload: req.payload, examId, req }) })
  }),
}

/** POST /api/distribution/exams/:id/apply — distributes again with the saved settings (new copies, a dropout). */
const applyEndpoint: Endpoint = {
  path: '/distribution/exams/:id/apply',
  method: 'post',
  handler: withErrors(async (req) => {
    requireAdmin(req)
    return json({ result: await applyDistribution({ payload: req.payload, examId: routeId(req), req }) })
  }),
}

/** POST /api/distribution/copies/:id/decide { marking } — the admin's decision on a double-marked copy. */
const decideEndpoint: Endpoint = {
  path: '/distribution/copies/:id/decide',
  method: 'post',
  handler: withErrors(async (req) => {
    requireAdmin(req)
    const { marking } = await readBody(req, { marking: body.int })
    return json(await decideMarking({ payload: req.payload, copyId: routeId(req), marking, req }))
  }),
}

/** GET /api/distribution/exams/:id/mine — the signed-in teacher's share of the exam (404 when they mark none of it). */
const mineEndpoint: Endpoint = {
  path: '/distribution/exams/:id/mine',
  method: 'get',
  handler: withErrors(async (req) => {
    requireUser(req)
    if (!isTeacher(req.user)) throw new NotFoundError('Shares are for teachers')
    forgetShare(req)
    const share = await myShare({ req, examId: routeId(req) })
    if (!share) throw new NotFoundError(`Exam ${routeId(req)} does not exist`)
    return json(share)
  }),
}

export const distributionEndpoints = [progressEndpoint, saveEndpoint, applyEndpoint, decideEndpoint, mineEndpoint]
