import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { config } from './config'
import { dataDir } from './paths'

/**
 * PAYLOAD_SECRET signs sessions. A fresh install has none: make one and keep it under ./data so that
 * sessions survive a restart, without asking a newcomer to configure anything.
 */
export const payloadSecret = (): string => {
  const configured = config().PAYLOAD_SECRET
  if (configured) return configured
  const file = path.join(dataDir(), '.payload-secret')
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch {
    const secret = randomBytes(32).toString('hex')
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true })
      fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' })
      return secret
    } catch {
      // Another process wrote it first (app and worker starting together): use theirs.
      return fs.readFileSync(file, 'utf8').trim()
    }
  }
}
