import { execFileSync } from 'node:child_process'
import path from 'node:path'

/**
 * `bench/pageNumbers.ts --json` with these options, its counts parsed. Run as the bench runs, in a process of its
 * own: under Jest's module sandbox the same reading takes ten times as long.
 */
export const runPageNumbersBench = <T>(args: string[]): T => {
  const node = path.resolve('node_modules/node/bin/node')
  const out = execFileSync(node, ['--import', 'tsx', path.resolve('bench/pageNumbers.ts'), '--json', ...args], { encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'] })
  return JSON.parse(out) as T
}
