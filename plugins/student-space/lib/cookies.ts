/** Reads one cookie from a Cookie header; undefined when absent. */
export const readCookie = ({ header, name }: { header: string | null | undefined; name: string }): string | undefined => {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const index = part.indexOf('=')
    if (index < 0) continue
    if (part.slice(0, index).trim() !== name) continue
    const value = part.slice(index + 1).trim()
    try {
      return decodeURIComponent(value)
    } catch {
      return value
    }
  }
  return undefined
}

/**
 * The student session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site can make the
 * browser send it, which is what protects the POST endpoints from cross-site requests), Path=/ (the portal
 * and the API share it). Secure whenever the request came over HTTPS.
 */
export const sessionCookie = ({ name, value, maxAgeSeconds, secure }: { name: string; value: string; maxAgeSeconds: number; secure: boolean }): string =>
  [`${name}=${encodeURIComponent(value)}`, 'HttpOnly', 'SameSite=Strict', 'Path=/', `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`, ...(secure ? ['Secure'] : [])].join('; ')

export const clearedCookie = ({ name, secure }: { name: string; secure: boolean }): string =>
  sessionCookie({ name, value: '', maxAgeSeconds: 0, secure })
