import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

const USAGE = 'usage: korrigo import-roster ROSTER.csv [--class NAME]'

/** Imports a class list into the app's database (DATABASE_URL or the embedded one), as the admin endpoint does. */
export const run = async (argv: string[]): Promise<number> => {
  let values: { class?: string }
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { class: { type: 'string' } } }) as { values: { class?: string }; positionals: string[] })
  } catch (err) {
    process.stderr.write(`korrigo import-roster: ${(err as Error).message}\n${USAGE}\n`)
    return 2
  }
  const [file] = positionals
  if (!file) {
    process.stderr.write(`${USAGE}\n`)
    return 2
  }
  const data = new Uint8Array(readFileSync(file))
  const { bootRuntime } = await import('../../runtime/boot')
  const { importRoster } = await import('../../plugins/identification/services/importRoster')
  const runtime = await bootRuntime({ name: 'korrigo-import-roster', processJobs: false })
  try {
    const result = await importRoster({ payload: runtime.payload, data, className: values.class })
    process.stdout.write(`${file}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged, ${result.errors.length} rejected\n`)
    for (const e of result.errors) process.stdout.write(`  line ${e.line}: ${e.message}\n`)
    return result.errors.length ? 1 : 0
  } catch (err) {
    process.stderr.write(`korrigo import-roster: ${(err as Error).message}\n`)
    return (err as { status?: number }).status === 422 ? 2 : 1
  } finally {
    await runtime.stop()
  }
}
