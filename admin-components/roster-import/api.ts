// The import screen's one call (same origin, the admin's session cookie). The answer's shape is the
// service's own (type-only: nothing of the server is bundled into the admin).
import type { RosterImportError, RosterImportResult, RosterPreviewRow } from '../../plugins/identification/services/importRoster'

export type { RosterImportError, RosterImportResult, RosterPreviewRow }

/** A file the server could not use at all: its `code` says why, in words the screen translates. */
export class RosterFileError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly data: { code?: string; foundColumns?: string[] } = {},
  ) {
    super(message)
  }
}

export const sendRoster = async ({ file, className, preview }: { file: File; className?: string; preview: boolean }): Promise<RosterImportResult> => {
  const form = new FormData()
  form.append('file', file, file.name)
  form.append('_payload', JSON.stringify({ preview, ...(className ? { className } : {}) }))
  const response = await fetch('/api/identification/roster', { method: 'POST', credentials: 'include', body: form })
  const body = await response.json().catch(() => ({}))
  if (!response.ok) throw new RosterFileError(body?.errors?.[0]?.message ?? `HTTP ${response.status}`, response.status, body?.errors?.[0]?.data)
  return body as RosterImportResult
}
