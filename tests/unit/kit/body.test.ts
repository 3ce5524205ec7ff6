import type { PayloadRequest } from 'payload'

import { body, readBody, readObject } from '../../../plugins/kit/body'

/** What Payload hands an endpoint: the body behind `req.json()` (absent on a request without one). */
const requestWith = (payload: unknown, { noBody = false } = {}) => ({ json: noBody ? undefined : async () => payload }) as unknown as PayloadRequest

const refusal = async (work: Promise<unknown>) => {
  const error = (await work.then(() => undefined, (e: unknown) => e)) as { status?: number; message?: string; details?: { field?: string } } | undefined
  return { status: error?.status, message: error?.message, field: error?.details?.field }
}

describe("an endpoint's body, read against its schema (issue 14, point 6)", () => {
  const move = { page: body.int, toCopy: body.id, position: body.optional(body.int) }

  it('gives typed values, ids parsed as route ids are, optional fields left out', async () => {
    expect(await readBody(requestWith({ page: 2, toCopy: '17' }), move)).toEqual({ page: 2, toCopy: 17, position: undefined })
    expect(await readBody(requestWith({ page: 0, toCopy: 'a1b2c3', position: 1 }), move)).toEqual({ page: 0, toCopy: 'a1b2c3', position: 1 })
    expect(await readBody(requestWith({ order: [2, 0, 1] }), { order: body.intList })).toEqual({ order: [2, 0, 1] })
  })

  it('answers 400 naming the field and what it must be', async () => {
    expect(await refusal(readBody(requestWith({ page: 1.5, toCopy: 3 }), move))).toEqual({ status: 400, message: '"page" must be an integer', field: 'page' })
    expect(await refusal(readBody(requestWith({ page: 1, toCopy: '' }), move))).toEqual({ status: 400, message: '"toCopy" must be an id', field: 'toCopy' })
    expect(await refusal(readBody(requestWith({ page: 1 }), move))).toMatchObject({ status: 400, field: 'toCopy' })
    expect(await refusal(readBody(requestWith({ order: [1, 'x'] }), { order: body.intList }))).toMatchObject({ status: 400, field: 'order' })
    expect(await refusal(readBody(requestWith({ reread: 'yes' }), { reread: body.optional(body.boolean) }))).toEqual({ status: 400, message: '"reread" must be true or false', field: 'reread' })
  })

  it('tells "null on purpose" from "not given"', async () => {
    const assign = { studentId: body.required(body.nullable(body.id)) }
    expect(await readBody(requestWith({ studentId: null }), assign)).toEqual({ studentId: null })
    expect(await readBody(requestWith({ studentId: 12 }), assign)).toEqual({ studentId: 12 })
    expect(await refusal(readBody(requestWith({}), assign))).toEqual({ status: 400, message: '"studentId" must be given', field: 'studentId' })
  })

  it('refuses a body that is not a JSON object, and reads no body as an empty one', async () => {
    for (const payload of [[1, 2], 'text', 42, null]) expect(await refusal(readObject(requestWith(payload)))).toMatchObject({ status: 400, message: 'A JSON object is expected as the body' })
    expect(await readObject(requestWith(undefined, { noBody: true }))).toEqual({})
    expect(await readBody(requestWith(undefined, { noBody: true }), { reread: body.optional(body.boolean) })).toEqual({ reread: undefined })
  })
})
