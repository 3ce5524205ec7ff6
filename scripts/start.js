// `npm start`: build what is missing or stale (the Next admin and the portal), then run the server in
// production mode. Plain JS so that it runs before anything is compiled.
import { spawn } from 'node:child_process'

import { buildAdminIfStale, buildPortalIfStale, root } from './builds.js'

const major = Number(process.versions.node.split('.')[0])
if (major < 22) {
  console.error(`Korrigo needs Node.js 22+, this is ${process.version}. Use "npm start": npm puts the project's Node 22 first on the PATH.`)
  process.exit(1)
}

try {
  if (process.env.KORRIGO_ADMIN !== 'off') buildAdminIfStale()
  buildPortalIfStale()
} catch (error) {
  console.error(error.message)
  process.exit(1)
}

const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
})
// The server stops in order on SIGINT/SIGTERM; pass them on and mirror its exit.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
