import { messageOf } from '../api/errors'
import type { StudentCopy, StudentId, StudentProfile } from './types'

/** A refusal from the student space; `retryAfterSeconds` is set while the address is locked (429). */
export class StudentApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message)
    this.name = 'StudentApiError'
  }
}

const BASE = '/api/student-space'

/**
 * The student's session is an HttpOnly cookie the browser sends by itself: no token is kept in script
 * reach, and no staff Authorization header is ever added here (the two sessions never mix).
 */
const call = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
  let response: Response
  try {
    response = await fetch(`${BASE}${path}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch (err) {
    throw new StudentApiError(0, (err as Error).message || 'Network error')
  }
  const text = await response.text()
  let parsed: unknown
  try {
    parsed = text ? JSON.parse(text) : undefined
  } catch {
    parsed = text
  }
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('retry-after'))
    throw new StudentApiError(response.status, messageOf(parsed, `${response.status} ${response.statusText}`), Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined)
  }
  return parsed as T
}

export const pdfUrl = (copyId: StudentId, { download = false }: { download?: boolean } = {}): string =>
  `${BASE}/copies/${encodeURIComponent(String(copyId))}/pdf${download ? '?download=1' : ''}`

export const studentApi = {
  me: () => call<{ student: StudentProfile }>('GET', '/me'),
  signIn: (credentials: { email: string; birthDate: string }) => call<{ student: StudentProfile; expiresAt: string }>('POST', '/sign-in', credentials),
  signOut: () => call<void>('POST', '/sign-out'),
  copies: () => call<{ copies: StudentCopy[] }>('GET', '/copies'),
  pdf: async (copyId: StudentId): Promise<ArrayBuffer> => {
    const response = await fetch(pdfUrl(copyId), { credentials: 'same-origin' }).catch((err: Error) => {
      throw new StudentApiError(0, err.message || 'Network error')
    })
    if (!response.ok) throw new StudentApiError(response.status, `${response.status} ${response.statusText}`)
    return response.arrayBuffer()
  },
}
