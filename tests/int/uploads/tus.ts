import type { ApiClient } from '../helpers/http'

export const TUS = '/api/uploads/scan-batches'

const b64 = (value: string) => Buffer.from(value).toString('base64')

/** One raw tus request (the protocol, as any client speaks it). */
export const tusRequest = async ({ baseUrl, client, method, path = TUS, headers = {}, body }: { baseUrl: string; client: ApiClient; method: string; path?: string; headers?: Record<string, string>; body?: Uint8Array }) => {
  const send = () =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'Tus-Resumable': '1.0.0', authorization: `JWT ${client.token}`, ...headers },
      body: body ? Buffer.from(body) : undefined,
    })
  // A keep-alive socket the server closed while idle resets the next request once (an HTTP client race under
  // load, as in upload-limit's form uploads): sent again once on a fresh connection.
  const response = await send().catch((error: Error & { cause?: { code?: string } }) => {
    if (error.cause?.code !== 'ECONNRESET') throw error
    return send()
  })
  return { status: response.status, headers: response.headers, text: await response.text() }
}

/** Announces an upload of `length` bytes for an exam's scans. */
export const createUpload = ({ baseUrl, client, exam, name, length }: { baseUrl: string; client: ApiClient; exam: number | string; name: string; length: number }) =>
  tusRequest({ baseUrl, client, method: 'POST', headers: { 'Upload-Length': String(length), 'Upload-Metadata': `filename ${b64(name)},filetype ${b64('application/pdf')},exam ${b64(String(exam))}` } })
