import { spawn } from 'node:child_process'
import path from 'node:path'

import { projectRoot } from '../../../runtime/paths'

export type CliResult = { code: number; stdout: string; stderr: string }

/** `npx korrigo …` as a user runs it (its own process, the project's tsx), with `env` added to the test's. */
export const runKorrigo = (args: string[], env: Record<string, string> = {}): Promise<CliResult> =>
  new Promise((resolve) => {
    const child = spawn(path.join(projectRoot, 'node_modules/.bin/tsx'), [path.join(projectRoot, 'cli/index.ts'), ...args], { cwd: projectRoot, env: { ...process.env, ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }))
  })
