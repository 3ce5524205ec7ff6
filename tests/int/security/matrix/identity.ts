import type { Role } from './roles'

/** Keys of a copy only admins may read: who wrote it, how it was identified, where the name is on the scan. */
const COPY_IDENTITY_KEYS = ['student', 'identification', 'identityZones', 'annotatedPdf']

/**
 * What a response must never show to anyone but an admin: the student's name, e-mail or birth date, a
 * student record, or a copy's identity fields (at any depth of population).
 */
export const identityLeaks = ({ role, body, text, student }: { role: Role; body: unknown; text: string; student: { lastName: string; email: string; birthDate: string } }): string[] => {
  if (role === 'admin') return []
  const leaks: string[] = []
  for (const needle of [student.lastName, student.email, student.birthDate])
    if (text.toLowerCase().includes(needle.toLowerCase())) leaks.push(`shows "${needle}"`)
  const walk = (value: unknown, path: string) => {
    if (!value || typeof value !== 'object') return
    if (Array.isArray(value)) return value.forEach((item, i) => walk(item, `${path}[${i}]`))
    const record = value as Record<string, unknown>
    if ('anonymousId' in record)
      for (const key of COPY_IDENTITY_KEYS) if (key in record && record[key] != null) leaks.push(`${path}.${key} of a copy`)
    if ('birthDate' in record || ('lastName' in record && 'firstName' in record)) leaks.push(`${path} is a student record`)
    for (const [key, child] of Object.entries(record)) walk(child, `${path}.${key}`)
  }
  walk(body, '$')
  return leaks
}
