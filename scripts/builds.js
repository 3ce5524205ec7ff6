// Builds the Next admin and the portal when their sources changed since the last build. Shared by
// `npm start` and the browser tests, so a test never runs against a stale build and never builds twice.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))

/** A fingerprint of the sources a build depends on. */
const fingerprint = (entries) => {
  const hash = createHash('sha256')
  const walk = (target) => {
    if (!fs.existsSync(target)) return
    const stat = fs.statSync(target)
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(target).sort()) {
        if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue
        walk(path.join(target, name))
      }
    } else if (/\.(ts|tsx|js|mjs|jsx|css|scss|json|html)$/.test(target)) {
      hash.update(path.relative(root, target)).update(fs.readFileSync(target))
    }
  }
  entries.forEach((entry) => walk(path.join(root, entry)))
  return hash.digest('hex')
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

const alive = (pid) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error.code === 'EPERM'
  }
}

const lockHolder = (lockPath) => {
  try {
    return Number(fs.readFileSync(path.join(lockPath, 'pid'), 'utf8')) || 0
  } catch (error) {
    return fs.existsSync(lockPath) ? 0 : 'gone'
  }
}

/**
 * One build at a time per output folder, across processes (a test file and `npm start`, two test files):
 * two `next build` in one `.next` fail. A lock left by a killed process is taken over.
 */
const withBuildLock = (lockPath, work) => {
  fs.mkdirSync(path.dirname(lockPath), { recursive: true })
  const deadline = Date.now() + 20 * 60_000
  for (;;) {
    try {
      fs.mkdirSync(lockPath)
      fs.writeFileSync(path.join(lockPath, 'pid'), String(process.pid))
      break
    } catch (error) {
      if (error.code !== 'EEXIST') throw error
      const holder = lockHolder(lockPath)
      if (holder === 'gone') continue
      const age = Date.now() - (fs.statSync(lockPath, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
      // No pid yet: the holder is between mkdir and writing it, or died right there.
      if (holder ? !alive(holder) : age > 10_000) fs.rmSync(lockPath, { recursive: true, force: true })
      else if (Date.now() > deadline) throw new Error(`${lockPath} has been held by process ${holder} for 20 minutes`)
      else sleep(500)
    }
  }
  try {
    return work()
  } finally {
    fs.rmSync(lockPath, { recursive: true, force: true })
  }
}

const buildIfStale = ({ label, marker, sources, args, log }) => {
  const markerPath = path.join(root, marker)
  const upToDate = () => (fs.existsSync(markerPath) ? fs.readFileSync(markerPath, 'utf8') : '') === fingerprint(sources)
  if (upToDate()) return false
  // Lock next to the output folder, not in it: `next build` empties `.next`.
  return withBuildLock(path.join(root, `${path.dirname(marker)}.build-lock`), () => (upToDate() ? false : build({ label, markerPath, sources, args, log })))
}

const build = ({ label, markerPath, sources, args, log }) => {
  const wanted = fingerprint(sources)
  log(`› ${label}…`)
  const result = spawnSync('npx', args, { cwd: root, stdio: log === console.log ? 'inherit' : 'pipe', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } })
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.slice(-4000)
    throw new Error(`${label} failed (exit ${result.status}).${output ? `\n${output}` : ''}`)
  }
  fs.writeFileSync(markerPath, wanted)
  return true
}

export const buildAdminIfStale = ({ log = console.log } = {}) =>
  buildIfStale({
    label: 'Building the admin (after install or a change, about a minute)',
    marker: '.next/korrigo-fingerprint',
    sources: ['app', 'admin-components', 'collections', 'plugins', 'shared', 'jobs', 'runtime', 'storage', 'payload.config.ts', 'next.config.mjs', 'package-lock.json'],
    args: ['next', 'build'],
    log,
  })

export const buildPortalIfStale = ({ log = console.log } = {}) =>
  buildIfStale({
    label: 'Building the portal',
    marker: 'portal/dist/.korrigo-fingerprint',
    sources: ['portal', 'shared', 'package-lock.json'],
    args: ['vite', 'build', '--config', 'portal/vite.config.ts'],
    log,
  })
