import { storedLanguage } from '../i18n/language'
import { ApiError, messageOf } from './errors'
import { session } from './session'

export const SIGNED_OUT_EVENT = 'korrigo:signed-out'

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'

const headers = (json: boolean): Record<string, string> => {
  // The server's messages (a refused mark, a conflict) in the language the portal shows, not the browser's.
  const out: Record<string, string> = { 'accept-language': storedLanguage() }
  const token = session.token()
  if (token) out.authorization = `JWT ${token}`
  if (json) out['content-type'] = 'application/json'
  return out
}

type Options = { keepalive?: boolean }

const send = async (method: Method, path: string, body?: unknown, options: Options = {}): Promise<Response> => {
  try {
    return await fetch(path, { method, headers: headers(body !== undefined), body: body === undefined ? undefined : JSON.stringify(body), keepalive: options.keepalive })
  } catch (err) {
    throw new ApiError(0, (err as Error).message || 'Network error')
  }
}

/** JSON over the Payload REST API with the teacher's token; any non-2xx becomes an ApiError with the server's message. */
export const request = async <T>(method: Method, path: string, body?: unknown, options?: Options): Promise<T> => {
  const response = await send(method, path, body, options)
  const text = await response.text()
  let parsed: unknown = undefined
  try {
    parsed = text ? JSON.parse(text) : undefined
  } catch {
    parsed = text
  }
  if (response.status === 401 && session.token()) {
    // The token expired or was revoked: back to the sign-in screen (the useSession hook listens).
    session.clear()
    window.dispatchEvent(new Event(SIGNED_OUT_EVENT))
  }
  if (!response.ok) throw new ApiError(response.status, messageOf(parsed, `${response.status} ${response.statusText}`), parsed)
  return parsed as T
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown) => request<T>('POST', path, body),
  /** `keepalive`: the request outlives the page (a finalization sent as the tab closes). */
  patch: <T>(path: string, body: unknown, options?: Options) => request<T>('PATCH', path, body, options),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** A file (the copy's PDF) behind the same auth header. */
  bytes: async (path: string): Promise<ArrayBuffer> => {
    const response = await send('GET', path)
    if (response.status === 401 && session.token()) {
    // The token expired or was revoked: back to the sign-in screen (the useSession hook listens).
    session.clear()
    window.dispatchEvent(new Event(SIGNED_OUT_EVENT))
  }
  if (!response.ok) throw new ApiError(response.status, `${response.status} ${response.statusText}`)
    return response.arrayBuffer()
  },
}

export const query = (params: Record<string, string | number | boolean | undefined>): string =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&')
