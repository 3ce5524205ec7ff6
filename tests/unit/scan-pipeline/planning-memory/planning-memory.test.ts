import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { processScan } from '../../../../plugins/scan-pipeline/lib/index'
import { getBatch } from '../../../../tools/papers/index'

// Issue 16 (worker RSS flat in batch size): planning a big batch holds every side's ink at once. Held one
// byte a pixel, with each side's turned copy and its alignment targets, a 2,000-page batch's planning took
// the worker from 600 MB to 1.3 GB; held 8 pixels a byte and unpacked one side at a time, ~100 MB more.
it('plans a 1,100-page batch without holding its pages unpacked', async () => {
  const { bytes } = await getBatch('a4-mini')
  const { analyses } = await processScan({ bytes, fileName: 'a4-mini.pdf' })
  // The small class's analysed pages, over and over: what a big batch of the same paper gives the planner.
  const rounds = Math.ceil(1100 / analyses.length)
  const big = Array.from({ length: rounds }, (_, round) => analyses.map((a) => ({ ...a, sourcePage: round * analyses.length + a.sourcePage }))).flat()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'korrigo-plan-peak-'))
  try {
    fs.writeFileSync(path.join(dir, 'analyses.json'), JSON.stringify(big))
    const node = path.resolve('node_modules/node/bin/node')
    const out = execFileSync(node, ['--import', 'tsx', path.resolve('tests/unit/scan-pipeline/planning-memory/plan-peak.ts'), path.join(dir, 'analyses.json')], { encoding: 'utf8', maxBuffer: 1 << 20 })
    const { grewMB, copies } = JSON.parse(out) as { grewMB: number; copies: number }
    expect(copies).toBeGreaterThan(200)
    // Measured on this input: ~390 MB held unpacked, ~225 MB packed (what remains is the evidence and the
    // garbage of one side at a time, not the sides themselves).
    expect(grewMB).toBeLessThan(300)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}, 300_000)
