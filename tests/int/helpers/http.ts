/** A signed-in HTTP client for the REST API, as a browser would use it (JWT in the Authorization header). */
export type ApiClient = {
  token?: string
  request: (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>
}

/**
 * A GET whose kept-alive connection the server closed as it was sent (ECONNRESET after a busy moment) is sent
 * again once, as a browser does; anything else, and every write, fails as it came.
 */
const send = async (url: string, init: RequestInit): Promise<Response> => {
  try {
    return await fetch(url, init)
  } catch (err) {
    const code = ((err as Error & { cause?: { code?: string } }).cause ?? {}).code
    if (init.method !== 'GET' || code !== 'ECONNRESET') throw err
    return fetch(url, init)
  }
}

export const apiClient = ({ baseUrl, token }: { baseUrl: string; token?: string }): ApiClient => ({
  token,
  request: async (method, path, body) => {
    const headers: Record<string, string> = {}
    if (token) headers.authorization = `JWT ${token}`
    let payload: BodyInit | undefined
    if (body instanceof FormData) payload = body
    else if (body !== undefined) {
      headers['content-type'] = 'application/json'
      payload = JSON.stringify(body)
    }
    const response = await send(`${baseUrl}${path}`, { method, headers, body: payload })
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed }
  },
})

export const signIn = async ({ baseUrl, email, password }: { baseUrl: string; email: string; password: string }): Promise<ApiClient> => {
  const response = await apiClient({ baseUrl }).request('POST', '/api/users/login', { email, password })
  if (response.status !== 200) throw new Error(`login of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`)
  return apiClient({ baseUrl, token: response.body.token })
}
