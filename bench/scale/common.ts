// What the scale benchmarks share: the printed table with its header line (date, machine, Node), quantiles,
// the app in its own process (server.ts, driven over IPC), and the CPU each process spent in a window.
import { fork, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export type Row = { measure: string; value: string; detail: string }

export const machine = (): string => {
  const cpus = os.cpus()
  return `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB`
}

/** A markdown table: a bold title, a header line saying when and on what, then measure | value | detail. */
export const printTable = (title: string, setup: string, rows: Row[]): void => {
  const header = ['measure', 'value', 'detail']
  const cells = rows.map((r) => [r.measure, r.value, r.detail])
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)))
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`
  const out = [`\n**${title}** — ${machine()}; ${setup}`, '', line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line), '']
  process.stdout.write(out.join('\n') + '\n')
}

export const quantile = (values: number[], q: number): number => {
  if (!values.length) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
}

export const ms = (v: number): string => (Number.isFinite(v) ? (v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`) : 'n/a')
export const ratio = (v: number, base: number): string => (Number.isFinite(v) && Number.isFinite(base) && base > 0 ? `${(v / base).toFixed(2)}×` : 'n/a')
export const envNumber = (name: string, fallback: number): number => {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value > 0 ? value : fallback
}

/** The share of the machine's CPU time that was idle over the next `ms` milliseconds (/proc/stat; 1 where it cannot be read). */
const idleShare = async (ms: number): Promise<number> => {
  const read = () => {
    const [, ...fields] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/)
    const values = fields.map(Number)
    return { idle: values[3]! + (values[4] ?? 0), total: values.reduce((a, b) => a + b, 0) }
  }
  try {
    const before = read()
    await new Promise((r) => setTimeout(r, ms))
    const after = read()
    return (after.idle - before.idle) / Math.max(1, after.total - before.total)
  } catch {
    return 1
  }
}

/**
 * Waits (at most `maxS` seconds) for the machine to be quiet: 80 % of its CPU time idle over a second. Not the load
 * average, which still carried the benchmark run before (a minute's decay) when the machine was already idle.
 */
export const waitForQuiet = async (maxS: number): Promise<number> => {
  const until = Date.now() + maxS * 1000
  let idle = await idleShare(1000)
  while (idle < 0.8 && Date.now() < until) idle = await idleShare(1000)
  return idle
}

/** CPU seconds (user + system) of each process whose command is `postgres`, by pid: the database's share of the cores. */
export const postgresCpuSeconds = (): Map<string, number> => {
  const tick = 100 // USER_HZ on Linux
  const total = new Map<string, number>()
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
      const close = stat.lastIndexOf(')')
      if (!stat.slice(stat.indexOf('(') + 1, close).startsWith('postgres')) continue
      const fields = stat.slice(close + 2).split(' ')
      total.set(pid, (Number(fields[11]) + Number(fields[12])) / tick)
    } catch {
      // the process ended meanwhile
    }
  }
  return total
}

type Message = { type: string; [key: string]: unknown }

/** What the server did during a window: event-loop utilisation, CPU seconds (its own, PostgreSQL's: backends that ended meanwhile are not counted), SQL statements by verb and table. */
export type ServerWindow = { elu: number; serverCpuS: number; postgresCpuS: number; wallS: number; statements: Record<string, number> }

/** The app in a child process (bench/scale/server.ts): its event loop is its own, the load generator's is ours. */
export type ServerProcess = {
  baseUrl: string
  /** the throwaway database's URL */
  database: string
  seed: any
  pid: number
  logFile: string
  /** Starts a window; `stop` gives the server's event-loop utilisation and CPU time over it (and the database's). */
  window: () => Promise<{ stop: () => Promise<ServerWindow> }>
  profile: () => Promise<{ stop: () => Promise<string> }>
  /** Where in Korrigo's code each SQL statement was sent from (stack traces: slow, never during a measure). */
  trace: () => Promise<{ stop: () => Promise<Record<string, number>> }>
  close: () => Promise<void>
}

