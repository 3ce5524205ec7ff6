// A second process appending to the audit trail at the same time as the test: the chain must not fork.
// Usage: DATABASE_URL=… tsx append-audit.ts COUNT LABEL
import { bootRuntime } from '../../../../runtime/boot'
import { recordAuditEvent } from '../../../../plugins/audit'

const [count, label] = [Number(process.argv[2] ?? 10), process.argv[3] ?? 'child']
const runtime = await bootRuntime({ name: `audit-appender-${process.pid}`, processJobs: false })
process.stdout.write('ready\n')
// Both processes start appending at the same moment: the parent says when.
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()))
await Promise.all(Array.from({ length: count }, (_, i) => recordAuditEvent({ payload: runtime.payload, actor: { type: 'cli', label }, action: 'test.concurrent-append', details: { i, label } })))
await runtime.stop()
process.stdout.write('done\n')
process.exit(0)
