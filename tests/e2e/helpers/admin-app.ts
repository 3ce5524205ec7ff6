import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'

import { createTestDatabase, type TestDatabase } from '../../int/helpers/database'
import { apiClient, type ApiClient } from '../../int/helpers/http'
import { launchBrowser } from '../portal/browser'
import { ensureBuilt } from './builds'
import { freePort, spawnProject, type Spawned } from './processes'

export const HEAD = { email: 'head@school.test', password: 'head-password-1', name: 'Head' }

/** `env`: what the server was started with (database, data folder, secret), for a worker beside it. */
export type AdminApp = { base: string; browser: Browser; env: Record<string, string>; stop: () => Promise<void> }

/**
 * The app as `npm start` runs it (Next production build of the admin, `server.ts`) on a throwaway
 * database and data folder, and a chromium to drive it, on a free port (`firstPort` is no longer needed).
 */
export const startAdminApp = async ({ name, env = {} }: { name: string; firstPort?: number; env?: Record<string, string> }): Promise<AdminApp> => {
  ensureBuilt({ admin: true })
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `korrigo-${name}-`))
  fs.chmodSync(dataDir, 0o755)
  const database: TestDatabase = await createTestDatabase()
  const serverEnv = { NODE_ENV: 'production', DATABASE_URL: database.url, KORRIGO_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PAYLOAD_SECRET: `${name}-test-secret`, ...env }
  const server: Spawned = spawnProject({ command: process.execPath, args: ['--import', 'tsx', 'server.ts'], env: serverEnv })
  await server.waitFor(/Korrigo is running at/, 180_000)
  const browser = await launchBrowser()
  return {
    base: `http://127.0.0.1:${port}`,
    browser,
    env: serverEnv,
    stop: async () => {
      await browser.close()
      await server.stop()
      await database.drop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** The first account (an admin, as on a fresh install), signed in for API calls. */
export const createFirstAdmin = async (base: string): Promise<ApiClient> => {
  const first = await apiClient({ baseUrl: base }).request('POST', '/api/users/first-register', HEAD)
  if (first.status !== 200) throw new Error(`first-register answered ${first.status}: ${JSON.stringify(first.body)}`)
  return apiClient({ baseUrl: base, token: first.body.token })
}

/** A staff account signed in for API calls. */
export const signInApi = async ({ base, email, password }: { base: string; email: string; password: string }): Promise<ApiClient> => {
  const response = await apiClient({ baseUrl: base }).request('POST', '/api/users/login', { email, password })
  if (response.status !== 200) throw new Error(`login of ${email} answered ${response.status}`)
  return apiClient({ baseUrl: base, token: response.body.token })
}

/** Signs in through the admin's own login form. */
export const signInAdmin = async ({ page, base, email = HEAD.email, password = HEAD.password }: { page: Page; base: string; email?: string; password?: string }) => {
  await page.goto(`${base}/admin/login`)
  // The first page of a fresh production build can be slow while background OCR holds the cores.
  await page.waitForSelector('input[name=email]', { timeout: 90_000 })
  await page.fill('input[name=email]', email)
  await page.fill('input[name=password]', password)
  await page.click('button[type=submit]')
  await page.waitForURL((url) => !url.pathname.includes('/login'))
}
