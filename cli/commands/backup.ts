import { userInfo } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

const USAGE = `usage: korrigo backup --out FILE

  Writes the whole database (every document, through Payload) and every uploaded file into one
  .tar.gz with a manifest of checksums. Safe while the app runs: the documents are read in one
  snapshot. Restore it with "korrigo restore FILE".`

/** `korrigo backup --out FILE`: database and files as one consistent archive. */
export const run = async (argv: string[]): Promise<number> => {
  let values: { out?: string; help?: boolean }
  try {
    ;({ values } = parseArgs({ args: argv, options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h', default: false } } }))
  } catch (error) {
    process.stderr.write(`korrigo backup: ${(error as Error).message}\n${USAGE}\n`)
    return 2
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  if (!values.out) {
    process.stderr.write(`korrigo backup: --out FILE is required\n${USAGE}\n`)
    return 2
  }
  const out = path.resolve(values.out)
  const { bootRuntime } = await import('../../runtime/boot')
  const { createBackup } = await import('../../runtime/backup/create')
  const { recordAuditEvent } = await import('../../plugins/audit/index')
  const runtime = await bootRuntime({ name: 'korrigo-backup', processJobs: false })
  try {
    const manifest = await createBackup({ payload: runtime.payload, out, onProgress: ({ step, done, total }) => process.stderr.write(`\r${step}: ${done} / ${total}   `) })
    process.stderr.write('\n')
    const documents = Object.values(manifest.collections).reduce((n, c) => n + c.count, 0)
    const files = manifest.entries.filter((e) => e.path.startsWith('files/')).length
    process.stdout.write(`${out}: ${documents} documents in ${Object.keys(manifest.collections).length} collections, ${files} files${manifest.consistent ? '' : ' (WARNING: no database snapshot available, the documents may be from slightly different instants)'}\n`)
    for (const warning of manifest.warnings) process.stdout.write(`  warning: ${warning}\n`)
    // A copy of everything left the database: that is an export too.
    await recordAuditEvent({ payload: runtime.payload, actor: { type: 'cli', label: userInfo().username }, action: 'backup.create', details: { file: out, documents, files, consistent: manifest.consistent } })
    return 0
  } catch (error) {
    process.stderr.write(`\nkorrigo backup: ${(error as Error).message}\n`)
    return 1
  } finally {
    await runtime.stop()
  }
}
