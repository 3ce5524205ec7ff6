// `npm start`: build what is missing (the Next admin and the portal, once), then run the server in
// production mode. Plain JS so that it runs before anything is compiled.
import { spawnSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const major = Number(process.versions.node.split('.')[0])
if (major < 22) {
  console.error(`Korrigo needs Node.js 22+, this is ${process.version}. Use "npm start": npm puts the project's Node 22 first on the PATH.`)
  process.exit(1)
}

const run = (label, args) => {
  console.log(`› ${label}…`)
  const result = spawnSync('npx', args, { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } })
  if (result.status !== 0) {
    console.error(`${label} failed (exit ${result.status}).`)
    process.exit(result.status ?? 1)
  }
}

const adminOn = process.env.KORRIGO_ADMIN !== 'off'
if (adminOn && !fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) run('Building the admin (first start only, about a minute)', ['next', 'build'])
if (!fs.existsSync(path.join(root, 'portal', 'dist', 'index.html')))
  run('Building the portal', ['vite', 'build', '--config', 'portal/vite.config.ts'])

const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
})
// The server stops in order on SIGINT/SIGTERM; pass them on and mirror its exit.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
