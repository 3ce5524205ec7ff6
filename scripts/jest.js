// Runs Jest (native ESM through VM modules). V8 has a known fatal bug in async module evaluation under
// `--experimental-vm-modules` ("Check failed: (location_) != nullptr" in AsyncModuleExecutionFulfilled)
// that, rarely, aborts the whole run. When — and only when — the run dies of that, run it once more.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const jest = fileURLToPath(new URL('../node_modules/jest/bin/jest.js', import.meta.url))
const args = ['--experimental-vm-modules', jest, '--runInBand', ...process.argv.slice(2)]

const run = () =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['inherit', 'pipe', 'pipe'] })
    let tail = ''
    const keep = (chunk) => {
      tail = (tail + chunk.toString()).slice(-20_000)
    }
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk)
      keep(chunk)
    })
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk)
      keep(chunk)
    })
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), v8Bug: /Fatal error in[\s\S]*AsyncModuleExecution/.test(tail) }))
  })

let result = await run()
if (result.code !== 0 && result.v8Bug) {
  process.stderr.write('\n*** The Jest process hit V8\'s VM-modules fatal bug (not a test failure): running the suite once more. ***\n\n')
  result = await run()
}
process.exit(result.code)
