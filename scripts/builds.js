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

const buildIfStale = ({ label, marker, sources, args, log }) => {
  const wanted = fingerprint(sources)
  const markerPath = path.join(root, marker)
  const current = fs.existsSync(markerPath) ? fs.readFileSync(markerPath, 'utf8') : ''
  if (current === wanted) return false
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
    sources: ['app', 'admin-components', 'collections', 'plugins', 'jobs', 'runtime', 'storage', 'payload.config.ts', 'next.config.mjs', 'package-lock.json'],
    args: ['next', 'build'],
    log,
  })

export const buildPortalIfStale = ({ log = console.log } = {}) =>
  buildIfStale({
    label: 'Building the portal',
    marker: 'portal/dist/.korrigo-fingerprint',
    sources: ['portal', 'package-lock.json'],
    args: ['vite', 'build', '--config', 'portal/vite.config.ts'],
    log,
  })
