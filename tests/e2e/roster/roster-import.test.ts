import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'

import type { ApiClient } from '../../int/helpers/http'
import { createFirstAdmin, signInAdmin, startAdminApp, type AdminApp } from '../helpers/admin-app'

/**
 * Issue 15, point 9, in the real admin: from the Students list, an admin drops a class list, sees what was
 * understood (counts, columns, refused rows by line in words) with nothing saved yet, and confirms; an Excel
 * workbook is read the same way, and the screen speaks English to a reader in English.
 */
let app: AdminApp
let admin: ApiClient

beforeAll(async () => {
  app = await startAdminApp({ name: 'roster-import' })
  admin = await createFirstAdmin(app.base)
}, 900_000)

afterAll(async () => {
  await app?.stop()
}, 60_000)

const newPage = async (locale: string): Promise<Page> => {
  const page = await (await app.browser.newContext({ viewport: { width: 1400, height: 1000 }, locale })).newPage()
  page.setDefaultTimeout(90_000)
  await signInAdmin({ page, base: app.base })
  return page
}

const studentCount = async () => (await admin.request('GET', '/api/students?limit=0&depth=0')).body.totalDocs as number

const csv = Buffer.from(
  [
    'Nom;Prénom;Né(e) le;Classe;Mail;Option', // 1
    'Martin;Léa;02/05/2011;3e B;lea.martin@eleve.test;latin', // 2
    'Dupont;Hugo;17/09/2010;3e B;hugo.dupont@eleve.test;', // 3
    'Nguyen;Minh;11/11/2011;3e B;;', // 4
    'Durand;Tom;31/02/2011;3e B;;', // 5
    'Dupont;Hugo;17/09/2010;3e B;hugo.dupont@eleve.test;', // 6
  ].join('\r\n'),
)

const workbook = async () => {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('3e B')
  sheet.addRow(['Élèves', 'Né(e) le'])
  sheet.addRow(['MARTIN Léa', new Date(Date.UTC(2011, 4, 2))])
  sheet.addRow(['GARCIA Lucas', new Date(Date.UTC(2011, 1, 14))])
  sheet.addRow(['MOREL', '01/02/2011'])
  return Buffer.from(await book.xlsx.writeBuffer())
}

describe('importing a class list from the admin', () => {
  it('previews a CSV file, saving nothing, then imports it on confirmation', async () => {
    const page = await newPage('fr-FR')
    await page.goto(`${app.base}/admin/collections/students`)
    await page.click('#import-roster', { timeout: 120_000 })
    await page.waitForURL(/\/admin\/import-roster$/)
    await page.waitForSelector('[data-testid=roster-import]')
    expect(await page.textContent('[data-testid=roster-import] h1')).toBe('Importer une liste de classe')

    await page.setInputFiles('[data-testid=roster-file]', { name: 'liste-3eB.csv', mimeType: 'text/csv', buffer: csv })
    await page.waitForSelector('[data-testid=roster-summary]')
    expect(await page.textContent('[data-testid=roster-summary]')).toBe('Élèves lus : 3 — à créer : 3, à mettre à jour : 0, déjà à jour : 0.')
    expect(await page.textContent('[data-testid=roster-format]')).toContain('séparateur « ; »')
    const columns = await page.$$eval('[data-testid=roster-columns] tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)))
    expect(columns).toEqual([
      ['Nom', 'Nom'],
      ['Prénom', 'Prénom'],
      ['Né(e) le', 'Date de naissance'],
      ['Classe', 'Classe'],
      ['Mail', 'E-mail'],
    ])
    expect(await page.textContent('[data-testid=roster-ignored]')).toBe('Colonnes ignorées : « Option »')
    expect(await page.locator('[data-testid=roster-errors] li').allTextContents()).toEqual([
      'Ligne 5 : date de naissance invalide « 31/02/2011 » (attendue au format JJ/MM/AAAA)',
      'Ligne 6 : ligne en double, identique à la ligne 3',
    ])
    expect(await page.locator('[data-testid=roster-rows] tbody tr').count()).toBe(3)
    expect(await page.textContent('[data-testid=roster-rows] tbody tr[data-line="2"]')).toContain('02/05/2011')
    // A preview writes nothing.
    expect(await studentCount()).toBe(0)

    await page.click('#roster-confirm')
    await page.waitForSelector('[data-testid=roster-done]')
    expect(await page.textContent('[data-testid=roster-done]')).toBe('Import terminé — créés : 3, mis à jour : 0, déjà à jour : 0.')
    expect(await studentCount()).toBe(3)
    await page.click('[data-testid=roster-see-students]')
    await page.waitForURL(/\/admin\/collections\/students/)
    await page.waitForSelector('text=Nguyen')
  }, 600_000)

  it('reads an Excel workbook, in English for a reader in English', async () => {
    const page = await newPage('en-GB')
    await page.goto(`${app.base}/admin/collections/students`)
    expect(await (await page.waitForSelector('#import-roster', { timeout: 120_000 })).textContent()).toBe('Import a class list')
    await page.goto(`${app.base}/admin/import-roster`)
    await page.waitForSelector('[data-testid=roster-import]')
    await page.setInputFiles('[data-testid=roster-file]', { name: 'classe.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await workbook() })
    await page.waitForSelector('[data-testid=roster-summary]')
    // Léa is already there (same names and birth date), her last name now in capitals; Lucas is new.
    expect(await page.textContent('[data-testid=roster-summary]')).toBe('Students read: 2 — to create: 1, to update: 1, already up to date: 0.')
    expect(await page.textContent('[data-testid=roster-rows] tbody tr[data-line="2"]')).toContain('changes: Last name')
    expect(await page.textContent('[data-testid=roster-format]')).toContain('Excel workbook, sheet “3e B”')
    expect(await page.locator('[data-testid=roster-errors] li').allTextContents()).toEqual(['Line 4: “MOREL” holds a single name: a last and a first name are needed'])

    await page.click('#roster-confirm')
    await page.waitForSelector('[data-testid=roster-done]')
    expect(await page.textContent('[data-testid=roster-done]')).toBe('Import done — created: 1, updated: 1, already up to date: 0.')
    expect(await studentCount()).toBe(4)

    // A file that is no class list says so, in words.
    await page.setInputFiles('[data-testid=roster-file]', { name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('Matière;Coefficient\r\nMaths;4\r\n') })
    await page.waitForSelector('[data-testid=roster-file-error]')
    expect(await page.textContent('[data-testid=roster-file-error]')).toContain('No header row recognised. Columns found: “Matière”, “Coefficient”.')
  }, 600_000)
})
