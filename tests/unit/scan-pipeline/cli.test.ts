import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { encryptPdf, getBatch, writeCacheFile } from '../../fixtures/scans/index.js'

// first run builds the fixtures (cached afterwards); allow for a busy machine
beforeAll(async () => {
  await getBatch('a3-mini')
  await getBatch('a4-mini')
}, 600_000)

const bin = join(process.cwd(), 'cli', 'bin.js')
const korrigo = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 180_000 })

describe('korrigo process', () => {
  let dir: string
  let roster: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'korrigo-cli-'))
    roster = join(dir, 'roster.csv')
    writeFileSync(roster, 'NOM;Prénom;Email\nMARTIN;Lucas;l@x.fr\nBERNARD;Emma;e@x.fr\n')
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('writes copies.json per the contract and one PDF per copy', async () => {
    const { path, truth } = await getBatch('a3-mini')
    const out = join(dir, 'out')
    const res = korrigo(['process', path, '--roster', roster, '--out', out, '--layout', 'a3-booklet', '--skip-identification'])
    expect(res.stderr).toMatch(/roster: 2 students/)
    expect(res.status).toBe(0)
    const json = JSON.parse(readFileSync(join(out, 'copies.json'), 'utf8'))
    expect(json.copies).toHaveLength(truth.copies.length)
    json.copies.forEach((c: any, i: number) => {
      expect(c).toMatchObject({ student: null, confidence: 0, status: 'needs_review', anomalies: [] })
      expect(c.pages.map(({ source_page, region, rotation, blank }: any) => ({ source_page, region, rotation, blank }))).toEqual(truth.copies[i]!.pages)
      expect(Object.keys(c.pages[0]).sort()).toEqual(['blank', 'region', 'rotation', 'source_page'])
      expect(existsSync(join(out, `copy-${String(i + 1).padStart(3, '0')}.pdf`))).toBe(true)
    })
    const first = await PDFDocument.load(readFileSync(join(out, 'copy-001.pdf')))
    expect(first.getPageCount()).toBe(truth.copies[0]!.pages.length)
    expect(first.getPages().map((p) => p.getRotation().angle)).toEqual(truth.copies[0]!.pages.map((p) => p.rotation))
  })

  it('names the students it is sure of, and only those', async () => {
    const { path, truth } = await getBatch('a4-mini')
    const present = truth.copies.flatMap((c) => (c.student ? [c.student] : []))
    const lines = [...present.map((s) => `${s.last_name};${s.first_name}`), 'MARTINS;Lucas', 'DUPOND;Rose']
    const classRoster = join(dir, 'class.csv')
    writeFileSync(classRoster, `Nom;Prénom\n${lines.join('\n')}\n`)
    const out = join(dir, 'named')
    const res = korrigo(['process', path, '--roster', classRoster, '--out', out])
    expect(res.status).toBe(0)
    const json = JSON.parse(readFileSync(join(out, 'copies.json'), 'utf8'))
    expect(json.copies).toHaveLength(truth.copies.length)
    json.copies.forEach((c: any, i: number) => {
      const expected = truth.copies[i]!.student
      if (c.status === 'identified') {
        // never a wrong name
        expect(c.student).toMatchObject({ last_name: expected!.last_name, first_name: expected!.first_name })
        expect(c.confidence).toBeGreaterThan(0)
      } else {
        expect(c).toMatchObject({ status: 'needs_review', student: null })
      }
      if (!expected) expect(c.status).toBe('needs_review')
    })
    expect(json.copies.filter((c: any) => c.status === 'identified').length).toBeGreaterThan(0)
  })

  it('refuses a protected PDF with a clear message and a non-zero exit', async () => {
    const { bytes } = await getBatch('a4-mini')
    const locked = writeCacheFile('locked-cli.pdf', encryptPdf(bytes))
    const res = korrigo(['process', locked, '--roster', roster, '--out', join(dir, 'locked')])
    expect(res.status).toBe(1)
    expect(res.stderr).toMatch(/locked-cli\.pdf: the PDF is password-protected/)
  })

  it('checks its arguments and the roster', () => {
    expect(korrigo(['process']).status).toBe(2)
    expect(korrigo(['process', 'x.pdf', '--roster', roster, '--out', dir, '--layout', 'a5']).stderr).toMatch(/--layout must be one of/)
    const bad = join(dir, 'bad.csv')
    writeFileSync(bad, 'a,b\n1,2\n')
    expect(korrigo(['process', 'x.pdf', '--roster', bad, '--out', dir]).stderr).toMatch(/bad\.csv: .*(Nom|last name)/i)
    expect(korrigo(['nope']).status).toBe(2)
  })
})
