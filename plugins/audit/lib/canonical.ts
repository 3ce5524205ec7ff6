/**
 * One spelling of a JSON value, whatever stored it: keys sorted, no undefined, no NUL characters (a
 * PostgreSQL text or jsonb value cannot hold one). What is hashed is what can be read back and hashed
 * again, on PostgreSQL (jsonb reorders keys) as on MongoDB.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

const NUL = /\u0000/g

/** A plain JSON copy of anything (Dates become ISO strings, undefined disappears, NULs become U+FFFD). */
export const toPlainJson = (value: unknown): Json => {
  if (value === undefined) return null
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? v.replace(NUL, '\ufffd') : typeof v === 'bigint' ? String(v) : v))
  return text === undefined ? null : (JSON.parse(text) as Json)
}

export const canonicalJson = (value: Json): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const keys = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k]!)}`).join(',')}}`
}
