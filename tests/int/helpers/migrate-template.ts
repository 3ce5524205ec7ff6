// Run by database.ts in a child process: boots the app once against DATABASE_URL (the committed
// migrations, Agenda's table), then stops, leaving a database the test files get copies of.
import { bootRuntime } from '../../../runtime/boot'

bootRuntime({ name: 'test-template', processJobs: false })
  .then((runtime) => runtime.stop())
  .then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
      process.exit(1)
    },
  )
