import { spawnProject } from '../e2e/helpers/processes'
import { getBatch } from '../fixtures/scans'
import { createTestDatabase, type TestDatabase } from './helpers/database'

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

/** `npx korrigo demo` against a fresh database: a newcomer's first command after installing. */
let database: TestDatabase
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'korrigo-demo-'))

beforeAll(async () => {
  // Not the migrated template: a newcomer's first start runs every migration.
  database = await createTestDatabase({ migrated: false })
})
afterAll(async () => {
  await database?.drop()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

const demo = async (args: string[] = []) => {
  const child = spawnProject({ command: 'npx', args: ['korrigo', 'demo', ...args], env: { DATABASE_URL: database.url, KORRIGO_DATA_DIR: dataDir, PAYLOAD_SECRET: 'demo-test' } })
  const code = await new Promise<number | null>((resolve) => child.child.once('exit', resolve))
  return { code, output: child.output() }
}

const count = async (table: string, where = 'true') => {
  const client = new pg.Client({ connectionString: database.url })
  await client.connect()
  try {
    return Number((await client.query(`SELECT count(*) AS n FROM ${table} WHERE ${where}`)).rows[0].n)
  } finally {
    await client.end()
  }
}

it('fills an empty database with a processed demo exam, then refuses to run twice', async () => {
  // What the demo is made of (`--size small`): the generator's batch, from its cache once built.
  const { truth, roster } = await getBatch('framed-a3-mini')
  const first = await demo()
  expect(first.output).toContain(`Demo ready: "Contrôle de mathématiques (démo)", ${truth.copies.length} copies from ${truth.pageCount} scanned pages, ${roster.length} students.`)
  expect(first.code).toBe(0)
  expect(first.output).toMatch(/admin@korrigo\.demo \/ \S+/)
  expect(await count('exams')).toBe(1)
  expect(await count('copies')).toBe(truth.copies.length)
  expect(await count('copies', 'pdf_id IS NOT NULL')).toBe(truth.copies.length)
  expect(await count('students')).toBe(roster.length)

  const second = await demo()
  expect(second.code).toBe(1)
  expect(second.output).toMatch(/already has exams/)
  expect(await count('exams')).toBe(1)
}, 600_000)
