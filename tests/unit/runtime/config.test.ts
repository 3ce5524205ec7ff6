import fs from 'node:fs'
import path from 'node:path'

import { readConfig, variables } from '../../../runtime/config'
import { ConfigError } from '../../../runtime/errors'

const readme = fs.readFileSync(path.join(process.cwd(), 'README.md'), 'utf8')

/** README's configuration table: each row's variable names and the backticked defaults, in order. */
const readmeRows = (): { names: string[]; defaults: string[] }[] => {
  const section = readme.split(/^## Configuration\s*$/m)[1]?.split(/^## /m)[0]
  if (!section) throw new Error('README.md has no "## Configuration" section')
  const ticked = (cell: string) => [...cell.matchAll(/`([^`]*)`/g)].map((m) => m[1]!)
  // The first table of the section (the commands' table follows it).
  const lines = section.split('\n')
  const start = lines.findIndex((line) => line.startsWith('|'))
  const end = lines.findIndex((line, i) => i > start && !line.startsWith('|'))
  return lines
    .slice(start, end < 0 ? undefined : end)
    .filter((line) => /^\|\s*`/.test(line))
    .map((line) => {
      const [names, defaults] = line.split('|').slice(1, 3)
      return { names: ticked(names!), defaults: ticked(defaults!) }
    })
}

describe("README's configuration table", () => {
  const rows = readmeRows()
  const documented = rows.flatMap((row) => row.names)

  it('lists every variable the configuration reads', () => {
    expect(Object.keys(variables).filter((name) => !documented.includes(name))).toEqual([])
  })

  it('lists no variable the configuration does not read', () => {
    expect(documented.filter((name) => !(name in variables))).toEqual([])
  })

  it('gives the defaults the configuration uses', () => {
    const wrong = rows.flatMap(({ names, defaults }) =>
      names.flatMap((name, i) => {
        const fallback = (variables as Record<string, { fallback: unknown }>)[name]?.fallback
        if (typeof fallback !== 'number' && typeof fallback !== 'boolean') return []
        return defaults[i] === String(fallback) ? [] : [`${name}: README says ${defaults[i] ?? 'nothing'}, the configuration ${fallback}`]
      }),
    )
    expect(wrong).toEqual([])
  })
})

describe('readConfig', () => {
  it('gives the defaults when nothing is set, and takes an empty value for unset', () => {
    const config = readConfig({ PORT: '', KORRIGO_DB_POOL: '' })
    expect(config).toMatchObject({ PORT: 3000, KORRIGO_DB_POOL: 10, KORRIGO_WORKER: 'in-process', KORRIGO_TRUST_PROXY: false, DATABASE_URL: undefined })
  })

  it('types what is set', () => {
    const config = readConfig({ PORT: '8080', KORRIGO_TRUST_PROXY: 'true', KORRIGO_WORKER: 'external', KORRIGO_DRAIN_MS: '0', DATABASE_URL: 'postgres://u@h/db' })
    expect(config).toMatchObject({ PORT: 8080, KORRIGO_TRUST_PROXY: true, KORRIGO_WORKER: 'external', KORRIGO_DRAIN_MS: 0, DATABASE_URL: 'postgres://u@h/db' })
  })

  it('refuses bad values, naming every wrong variable, its value and what was expected', () => {
    let error: unknown
    try {
      readConfig({ KORRIGO_DB_POOL: 'ten', PORT: '70000', KORRIGO_TRUST_PROXY: 'maybe', DATABASE_URL: 'mysql://x', KORRIGO_SMTP_URL: 'mail.school.fr', KORRIGO_DRAIN_MS: '1.5', KORRIGO_SCHOOL_YEAR_END: '31-08' })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ConfigError)
    const message = (error as Error).message
    expect(message).toContain('KORRIGO_DB_POOL="ten": expected a whole number from 1 to 1000')
    expect(message).toContain('PORT="70000": expected a whole number from 1 to 65535')
    expect(message).toContain('KORRIGO_TRUST_PROXY="maybe": expected true or false')
    expect(message).toContain('DATABASE_URL="mysql://x": expected postgres://')
    expect(message).toContain('KORRIGO_SMTP_URL="mail.school.fr": expected a URL starting with smtp:// or smtps://')
    expect(message).toContain('KORRIGO_DRAIN_MS="1.5": expected a whole number 0 or more')
    expect(message).toContain('KORRIGO_SCHOOL_YEAR_END="31-08": expected a day as MM-DD')
  })
})

describe('the environment', () => {
  // Product code, not tests, benchmarks, tools or the portal (a browser app).
  const roots = ['runtime', 'jobs', 'collections', 'plugins', 'cli', 'locks', 'storage', 'shared', 'admin-components', 'app', 'server.ts', 'payload.config.ts']
  const allowed = [
    /^runtime\/config\.ts:/,
    // the start-up hands the database it resolved to Next's own bundle of the Payload config
    /^runtime\/boot\.ts:.*process\.env\.DATABASE_URL = /,
    // PaddleOCR's child process reads what it inherits (its tuning variable is in the configuration too)
    /^plugins\/identification\/lib\/ocr\/paddleWorker\.mjs:/,
    // developers' debug switches (console output), not configuration
    /process\.env\.KORRIGO_DEBUG_[A-Z_]+/,
  ]
  const files = (entry: string): string[] => {
    const full = path.join(process.cwd(), entry)
    if (!fs.existsSync(full)) return []
    if (fs.statSync(full).isFile()) return /\.(ts|tsx|js|mjs)$/.test(entry) ? [entry] : []
    return fs.readdirSync(full).filter((name) => name !== 'node_modules' && !name.startsWith('.')).flatMap((name) => files(path.join(entry, name)))
  }

  it('is read by runtime/config.ts only', () => {
    const reads = roots
      .flatMap(files)
      .flatMap((file) =>
        fs
          .readFileSync(path.join(process.cwd(), file), 'utf8')
          .split('\n')
          .flatMap((line, i) => (/process\.env\b/.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
      )
      .filter((read) => !allowed.some((rule) => rule.test(read)))
    expect(reads).toEqual([])
  })
})
