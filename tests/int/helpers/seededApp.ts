import { startTestApp, type TestApp } from './app'
import { signIn, type ApiClient } from './http'
import { seedClass } from './seed'

export type SeededApp = { app: TestApp; seed: Awaited<ReturnType<typeof seedClass>>; admin: ApiClient; alice: ApiClient }

/**
 * The app with the seeded class, its admin and Alice (a teacher of maths) signed in, for the whole test
 * file; stopped after the file once the jobs it started (OCR in worker threads) have finished. `jobs`:
 * only those run (see startTestApp); `processJobs: false`, none (the test calls the services itself).
 */
export const useSeededApp = ({ jobs, processJobs = true }: { jobs?: string[]; processJobs?: boolean } = {}): SeededApp => {
  const ctx = {} as SeededApp
  beforeAll(async () => {
    ctx.app = await startTestApp({ jobs, processJobs })
    ctx.seed = await seedClass(ctx.app.runtime.payload)
    ctx.admin = await signIn({ baseUrl: ctx.app.baseUrl, email: 'admin@school.test', password: 'admin-password-1' })
    ctx.alice = await signIn({ baseUrl: ctx.app.baseUrl, email: 'alice@school.test', password: 'alice-password-1' })
  }, 300_000)
  afterAll(async () => {
    if (processJobs) await ctx.app?.runtime.agenda.drain(180_000)
    await ctx.app?.close()
  }, 240_000)
  return ctx
}
