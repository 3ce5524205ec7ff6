import { toPlainJson, type Json } from './canonical'

/**
 * The audit trail is never purged (that is its point), so it must not keep what data retention erases:
 * identities are replaced by a mark, secrets dropped, bulky derived data left out. Ids stay, so an
 * auditor can still follow who did what to which record.
 */
const REDACTED: Record<string, string[]> = {
  students: ['lastName', 'firstName', 'fullName', 'birthDate', 'email', 'nationalId', 'signIn'],
  users: ['hash', 'salt', 'sessions', 'resetPasswordToken', 'resetPasswordExpiration', 'loginAttempts', 'lockUntil', 'apiKey', 'apiKeyIndex', '_verificationToken'],
  copies: ['identification'],
}
const MAX_SNAPSHOT = 64 * 1024

export const snapshotOf = (collection: string, doc: unknown): Json => {
  if (!doc || typeof doc !== 'object') return null
  const copy: Record<string, unknown> = { ...(doc as Record<string, unknown>) }
  for (const field of REDACTED[collection] ?? []) if (field in copy) copy[field] = copy[field] == null ? null : '[redacted]'
  const plain = toPlainJson(copy)
  const size = JSON.stringify(plain).length
  if (size <= MAX_SNAPSHOT) return plain
  // Kept small enough to read: the fields that were there, not their bulk.
  return { truncated: true, size, id: (copy.id as Json) ?? null, keys: Object.keys(copy).sort() }
}
