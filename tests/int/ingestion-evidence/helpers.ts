import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import type { Truth } from '../../fixtures/scans'
import type { ApiClient } from '../helpers/http'
import type { Id } from '../helpers/seed'

/** Uploads a file as an exam's blank subject (Media of kind `subject`), as the exam form's upload drawer does. */
export const uploadSubject = async ({ client, name, bytes, type = 'application/pdf' }: { client: ApiClient; name: string; bytes: Uint8Array; type?: string }) => {
  const form = new FormData()
  form.append('file', new Blob([Buffer.from(bytes)], { type }), name)
  form.append('_payload', JSON.stringify({ kind: 'subject' }))
  return client.request('POST', '/api/media', form)
}

/** A copy's pages as the truth writes them (scan order, upright). */
export const pagesOf = (copy: { pages?: { sourcePage: number; region?: string | null; rotation?: number | null }[] | null }) =>
  (copy.pages ?? []).map((p) => ({ source_page: p.sourcePage, region: p.region ?? 'full', rotation: p.rotation ?? 0 }))

export const truthPages = (truth: Truth, index: number) => truth.copies[index]!.pages.map((p) => ({ source_page: p.source_page, region: p.region, rotation: p.rotation }))

/** The exam's copies in scan order (by first source page), whatever order they were created in. */
export const copiesInScanOrder = async (payload: Payload, exam: Id) => {
  const { docs } = await payload.find({ collection: 'copies', where: { exam: { equals: exam } }, limit: 0, pagination: false, depth: 0, overrideAccess: true })
  return (docs as any[]).sort((a, b) => a.pages[0].sourcePage - b.pages[0].sourcePage || (a.pages[0].region === 'left' ? -1 : 1))
}

/** Every file under the app's upload folders, by name: what a deletion must have removed. */
export const storedFiles = (dataDir: string): Set<string> => {
  const names = new Set<string>()
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name))
      else names.add(entry.name)
    }
  }
  walk(path.join(dataDir, 'media'))
  return names
}
