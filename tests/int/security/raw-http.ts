import http from 'node:http'

export type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; text: string; body: any }

/**
 * One HTTP request with the request target sent exactly as given (no URL normalisation on the client side,
 * unlike fetch), from a chosen loopback address so each scenario is its own client for per-IP limits.
 */
export const rawRequest = ({
  baseUrl,
  method,
  target,
  body,
  headers = {},
  from = '127.0.0.1',
}: {
  baseUrl: string
  method: string
  target: string
  body?: string | Buffer
  headers?: Record<string, string>
  from?: string
}): Promise<RawAnswer> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(baseUrl)
    const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body)
    const request = http.request(
      { host: hostname, port, method, path: target, localAddress: from, headers: { ...(payload ? { 'content-length': String(payload.length) } : {}), ...headers } },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let parsed: unknown
          try {
            parsed = JSON.parse(text)
          } catch {
            parsed = undefined
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, body: parsed })
        })
        response.on('error', reject)
      },
    )
    request.on('error', reject)
    request.end(payload)
  })

export const json = (value: unknown) => ({ body: JSON.stringify(value), headers: { 'content-type': 'application/json' } })
