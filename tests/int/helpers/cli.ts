import { spawn } from 'node:child_process'
import path from 'node:path'

import { projectRoot } from '../../../runtime/paths'

export type CliResult = { code: number; stdout: string; stderr: string }

/**
 * A command that hangs fails its test in this long, saying so, not when the test's own timeout runs out (a
 * `korrigo restore` of a damaged archive once waited 40 minutes in a CI rehearsal).
 */
const CLI_TIMEOUT_MS = 10 * 60_000

/** `npx korrigo …` as a user runs it (its own process, the project's tsx), with `env` added to the test's. */
export const runKorrigo = (args: string[], env: Record<string, string> = {}): Promise<CliResult> =>
  new Promise((resolve) => {
    const child = spawn(path.join(projectRoot, 'node_modules/.bin/tsx'), [path.join(projectRoot, 'cli/index.ts'), ...args], { cwd: projectRoot, env: { ...process.env, ...env } })
    let stdout = ''
    let stderr = ''
    const timer = setTimeout(() => {
      stderr += `\n[runKorrigo] korrigo ${args.join(' ')} still running after ${CLI_TIMEOUT_MS / 60_000} min: killed\n`
      child.kill('SIGKILL')
    }, CLI_TIMEOUT_MS)
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code: code ?? 1, stdout, stderr })
    })
  })
