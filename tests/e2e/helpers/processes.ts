import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'

import { projectRoot } from '../../../runtime/paths'

export type Spawned = { child: ChildProcess; output: () => string; waitFor: (pattern: RegExp, timeoutMs: number) => Promise<RegExpMatchArray>; stop: () => Promise<number | null> }

/**
 * A TCP port nobody listens on now, chosen by the system: test files run in parallel, so a port derived
 * from a file's name or pid can meet another file's.
 */
export const freePort = async (): Promise<number> => (await freePorts(1))[0]!

/**
 * Several free ports, all different: each probe is held until every one is open. Two probes in a row may be given
 * the same port back, and a server on 0.0.0.0 then shares it with a database on 127.0.0.1, which takes the
 * connections (every request to `npm start`'s app answered "other side closed" once).
 */
export const freePorts = async (count: number): Promise<number[]> => {
  const probes = await Promise.all(
    Array.from({ length: count }, () =>
      new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
        const probe = createServer()
        probe.once('error', reject)
        probe.listen(0, '127.0.0.1', () => resolve(probe))
      }),
    ),
  )
  const ports = probes.map((probe) => (probe.address() as { port: number }).port)
  await Promise.all(probes.map((probe) => new Promise((resolve) => probe.close(resolve))))
  return ports
}

/** Runs a project command as a user would, collecting its output to wait on what it prints. */
export const spawnProject = ({ command, args, env }: { command: string; args: string[]; env: Record<string, string> }): Spawned => {
  const child = spawn(command, args, { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let text = ''
  const waiters: (() => void)[] = []
  const onData = (chunk: Buffer) => {
    text += chunk.toString()
    waiters.forEach((w) => w())
  }
  child.stdout!.on('data', onData)
  child.stderr!.on('data', onData)
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return {
    child,
    output: () => text,
    waitFor: (pattern, timeoutMs) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = text.match(pattern)
          if (match) {
            clearTimeout(timer)
            resolve(match)
          }
        }
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; output:\n${text.slice(-3000)}`)), timeoutMs)
        waiters.push(check)
        check()
        exited.then(() => {
          check()
          reject(new Error(`process exited before printing ${pattern}; output:\n${text.slice(-3000)}`))
        })
      }),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      return exited
    },
  }
}
