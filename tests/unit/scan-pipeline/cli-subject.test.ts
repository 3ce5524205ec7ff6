import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { getBatch } from '../../fixtures/scans/index.js'

// `korrigo process … --subject SUBJECT.pdf`: the exam's blank subject decides where copies start;
// copies.json says so per copy (evidence) and gives each page's page of the subject.
const bin = join(process.cwd(), 'cli', 'bin.js')
const korrigo = (args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('exit', (status) => resolve({ status, stdout, stderr }))
  })

let dir: string
let roster: string
beforeAll(async () => {
  await getBatch('one-line-a4-mini')
  dir = mkdtempSync(join(tmpdir(), 'korrigo-cli-subject-'))
  roster = join(dir, 'roster.csv')
  writeFileSync(roster, 'NOM;Prénom\nMARTIN;Lucas\n')
}, 600_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('korrigo process --subject', () => {
  it('says what --subject does in its help', async () => {
    const help = await korrigo(['process', '--help'])
    expect(help.status).toBe(0)
    expect(help.stdout).toMatch(/--subject SUBJECT\.pdf/)
    expect(help.stdout).toMatch(/evidence/)
  })

  it('cuts on the subject: copies as the truth, each saying the subject decided its start, pages with their subject page', async () => {
    const { path, subjectPath, truth } = await getBatch('one-line-a4-mini')
    const out = join(dir, 'with-subject')
    const res = await korrigo(['process', path, '--roster', roster, '--out', out, '--subject', subjectPath, '--skip-identification'])
    expect(res.stderr).toMatch(/subject: \d+ pages/)
    expect(res.status).toBe(0)
    const json = JSON.parse(readFileSync(join(out, 'copies.json'), 'utf8'))
    expect(json.copies).toHaveLength(truth.copies.length)
    json.copies.forEach((c: any, i: number) => {
      const expected = truth.copies[i]!.pages
      expect(c.pages).toEqual(expected.map((p) => ({ source_page: p.source_page, region: p.region, rotation: p.rotation, blank: p.blank, subject_page: p.subject_page })))
      expect(c.evidence).toEqual({ boundary: 'subject', margin: expect.any(Number), unsure: false })
      // The rest of the contract is unchanged.
      expect(c).toMatchObject({ student: null, confidence: 0, status: 'needs_review', file: `copy-${String(i + 1).padStart(3, '0')}.pdf` })
    })
  }, 600_000)

  it('refuses a subject that is not a usable PDF, naming it', async () => {
    const { path } = await getBatch('one-line-a4-mini')
    const bad = join(dir, 'sujet.pdf')
    writeFileSync(bad, 'not a pdf at all')
    const res = await korrigo(['process', path, '--roster', roster, '--out', join(dir, 'bad'), '--subject', bad])
    expect(res.status).toBe(1)
    expect(res.stderr).toMatch(/sujet\.pdf: .*cannot be used as the blank subject/)
    const missing = await korrigo(['process', path, '--roster', roster, '--out', join(dir, 'bad'), '--subject', join(dir, 'absent.pdf')])
    expect(missing.status).toBe(2)
    expect(missing.stderr).toMatch(/absent\.pdf: cannot read the file/)
  })
})