export const startServer = async ({ scenario, env = {} }: { scenario: 'marking' | 'students'; env?: Record<string, string> }): Promise<ServerProcess> => {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'server.ts')
  const logFile = path.join(os.tmpdir(), `korrigo-bench-scale-${scenario}-${process.pid}.log`)
  const log = fs.openSync(logFile, 'w')
  const child: ChildProcess = fork(script, [scenario], {
    execArgv: ['--import', 'tsx'],
    // As `npm start` runs it: production mode, a JSON line per API request.
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', log, log, 'ipc'],
  })
  const waiting = new Map<string, (m: Message) => void>()
  let failed: Error | undefined
  child.on('message', (m: Message) => {
    const resolve = waiting.get(m.type)
    waiting.delete(m.type)
    resolve?.(m)
  })
  child.on('exit', (code) => {
    failed = new Error(`the bench server exited (${code}); its log: ${logFile}\n${fs.readFileSync(logFile, 'utf8').slice(-3000)}`)
    for (const [, resolve] of waiting) resolve({ type: 'exit' })
    waiting.clear()
  })
  const ask = (message: Message, answer: string): Promise<Message> =>
    new Promise((resolve, reject) => {
      if (failed) return reject(failed)
      waiting.set(answer, (m) => (m.type === 'exit' ? reject(failed) : resolve(m)))
      if (message.type !== 'none') child.send(message)
    })
  const ready = await ask({ type: 'none' }, 'ready')
  return {
    baseUrl: ready.baseUrl as string,
    database: ready.database as string,
    seed: ready.seed,
    pid: child.pid!,
    logFile,
    window: async () => {
      const pg0 = postgresCpuSeconds()
      await ask({ type: 'window-start' }, 'window-started')
      return {
        stop: async () => {
          const m = await ask({ type: 'window-stop' }, 'window')
          let postgresCpuS = 0
          for (const [pid, s] of postgresCpuSeconds()) postgresCpuS += s - (pg0.get(pid) ?? 0)
          return { elu: m.elu as number, serverCpuS: m.cpuS as number, wallS: m.wallS as number, postgresCpuS, statements: m.statements as Record<string, number> }
        },
      }
    },
    profile: async () => {
      await ask({ type: 'profile-start' }, 'profile-started')
      return { stop: async () => (await ask({ type: 'profile-stop' }, 'profile')).file as string }
    },
    trace: async () => {
      await ask({ type: 'trace-start' }, 'trace-started')
      return { stop: async () => (await ask({ type: 'trace-stop' }, 'trace')).callSites as Record<string, number> }
    },
    close: async () => {
      if (failed) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.send({ type: 'close' })
      // An app whose pool is wedged never finishes closing: it is ended after 20 s.
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
      await exited
      clearTimeout(timer)
      fs.closeSync(log)
    },
  }
}

/** Transactions of that database left open by the app ("idle in transaction"), and the longest one's age. */
export const openTransactions = async (databaseUrl: string): Promise<{ count: number; oldestS: number; lastStatement: string }> => {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: databaseUrl.replace(/\/[^/]*$/, '/postgres') })
  await client.connect()
  try {
    const { rows } = await client.query(
      `select count(*)::int as count, coalesce(max(extract(epoch from now() - xact_start)), 0)::float as oldest, min(left(query, 40)) as last
         from pg_stat_activity where datname = $1 and state = 'idle in transaction'`,
      [new URL(databaseUrl).pathname.slice(1)],
    )
    return { count: rows[0].count, oldestS: rows[0].oldest, lastStatement: rows[0].last ?? '' }
  } finally {
    await client.end()
  }
}

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

const shortUrl = (url: string): string => {
  if (!url) return ''
  const file = url.replace(/^file:\/\//, '')
  const nm = file.lastIndexOf('/node_modules/')
  if (nm >= 0) return file.slice(nm + '/node_modules/'.length)
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
  return file.startsWith(root) ? path.relative(root, file) : file
}

const packageOf = (url: string): string => {
  const short = shortUrl(url)
  if (!url) return '(V8/native)'
  if (!url.startsWith('file://') && !url.startsWith('/')) return `node:${short.replace(/^node:/, '').split('/')[0]}`
  const parts = short.split('/')
  if (url.includes('/node_modules/')) return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!
  return `korrigo ${parts.slice(0, 2).join('/')}`
}

/**
 * Self time per function (name, file:line) and per package of a .cpuprofile: each sample is charged to the
 * node it landed in, weighed by the time until the next sample.
 */
export const summariseProfile = (file: string, top = 15) => {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<number, number>()
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0)))
  const total = [...self.values()].reduce((a, b) => a + b, 0)
  const byFunction = new Map<string, number>()
  const byPackage = new Map<string, number>()
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame
    const key = url ? `${functionName || '(anonymous)'} — ${shortUrl(url)}:${lineNumber + 1}` : functionName
    byFunction.set(key, (byFunction.get(key) ?? 0) + us)
    const pkg = url ? packageOf(url) : functionName
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us)
  }
  const rank = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({ name, ms: us / 1000, share: us / total }))
  const idle = (byFunction.get('(idle)') ?? 0) / total
  return { totalMs: total / 1000, idle, functions: rank(byFunction, top), packages: rank(byPackage, top) }
}

export const printProfile = (title: string, file: string): void => {
  const { totalMs, idle, functions, packages } = summariseProfile(file)
  const rows = (list: { name: string; ms: number; share: number }[]) => list.map((f, i) => `| ${i + 1} | ${f.name.replace(/\|/g, '\\|')} | ${f.ms.toFixed(0)} | ${(f.share * 100).toFixed(1)} % |`)
  process.stdout.write(
    [
      `\n**${title}** — ${(totalMs / 1000).toFixed(1)} s sampled, idle ${(idle * 100).toFixed(1)} % (profile: ${file})`,
      '',
      '| # | self time: function — file:line | ms | share |',
      '|---|---|---|---|',
      ...rows(functions),
      '',
      '| # | self time by package / folder | ms | share |',
      '|---|---|---|---|',
      ...rows(packages),
      '',
    ].join('\n') + '\n',
  )
}
