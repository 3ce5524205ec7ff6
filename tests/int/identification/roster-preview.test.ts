import ExcelJS from 'exceljs'

import { startTestApp, type TestApp } from '../helpers/app'
import { signIn, type ApiClient } from '../helpers/http'
import { seedClass } from '../helpers/seed'

/**
 * Issue 15.9, the server side of the admin's class-list import: `preview: true` answers what the import
 * would do (rows and their action, the columns understood as the file names them, refused rows with the
 * reason and values a screen can say in any language) and writes nothing; an Excel workbook is read like a
 * CSV file, its errors on the rows Excel shows; a file that cannot be used says why with a code.
 */
let app: TestApp
let admin: ApiClient
let alice: ApiClient

beforeAll(async () => {
  app = await startTestApp({ processJobs: false })
  await seedClass(app.runtime.payload)
  admin = await signIn({ baseUrl: app.baseUrl, email: 'admin@school.test', password: 'admin-password-1' })
  alice = await signIn({ baseUrl: app.baseUrl, email: 'alice@school.test', password: 'alice-password-1' })
}, 300_000)

afterAll(async () => app?.close(), 120_000)

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const send = (client: ApiClient, { name, bytes, type = 'text/csv', fields }: { name: string; bytes: Uint8Array; type?: string; fields?: Record<string, unknown> }) => {
  const form = new FormData()
  form.append('file', new Blob([Buffer.from(bytes)], { type }), name)
  if (fields) form.append('_payload', JSON.stringify(fields))
  return client.request('POST', '/api/identification/roster', form)
}

const students = async () =>
  (await app.runtime.payload.find({ collection: 'students', depth: 0, limit: 0, pagination: false, overrideAccess: true, sort: 'lastName' })).docs.map((s) => ({
    lastName: s.lastName,
    firstName: s.firstName,
    birthDate: s.birthDate ?? null,
    className: s.className ?? null,
  }))

// The seeded student (same e-mail) moves to 3e C; Léa is new; three rows are refused.
const csv = new TextEncoder().encode(
  [
    'Nom;Prénom;Né(e) le;Classe;Mail;Option', // 1
    "N'Diaye;Aïssatou;14/03/2011;3e C;aissatou@eleve.test;latin", // 2
    'Martin;Léa;02/05/2011;3e C;lea.martin@eleve.test;', // 3
    'Durand;Tom;31/02/2011;3e C;;', // 4
    'Petit;;05/06/2011;3e C;;', // 5
    'Martin;Léa;02/05/2011;3e C;lea.martin@eleve.test;', // 6
  ].join('\r\n'),
)

describe('previewing a class list', () => {
  it('answers the rows, the columns understood and the refused rows, and writes nothing', async () => {
    const before = await students()
    const answer = await send(admin, { name: 'classe.csv', bytes: csv, fields: { preview: true } })
    expect(answer.status).toBe(200)
    const result = answer.body
    expect(result).toMatchObject({ preview: true, created: 1, updated: 1, unchanged: 0 })
    expect(result.rows).toEqual([
      { line: 2, action: 'update', changes: ['className'], student: expect.objectContaining({ lastName: "N'Diaye", firstName: 'Aïssatou', className: '3e C' }) },
      { line: 3, action: 'create', changes: [], student: expect.objectContaining({ lastName: 'Martin', firstName: 'Léa', birthDate: '2011-05-02', email: 'lea.martin@eleve.test' }) },
    ])
    expect(result.errors.map((e: Record<string, unknown>) => [e.line, e.reason, e.value ?? null, e.otherLine ?? null])).toEqual([
      [4, 'invalid_date', '31/02/2011', null],
      [5, 'missing_first_name', null, null],
      [6, 'duplicate_row', null, 3],
    ])
    expect(result.meta).toMatchObject({
      format: 'csv',
      delimiter: ';',
      encoding: 'utf-8',
      columns: ['lastName', 'firstName', 'birthDate', 'className', 'email'],
      header: { line: 1, labels: { lastName: 'Nom', firstName: 'Prénom', birthDate: 'Né(e) le', className: 'Classe', email: 'Mail' }, ignored: ['Option'] },
    })
    expect(await students()).toEqual(before)
  })

  it('applies a class given beside the file to every row of the preview', async () => {
    const answer = await send(admin, { name: 'classe.csv', bytes: csv, fields: { preview: true, className: '4e A' } })
    expect(answer.status).toBe(200)
    expect(answer.body.rows.map((r: { student: { className: string } }) => r.student.className)).toEqual(['4e A', '4e A'])
  })

  it('imports what the preview announced once confirmed', async () => {
    const answer = await send(admin, { name: 'classe.csv', bytes: csv })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ preview: false, created: 1, updated: 1, unchanged: 0 })
    expect(await students()).toEqual([
      { lastName: 'Martin', firstName: 'Léa', birthDate: '2011-05-02', className: '3e C' },
      { lastName: "N'Diaye", firstName: 'Aïssatou', birthDate: '2011-03-14', className: '3e C' },
    ])
    // The same file again: nothing left to do.
    expect((await send(admin, { name: 'classe.csv', bytes: csv, fields: { preview: true } })).body).toMatchObject({ created: 0, updated: 0, unchanged: 2 })
  })

  it('is for admins only, preview included', async () => {
    expect((await send(alice, { name: 'classe.csv', bytes: csv, fields: { preview: true } })).status).toBe(403)
  })
})

