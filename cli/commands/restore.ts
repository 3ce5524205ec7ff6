import { userInfo } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

const USAGE = `usage: korrigo restore FILE [--force]

  Restores a "korrigo backup" archive into this install's database (DATABASE_URL, or the embedded one)
  and file storage (KORRIGO_DATA_DIR). Every checksum is checked first; the database must be empty
  (a fresh install) and have the same schema (Korrigo version) as the backup.
  --force   replace what the database and storage already hold`

/** `korrigo restore FILE`: the other half of `korrigo backup`. */
export const run = async (argv: string[]): Promise<number> => {
  let values: { force?: boolean; help?: boolean }
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } }))
  } catch (error) {
    process.stderr.write(`korrigo restore: ${(error as Error).message}\n${USAGE}\n`)
    return 2
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  if (positionals.length !== 1) {
    process.stderr.write(`${USAGE}\n`)
    return 2
  }
  const file = path.resolve(positionals[0]!)
  const { bootRuntime } = await import('../../runtime/boot')
  const { restoreBackup } = await import('../../runtime/backup/restore')
  const { recordAuditEvent } = await import('../../plugins/audit/index')
  const runtime = await bootRuntime({ name: 'korrigo-restore', processJobs: false })
  try {
    const manifest = await restoreBackup({ payload: runtime.payload, file, force: values.force, onProgress: ({ step, done, total }) => process.stderr.write(`\r${step}: ${done} / ${total}   `) })
    process.stderr.write('\n')
    const documents = Object.values(manifest.collections).reduce((n, c) => n + c.count, 0)
    await recordAuditEvent({ payload: runtime.payload, actor: { type: 'cli', label: userInfo().username }, action: 'backup.restore', details: { file, documents, backupCreatedAt: manifest.createdAt, force: Boolean(values.force) } })
    process.stdout.write(`${file}: restored ${documents} documents and ${manifest.entries.filter((e) => e.path.startsWith('files/')).length} files (backup of ${manifest.createdAt})\n`)
    return 0
  } catch (error) {
    process.stderr.write(`\nkorrigo restore: ${(error as Error).message}\n`)
    return (error as { status?: number }).status === 422 ? 2 : 1
  } finally {
    await runtime.stop()
  }
}
