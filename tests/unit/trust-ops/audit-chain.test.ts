import { canonicalJson, toPlainJson } from '../../../plugins/audit/lib/canonical'
import { chainEvent, contentHashOf, createChainVerifier, GENESIS_HASH, type AuditContent } from '../../../plugins/audit/lib/chain'
import { snapshotOf } from '../../../plugins/audit/lib/redact'

const content = (seq: number, extra: Partial<AuditContent> = {}): AuditContent => ({
  seq,
  at: new Date(Date.UTC(2026, 0, 1, 8, 0, seq)).toISOString(),
  action: 'test.event',
  actorType: 'staff',
  actorId: '1',
  actorLabel: 'admin@school.test',
  targetCollection: 'grades',
  targetId: String(seq),
  summary: null,
  before: { points: seq },
  after: { points: seq + 1, nested: { b: 2, a: 1 } },
  details: null,
  ip: '127.0.0.1',
  ...extra,
})

const chain = (n: number) => {
  const events: ReturnType<typeof chainEvent>[] = []
  let prev = GENESIS_HASH
  for (let seq = 1; seq <= n; seq++) {
    const event = chainEvent({ content: content(seq), prevHash: prev })
    events.push(event)
    prev = event.hash
  }
  return events
}

const verify = (events: Record<string, unknown>[], head?: { seq: number; hash: string }) => {
  const v = createChainVerifier()
  for (const e of events) {
    const broken = v.push(e)
    if (broken) return broken
  }
  return v.finish(head ?? null)
}

describe('the audit chain', () => {
  test('canonical JSON does not depend on key order (jsonb reorders keys) and keeps no NUL', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: null }] })).toBe(canonicalJson({ a: [{ c: null, d: 1 }], b: 1 }))
    expect(toPlainJson({ name: 'a\u0000b', when: new Date(0), skip: undefined })).toEqual({ name: 'a\ufffdb', when: '1970-01-01T00:00:00.000Z' })
  })

  test('an intact chain verifies; its head matches', () => {
    const events = chain(5)
    expect(verify(events, { seq: 5, hash: events[4]!.hash })).toBeUndefined()
  })

  test('an edit, a deletion, a reordering, a forged hash and a truncated tail are each named', () => {
    const events = chain(6)
    expect(verify(events.map((e) => (e.seq === 3 ? { ...e, after: { points: 99, nested: { a: 1, b: 2 } } } : e)))).toMatchObject({ seq: 3, reason: expect.stringMatching(/changed after it was written/) })
    expect(verify(events.filter((e) => e.seq !== 4))).toMatchObject({ seq: 5, reason: expect.stringMatching(/#4 is missing/) })
    expect(verify([events[0]!, events[2]!, events[1]!])).toMatchObject({ seq: 3 })
    // Content and its hash rewritten together: the link to the previous event still gives it away.
    const forged = content(2, { action: 'forged' })
    const rewritten = { ...forged, prevHash: events[0]!.hash, contentHash: contentHashOf(forged), hash: 'f'.repeat(64) }
    expect(verify([events[0]!, rewritten, ...events.slice(2)])).toMatchObject({ seq: 2, reason: expect.stringMatching(/forged link hash/) })
    expect(verify(events.slice(0, 4), { seq: 6, hash: events[5]!.hash })).toMatchObject({ seq: 5, reason: expect.stringMatching(/#5–#6 are missing.*head says #6/) })
  })

  test('snapshots keep ids and drop identities and secrets', () => {
    expect(snapshotOf('students', { id: 7, lastName: 'Durand', firstName: 'Zoé', email: 'z@x.test', birthDate: '2011-01-01', className: '3e B' })).toEqual({
      id: 7,
      lastName: '[redacted]',
      firstName: '[redacted]',
      email: '[redacted]',
      birthDate: '[redacted]',
      className: '3e B',
    })
    expect(snapshotOf('users', { id: 1, email: 'a@b.test', role: 'admin', hash: 'secret', salt: 'salt' })).toEqual({ id: 1, email: 'a@b.test', role: 'admin', hash: '[redacted]', salt: '[redacted]' })
    expect(snapshotOf('copies', { id: 3, big: 'x'.repeat(100_000) })).toMatchObject({ truncated: true, id: 3, keys: ['big', 'id'] })
  })
})
