import { apiClient } from '../../int/helpers/http'
import { startAdminApp, type AdminApp } from '../helpers/admin-app'

/**
 * Issue 15, point 8: on a fresh install the create-first-user form must show the role the account really
 * gets. The server makes the first account an admin; the form used to show "Enseignant" (the field's
 * default for every other account).
 */
let app: AdminApp

beforeAll(async () => {
  app = await startAdminApp({ name: 'first-user' })
}, 900_000)

afterAll(async () => {
  await app?.stop()
}, 60_000)

describe('the first account', () => {
  it('is shown as an administrator on the form, and is one', async () => {
    const page = await (await app.browser.newContext({ viewport: { width: 1300, height: 1000 }, locale: 'fr-FR' })).newPage()
    page.on('pageerror', (err) => console.error('page error:', err))
    await page.goto(`${app.base}/admin/create-first-user`)
    await page.waitForSelector('input[name=email]', { timeout: 120_000 })
    // The select shows its value once the form state has arrived from the server.
    const roleShows = (text: string) => page.waitForFunction((t) => document.querySelector('#field-role')?.textContent?.includes(t), text, { timeout: 30_000 })
    await roleShows('Administrateur')
    expect(await page.locator('#field-role').textContent()).not.toContain('Enseignant')

    await page.fill('input[name=email]', 'first@school.test')
    await page.fill('input[name=password]', 'first-password-1')
    await page.fill('input[name=confirm-password]', 'first-password-1')
    await page.click('button[type=submit]')
    await page.waitForURL((url) => !url.pathname.includes('create-first-user'), { timeout: 60_000 })

    const login = await apiClient({ baseUrl: app.base }).request('POST', '/api/users/login', { email: 'first@school.test', password: 'first-password-1' })
    expect(login.status).toBe(200)
    expect(login.body.user.role).toBe('admin')

    // Every later account is a teacher unless chosen otherwise: the default is unchanged for them.
    const admin = apiClient({ baseUrl: app.base, token: login.body.token })
    const teacher = await admin.request('POST', '/api/users', { email: 'teacher@school.test', password: 'teacher-password-1' })
    expect(teacher.status).toBe(201)
    expect(teacher.body.doc.role).toBe('teacher')
    await page.goto(`${app.base}/admin/collections/users/create`)
    await roleShows('Enseignant')
  }, 300_000)
})
