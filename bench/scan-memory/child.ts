// One ingestion of a batch, in its own process so the parent can read its memory: `memory` is how the job
// read a batch before (the whole file in memory, copied to each analysis worker, pdf-lib assembling),
// `disk` how it reads it now (mupdf's seekable stream from the file, in the workers and for assembly).
import fs from 'node:fs'

import { analyzePages, inspectScanFileIsolated, inspectScanIsolated, mupdfAssembler, openAssembler, openMupdfFile, planCopies } from '../../plugins/scan-pipeline/lib/index'

const [mode, path] = process.argv.slice(2)
const fileName = 'bench.pdf'

const main = async () => {
  const t0 = performance.now()
  let copies = 0
  if (mode === 'memory') {
    const bytes = new Uint8Array(fs.readFileSync(path!))
    const info = await inspectScanIsolated({ bytes, fileName })
    const analyses = await analyzePages({ bytes: info.bytes, fileName })
    const plan = planCopies({ analyses, fileName })
    const assembler = await openAssembler({ sourceBytes: info.bytes })
    for (const copy of plan.copies) copies += (await assembler.assemble(copy.pages)).length > 0 ? 1 : 0
  } else {
    await inspectScanFileIsolated({ path: path!, fileName })
    const analyses = await analyzePages({ path: path!, fileName })
    const plan = planCopies({ analyses, fileName })
    const source = openMupdfFile({ path: path!, fileName })
    try {
      const assembler = mupdfAssembler({ source })
      for (const copy of plan.copies) copies += (await assembler.assemble(copy.pages)).length > 0 ? 1 : 0
    } finally {
      source.destroy()
    }
  }
  process.stdout.write(JSON.stringify({ copies, seconds: (performance.now() - t0) / 1000 }) + '\n')
  process.exit(0)
}

await main()
