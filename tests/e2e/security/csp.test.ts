import type { BrowserContext, Page } from 'playwright-core'

import type { ApiClient } from '../../int/helpers/http'
import { createFirstAdmin, signInAdmin, startAdminApp, type AdminApp } from '../helpers/admin-app'
import { ensureBuilt } from '../helpers/builds'

/**
 * Issue 13, point 11 (browser side): the admin (login, a list, an edit view, the identification desk) and
 * the portal run under a Content-Security-Policy without 'unsafe-inline' scripts or 'unsafe-eval', and
 * Chromium reports no violation of it (securitypolicyviolation events and console reports).
 */
let app: AdminApp
let admin: ApiClient
let context: BrowserContext
const violations: string[] = []

beforeAll(async () => {
  ensureBuilt({ portal: true })
  app = await startAdminApp({ name: 'csp', firstPort: 4300 })
  admin = await createFirstAdmin(app.base)
  context = await app.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'fr-FR' })
  await context.exposeBinding('reportCspViolation', (_source, text: string) => violations.push(text))
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      ;(window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber} (${location.pathname})`,
      )
    })
  })
}, 1_800_000)

afterAll(async () => {
  await app?.stop()
}, 60_000)

const watch = (page: Page) => {
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => violations.push(`page error: ${error.message}`))
}

/** Opens a page, lets it settle, and returns the policy it was served with. */
const visit = async (page: Page, path: string, ready: string) => {
  const response = await page.goto(`${app.base}${path}`)
  await page.waitForSelector(ready, { timeout: 90_000 })
  await page.waitForLoadState('networkidle')
  return response?.headers()['content-security-policy'] ?? ''
}

it('serves the admin under a strict script policy and Chromium reports no violation', async () => {
  const exam = (await admin.request('POST', '/api/exams', { title: 'Contrôle CSP', className: '3e B', gradingScale: [{ key: 'Q1', maxPoints: 4, step: 0.5 }] })).body.doc
  await admin.request('POST', '/api/copies', { exam: exam.id, status: 'staging', pages: [{ sourcePage: 1 }] })
  const page = await context.newPage()
  watch(page)

  const login = await visit(page, '/admin/login', 'input[name=email]')
  expect(login).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/)
  expect(login).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/)
  await signInAdmin({ page, base: app.base })
  await page.waitForLoadState('networkidle')

  const list = await visit(page, '/admin/collections/copies', '.collection-list, table')
  expect(list).toMatch(/nonce-/)
  await visit(page, `/admin/collections/exams/${exam.id}`, 'input[name=title], #field-title')
  await visit(page, '/admin/identification', 'h1')
  expect(violations).toEqual([])
})

it('serves the portal (teachers’ sign-in, student space) without violation, and no HSTS over plain HTTP', async () => {
  const page = await context.newPage()
  watch(page)
  const portal = await visit(page, '/portal/', 'input[name=email]')
  expect(portal).toMatch(/script-src 'self'/)
  await visit(page, '/portal/#/student', 'input[type=email], input[name=email]')
  const answer = await page.goto(`${app.base}/admin/login`)
  expect(answer?.headers()['strict-transport-security']).toBeUndefined()
  expect(violations).toEqual([])
})
