import type { Browser } from 'playwright-core'

import { startTestApp, type TestApp } from '../../int/helpers/app'
import { signIn, type ApiClient } from '../../int/helpers/http'
import { ensurePortalBuilt, launchBrowser } from './browser'
import { PASSWORDS, seedMarking } from './seed'

export type PortalApp = { app: TestApp; browser: Browser; seed: Awaited<ReturnType<typeof seedMarking>>; alice: ApiClient }

/** The built portal on a fresh app, a marking exam seeded, Alice signed in to the API, a browser ready. */
export const startPortalApp = async ({ copies, pages }: { copies: number; pages?: number }): Promise<PortalApp> => {
  ensurePortalBuilt()
  const app = await startTestApp()
  const seed = await seedMarking({ payload: app.runtime.payload, copies, pages })
  const alice = await signIn({ baseUrl: app.baseUrl, email: 'alice@school.test', password: PASSWORDS.alice })
  return { app, seed, alice, browser: await launchBrowser() }
}

export const stopPortalApp = async ({ app, browser }: Partial<PortalApp>): Promise<void> => {
  await browser?.close()
  await app?.close()
}

/** Polls until `check` holds (a save reached the server), or fails after `timeoutMs`. */
export const until = async (check: () => Promise<boolean>, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 150))
  }
}