describe('an Excel workbook', () => {
  const workbook = async () => {
    const book = new ExcelJS.Workbook()
    book.addWorksheet('Brouillon', { state: 'hidden' }).addRow(['rien à lire'])
    const sheet = book.addWorksheet('3e D')
    sheet.getCell('A1').value = 'Liste de la classe 3e D'
    // Row 2 left empty, as exports often do; the header on row 3.
    sheet.getRow(3).values = ['Élève', 'Date de naissance', 'Adresse e-mail']
    sheet.getRow(4).values = ['BERNARD Chloé', new Date(Date.UTC(2011, 0, 9)), { text: 'chloe.bernard@eleve.test', hyperlink: 'mailto:chloe.bernard@eleve.test' }]
    sheet.getRow(5).values = ['LEFEBVRE Hugo', new Date(Date.UTC(2010, 11, 31)), 'hugo.lefebvre@eleve.test']
    sheet.getRow(6).values = ['ROUX Inès', '31/04/2011', 'ines.roux@eleve.test']
    sheet.getRow(7).values = ['MOREL', '01/02/2011', 'morel@eleve.test']
    return new Uint8Array(await book.xlsx.writeBuffer())
  }

  it('is read from its first visible sheet, its errors on the rows Excel shows, and imported', async () => {
    const bytes = await workbook()
    const preview = await send(admin, { name: 'classe-3eD.xlsx', bytes, type: XLSX, fields: { preview: true } })
    expect(preview.status).toBe(200)
    expect(preview.body.meta).toMatchObject({ format: 'xlsx', sheet: '3e D', columns: ['fullName', 'birthDate', 'email'], header: { line: 3, labels: { fullName: 'Élève', birthDate: 'Date de naissance', email: 'Adresse e-mail' } } })
    expect(preview.body.rows.map((r: { line: number; action: string; student: Record<string, unknown> }) => [r.line, r.action, r.student.lastName, r.student.firstName, r.student.birthDate, r.student.email])).toEqual([
      [4, 'create', 'BERNARD', 'Chloé', '2011-01-09', 'chloe.bernard@eleve.test'],
      [5, 'create', 'LEFEBVRE', 'Hugo', '2010-12-31', 'hugo.lefebvre@eleve.test'],
    ])
    expect(preview.body.errors.map((e: Record<string, unknown>) => [e.line, e.reason, e.value])).toEqual([
      [6, 'invalid_date', '31/04/2011'],
      [7, 'missing_first_name', 'MOREL'],
    ])
    expect((await app.runtime.payload.count({ collection: 'students', where: { lastName: { equals: 'BERNARD' } }, overrideAccess: true })).totalDocs).toBe(0)

    const imported = await send(admin, { name: 'classe-3eD.xlsx', bytes, type: XLSX, fields: { className: '3e D' } })
    expect(imported.body).toMatchObject({ preview: false, created: 2 })
    const { docs } = await app.runtime.payload.find({ collection: 'students', where: { className: { equals: '3e D' } }, sort: 'lastName', overrideAccess: true, depth: 0 })
    expect(docs.map((s) => [s.lastName, s.firstName, s.birthDate])).toEqual([
      ['BERNARD', 'Chloé', '2011-01-09'],
      ['LEFEBVRE', 'Hugo', '2010-12-31'],
    ])
  })

  it('that cannot be read is refused with a code saying so; a file without a header names what it found', async () => {
    const broken = Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, ...new TextEncoder().encode('[Content_Types].xml'), ...new Uint8Array(200))
    const refused = await send(admin, { name: 'cassé.xlsx', bytes: broken, type: XLSX, fields: { preview: true } })
    expect(refused.status).toBe(415)
    expect(refused.body.errors[0]).toMatchObject({ message: expect.stringMatching(/Excel workbook.*CSV/), data: { code: 'roster_not_text' } })

    const headerless = await send(admin, { name: 'notes.csv', bytes: new TextEncoder().encode('Matière;Coefficient\r\nMaths;4\r\n'), fields: { preview: true } })
    expect(headerless.status).toBe(422)
    expect(headerless.body.errors[0].data).toMatchObject({ code: 'roster_no_header', foundColumns: ['Matière', 'Coefficient'] })
  })
})
