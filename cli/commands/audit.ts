import { parseArgs } from 'node:util'

const USAGE = `usage: korrigo audit verify [--json]

  verify   walk the audit trail from its first event and check every link of its hash chain; exits 0
           when it is intact, 1 naming the first broken link (an event edited or deleted behind the
           application's back), 2 on a usage error
  --json   print the result as JSON (for monitoring)`

/** `korrigo audit verify`: the audit trail's hash chain, checked against the app's database. */
export const run = async (argv: string[]): Promise<number> => {
  let values: { json?: boolean; help?: boolean }
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } }))
  } catch (error) {
    process.stderr.write(`korrigo audit: ${(error as Error).message}\n${USAGE}\n`)
    return 2
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  if (positionals[0] !== 'verify' || positionals.length > 1) {
    process.stderr.write(`${positionals.length ? `korrigo audit: unknown subcommand "${positionals.join(' ')}"\n` : ''}${USAGE}\n`)
    return 2
  }
  const { bootRuntime } = await import('../../runtime/boot')
  const { verifyAuditTrail } = await import('../../plugins/audit/services/verify')
  const runtime = await bootRuntime({ name: 'korrigo-audit', processJobs: false })
  try {
    const result = await verifyAuditTrail({
      payload: runtime.payload,
      onProgress: ({ checked, total }) => {
        if (!values.json) process.stderr.write(`\rchecked ${checked} / ${total} events`)
      },
    })
    if (!values.json) process.stderr.write('\n')
    if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`)
    else if (result.ok) process.stdout.write(`audit trail intact: ${result.checked} events, head #${result.head?.seq ?? 0} ${result.head?.hash ?? ''}\n`)
    else process.stdout.write(`audit trail BROKEN at event #${result.broken!.seq}${result.broken!.id !== undefined ? ` (id ${result.broken!.id})` : ''}: ${result.broken!.reason}\n${result.checked} events before it are intact.\n`)
    return result.ok ? 0 : 1
  } finally {
    await runtime.stop()
  }
}
