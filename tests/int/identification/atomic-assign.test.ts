import type { CollectionBeforeChangeHook } from 'payload'

import { assignStudent } from '../../../plugins/identification/services/assignStudent'
import { useSeededApp } from '../helpers/seededApp'

// Issue 14, point 2: taking a student from another copy is several writes (the holder unnamed, the copy
// named, two decisions, their audit events). A failure between them must leave everything as it was.
const ctx = useSeededApp()

describe('assigning a student is all or nothing', () => {
  it('rolls back the holder’s loss when naming the copy fails, and logs nothing; the retry then does it all', async () => {
    const { payload } = ctx.app.runtime
    const exam = ctx.seed.maths.id
    // a student of the exam's class who holds no other copy (the seed's student holds several)
    const student = (await payload.create({ collection: 'students', data: { lastName: 'Le Goff', firstName: 'Maëlys', birthDate: '2011-02-03', className: '3e B' }, overrideAccess: true })).id
    const make = (data: Record<string, unknown>) =>
      payload.create({ collection: 'copies', overrideAccess: true, data: { exam, status: 'staging', pages: [{ sourcePage: 1, region: 'full', rotation: 0 }], identification: { status: 'needs_review' }, ...data } as never })
    const holder = await make({ student, status: 'ready', identification: { status: 'identified', method: 'auto', confidence: 0.95 } })
    const target = await make({})
    const decisions = async () => (await payload.count({ collection: 'identification-decisions' as never, overrideAccess: true })).totalDocs
    const auditOf = async (action: string) => (await payload.count({ collection: 'audit-events' as never, where: { action: { equals: action } }, overrideAccess: true })).totalDocs
    const before = { decisions: await decisions(), unassign: await auditOf('identification.unassign') }

    // A failure injected between the writes: the holder has already been unnamed when the copy's own write fails.
    const hooks = payload.collections.copies.config.hooks.beforeChange as CollectionBeforeChangeHook[]
    const failOnTarget: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
      if (String(originalDoc?.id) === String(target.id) && data.student !== undefined) throw new Error('injected failure')
      return data
    }
    hooks.push(failOnTarget)
    try {
      await expect(assignStudent({ payload, copyId: target.id, studentId: student, takeFromHolder: true })).rejects.toThrow('injected failure')
    } finally {
      hooks.splice(hooks.indexOf(failOnTarget), 1)
    }
    const read = (id: number | string) => payload.findByID({ collection: 'copies', id, depth: 0, overrideAccess: true })
    expect(await read(holder.id)).toMatchObject({ student, status: 'ready', identification: { status: 'identified' } })
    expect((await read(target.id)).student ?? null).toBeNull()
    await new Promise((r) => setTimeout(r, 500)) // audit events are written just after a commit: give a wrong one time to show
    expect({ decisions: await decisions(), unassign: await auditOf('identification.unassign') }).toEqual(before)

    // Nothing in the way: the same call moves the student and logs both decisions.
    await assignStudent({ payload, copyId: target.id, studentId: student, takeFromHolder: true })
    expect(await read(target.id)).toMatchObject({ student, identification: { status: 'manual' } })
    expect(await read(holder.id)).toMatchObject({ student: null, status: 'staging', identification: { status: 'needs_review' } })
    expect(await decisions()).toBe(before.decisions + 2)
    await new Promise((r) => setTimeout(r, 500))
    expect(await auditOf('identification.unassign')).toBe(before.unassign + 1)
  })
})
