import { UnknownFormatError } from './errors'
import { csvCommaExporter, csvExporter } from './formats/csv'
import { pronoteExporter } from './formats/pronote'
import { xlsxExporter } from './formats/xlsx'
import type { Exporter } from './types'

/**
 * Export formats by id. A school plugin calls `registerExporter` (when its plugin function runs, so in
 * the app, the worker and the CLI alike); the same id replaces a built-in. On globalThis so that Next's
 * bundled copy of the config and the server share one registry.
 */
const slot = globalThis as { __korrigoExporters?: Map<string, Exporter> }
const registered = (): Map<string, Exporter> => (slot.__korrigoExporters ??= new Map())

export const BUILT_IN_EXPORTERS: Exporter[] = [csvExporter, csvCommaExporter, xlsxExporter, pronoteExporter]

export const registerExporter = (exporter: Exporter): void => {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(exporter.id)) throw new Error(`An exporter id is lower-case letters, digits and dashes, got "${exporter.id}"`)
  registered().set(exporter.id, exporter)
}

export const exporters = (): Exporter[] => {
  const all = new Map(BUILT_IN_EXPORTERS.map((e) => [e.id, e]))
  for (const [id, exporter] of registered()) all.set(id, exporter)
  return [...all.values()]
}

export const exporterFor = (id: string): Exporter => {
  const all = exporters()
  const found = all.find((e) => e.id === id)
  if (!found) throw new UnknownFormatError(id, all.map((e) => e.id))
  return found
}
