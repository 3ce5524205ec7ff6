import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'

import { build, transform } from 'esbuild'

import { TOP_LEVEL_AWAIT_MODULES } from '../../../plugins/scan-pipeline/lib/pool/load-worker.mjs'

// V8 aborts the process when a thread is terminated while a module that waited for another module's
// top-level await is being evaluated (see load-worker.mjs). The worker entries evaluate the modules with a
// top-level await first; this checks that they know every such module the workers load, and that the
// entry modules themselves (workers' and the CLI's) have no top-level await.
const pool = path.join(process.cwd(), 'plugins/scan-pipeline/lib/pool')
/** Identification's thread that cuts page-number spots (from the pool's folder). */
const CROPS_WORKER = '../../../identification/lib/pageNumbers/aside/crops-worker.ts'

const hasTopLevelAwait = async (file: string): Promise<boolean> => {
  const code = await readFile(file, 'utf8')
  if (!code.includes('await')) return false
  try {
    await transform(code, { format: 'cjs', loader: file.endsWith('.ts') ? 'ts' : 'js', logLevel: 'silent' })
    return false
  } catch (error) {
    if (/Top-level await/.test((error as Error).message)) return true
    throw error
  }
}

/** Every module a worker's thread loads, with what each imports. */
const graphOf = async (worker: string) => {
  const { metafile } = await build({
    entryPoints: [path.join(pool, worker)],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    outdir: path.join(pool, 'out'),
    logLevel: 'silent',
    loader: { '.node': 'empty', '.wasm': 'empty' },
  })
  return metafile.inputs
}

/** The package (or project file) each module with a top-level await in a worker's graph belongs to. */
const topLevelAwaitIn = async (worker: string): Promise<string[]> => {
  const inputs = await graphOf(worker)
  const found = new Set<string>()
  for (const input of Object.keys(inputs)) {
    if (!(await hasTopLevelAwait(path.resolve(process.cwd(), input)))) continue
    const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)
    found.add(inPackage ? inPackage[1]! : input)
  }
  return [...found].sort()
}

describe('worker threads can be stopped at any time', () => {
  it.each(['worker.ts', 'inspect-worker.ts', CROPS_WORKER])('every module with a top-level await that %s loads is evaluated before it', async (worker) => {
    const found = await topLevelAwaitIn(worker)
    expect(found.length).toBeGreaterThan(0) // mupdf: the check does see such modules
    expect(found.filter((name) => !TOP_LEVEL_AWAIT_MODULES.includes(name))).toEqual([])
  })

  // Node aborts the process ("close before init", node_zlib.cc) when a thread is stopped between creating a
  // zlib handle and initialising it: a page past its deadline while its streams were measured killed the
  // process. The workers inflate in plain JavaScript (pdf/inflateCapped.ts).
  it.each(['worker.ts', 'inspect-worker.ts', 'subject-worker.ts', CROPS_WORKER])('%s loads no module that uses node:zlib', async (worker) => {
    const inputs = await graphOf(worker)
    const zlibUsers = Object.entries(inputs).filter(([, input]) => input.imports.some((i) => /^(node:)?zlib$/.test(i.path)))
    expect(zlibUsers.map(([file]) => file)).toEqual([])
  })

  it('stops a worker that is inflating at any moment without aborting the process', async () => {
    // Its own process: an abort would take Jest's worker down with it.
    const script = path.join(process.cwd(), 'tests/unit/scan-pipeline/warm-pool/terminate-inflating.mjs')
    const { stdout } = await promisify(execFile)(process.execPath, [script, '100'], { cwd: process.cwd() })
    expect(stdout).toContain('stopped 100')
  }, 120_000)

  it('has no top-level await in the entry modules of the workers and of the CLI', async () => {
    const entries = ['plugins/scan-pipeline/lib/pool/worker-entry.mjs', 'plugins/scan-pipeline/lib/pool/inspect-entry.mjs', 'plugins/identification/lib/pageNumbers/aside/crops-entry.mjs', 'plugins/scan-pipeline/lib/pool/load-worker.mjs', 'cli/bin.js', 'cli/index.ts']
    const withAwait = []
    for (const entry of entries) if (await hasTopLevelAwait(path.join(process.cwd(), entry))) withAwait.push(entry)
    expect(withAwait).toEqual([])
  })
})
