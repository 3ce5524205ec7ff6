import { normalizeBirthDate } from '../../../plugins/student-space/lib/birth-date'
import { readCookie, sessionCookie } from '../../../plugins/student-space/lib/cookies'
import { normalizeEmail } from '../../../plugins/student-space/lib/email'
import { contentDisposition, copyFileName } from '../../../plugins/student-space/lib/filename'
import { createKeyedLock } from '../../../plugins/student-space/lib/keyed-lock'
import { afterFailure, lockRemainingMs } from '../../../plugins/student-space/lib/lockout'
import { resolveSettings } from '../../../plugins/student-space/lib/settings'
import { signStudentToken, verifyStudentToken } from '../../../plugins/student-space/lib/token'

const policy = { maxAttempts: 3, lockMs: 60_000 }
const t0 = new Date('2026-05-01T10:00:00Z')
const at = (ms: number) => new Date(t0.getTime() + ms)

describe('student-space lib', () => {
  it('reads birth dates typed the ISO or the French way, and refuses days that do not exist', () => {
    expect(normalizeBirthDate('2011-03-14')).toBe('2011-03-14')
    expect(normalizeBirthDate(' 14/03/2011 ')).toBe('2011-03-14')
    expect(normalizeBirthDate('4/3/2011')).toBe('2011-03-04')
    expect(normalizeBirthDate('14.03.2011')).toBe('2011-03-14')
    expect(normalizeBirthDate('29/02/2012')).toBe('2012-02-29')
    for (const bad of ['29/02/2011', '31/04/2011', '2011-13-01', '14/03/11', '', 'demain', 20110314, undefined]) expect(normalizeBirthDate(bad)).toBeUndefined()
  })

  it('compares addresses trimmed and in lower case, and refuses wildcards', () => {
    expect(normalizeEmail('  Aissatou@Eleve.TEST ')).toBe('aissatou@eleve.test')
    for (const bad of ['%@%', 'a b@c.d', 'no-at-sign', '', 42, `${'a'.repeat(250)}@b.cd`]) expect(normalizeEmail(bad)).toBeUndefined()
  })

  it('locks on the last allowed failure, keeps the count while locked, and starts afresh after the lock', () => {
    let counters = { failedAttempts: 0, lockedUntil: null as Date | null }
    counters = afterFailure({ counters, now: t0, policy })
    counters = afterFailure({ counters, now: at(1000), policy })
    expect(counters).toEqual({ failedAttempts: 2, lockedUntil: null })
    counters = afterFailure({ counters, now: at(2000), policy })
    expect(counters).toEqual({ failedAttempts: 3, lockedUntil: at(62_000) })
    expect(lockRemainingMs({ counters, now: at(32_000) })).toBe(30_000)
    expect(lockRemainingMs({ counters, now: at(62_000) })).toBe(0)
    expect(afterFailure({ counters, now: at(70_000), policy })).toEqual({ failedAttempts: 1, lockedUntil: null })
  })

  it('runs tasks for one key one after the other, even when one fails', async () => {
    const lock = createKeyedLock()
    const order: string[] = []
    const task = (name: string, ms: number, fail = false) =>
      lock('k', async () => {
        order.push(`${name}:start`)
        await new Promise((r) => setTimeout(r, ms))
        order.push(`${name}:end`)
        if (fail) throw new Error(name)
      })
    await Promise.allSettled([task('a', 30, true), task('b', 5), lock('other', async () => void order.push('other'))])
    expect(order).toEqual(['a:start', 'other', 'a:end', 'b:start', 'b:end'])
  })

  it('signs student tokens that only the same secret, the student audience and an unexpired date accept', async () => {
    const { token, expiresAt } = await signStudentToken({ secret: 's3cret', studentId: 42, ttlSeconds: 600, now: t0 })
    expect(expiresAt).toEqual(at(600_000))
    expect(await verifyStudentToken({ secret: 's3cret', token, now: at(1000) })).toEqual({ studentId: 42 })
    expect(await verifyStudentToken({ secret: 'other', token, now: at(1000) })).toBeUndefined()
    expect(await verifyStudentToken({ secret: 's3cret', token, now: at(601_000) })).toBeUndefined()
    expect(await verifyStudentToken({ secret: 's3cret', token: 'not.a.token' })).toBeUndefined()
    const mongo = await signStudentToken({ secret: 's3cret', studentId: '65f0c0ffee', ttlSeconds: 600, now: t0 })
    expect(await verifyStudentToken({ secret: 's3cret', token: mongo.token, now: at(1) })).toEqual({ studentId: '65f0c0ffee' })
  })

  it('writes and reads the session cookie, and names files in plain ASCII', () => {
    const cookie = sessionCookie({ name: 'korrigo-student', value: 'a.b.c', maxAgeSeconds: 3600, secure: true })
    expect(cookie).toBe('korrigo-student=a.b.c; HttpOnly; SameSite=Strict; Path=/; Max-Age=3600; Secure')
    expect(readCookie({ header: 'payload-token=x; korrigo-student=a.b.c; other=1', name: 'korrigo-student' })).toBe('a.b.c')
    expect(readCookie({ header: 'xkorrigo-student=nope', name: 'korrigo-student' })).toBeUndefined()
    expect(copyFileName({ examTitle: 'Maths — contrôle n°1', lastName: "N'Diaye", firstName: 'Aïssatou' })).toBe('Maths-controle-n-1_N-Diaye_Aissatou.pdf')
    expect(contentDisposition({ fileName: 'a"b.pdf', download: true })).toBe('attachment; filename="ab.pdf"')
  })

  it('takes settings from options, then the environment, then the defaults', () => {
    expect(resolveSettings({ env: {} })).toEqual({ maxAttempts: 5, lockMs: 15 * 60_000, sessionSeconds: 3600 })
    expect(resolveSettings({ env: { KORRIGO_STUDENT_MAX_ATTEMPTS: '3', KORRIGO_STUDENT_LOCK_MINUTES: '1', KORRIGO_STUDENT_SESSION_MINUTES: 'soon' } })).toEqual({
      maxAttempts: 3,
      lockMs: 60_000,
      sessionSeconds: 3600,
    })
    expect(resolveSettings({ input: { maxAttempts: 10 }, env: { KORRIGO_STUDENT_MAX_ATTEMPTS: '3' } }).maxAttempts).toBe(10)
  })
})
