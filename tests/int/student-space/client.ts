import http from 'node:http'

/** One answer, with the raw bytes (PDFs) and the parsed JSON when there is some. */
export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: any; bytes: Buffer }

/**
 * HTTP from a chosen loopback address (127.0.0.x): each scenario is a different client machine for the
 * per-IP limit, as it would be behind the school's network, without trusting X-Forwarded-For.
 */
export const send = ({
  baseUrl,
  method,
  path,
  body,
  from = '127.0.0.1',
  headers = {},
}: {
  baseUrl: string
  method: string
  path: string
  body?: unknown
  from?: string
  headers?: Record<string, string>
}): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const url = new URL(path, baseUrl)
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body))
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method,
        localAddress: from,
        headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}), ...headers },
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          const bytes = Buffer.concat(chunks)
          let parsed: unknown = undefined
          if (String(response.headers['content-type'] ?? '').includes('json')) parsed = JSON.parse(bytes.toString('utf8'))
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: parsed, bytes })
        })
        response.on('error', reject)
      },
    )
    request.on('error', reject)
    request.end(payload)
  })

export const cookieFrom = (answer: Answer, name: string): string | undefined => {
  const line = (answer.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${name}=`))
  return line?.split(';')[0].slice(name.length + 1)
}

/** A student's browser: keeps the session cookie the server sets, sends it back on every request. */
export const studentBrowser = ({ baseUrl, from }: { baseUrl: string; from?: string }) => {
  let cookie: string | undefined
  const request = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    send({ baseUrl, method, path, body, from, headers: { ...(cookie !== undefined ? { cookie: `korrigo-student=${cookie}` } : {}), ...headers } }).then((answer) => {
      const next = cookieFrom(answer, 'korrigo-student')
      if (next !== undefined) cookie = next || undefined
      return answer
    })
  return {
    request,
    signIn: (email: string, birthDate: string) => request('POST', '/api/student-space/sign-in', { email, birthDate }),
    get: (path: string, headers?: Record<string, string>) => request('GET', path, undefined, headers),
    cookie: () => cookie,
  }
}
