import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

const USAGE = 'usage: korrigo booklets EXAM_ID [--layout a4|a3] [--blank N] [--out FILE]'

const HELP = `${USAGE}

Prints an exam's prepared booklets from the app's database (DATABASE_URL or the embedded one), as the
exam's "Livrets" tab does: one booklet per student of the exam's class with the name printed, plus N blank
ones with name boxes, the exam's blank subject as background and a QR code on every page. The booklet
numbers are recorded on the exam, so the scans of these booklets are cut, ordered and named by their codes.

  --layout L     a4 (default: one page per A4 side) or a3 (A3 sheets imposed to fold into booklets)
  --blank N      extra blank booklets (default 0)
  --out FILE     where the PDF goes (default livrets-<exam>-<layout>.pdf; - for standard output)
  -h, --help     this help
`

export const run = async (argv: string[]): Promise<number> => {
  let values: { layout?: string; blank?: string; out?: string; help?: boolean }
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { layout: { type: 'string', default: 'a4' }, blank: { type: 'string', default: '0' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
    }) as { values: typeof values; positionals: string[] })
  } catch (err) {
    process.stderr.write(`korrigo booklets: ${(err as Error).message}\n${USAGE}\n`)
    return 2
  }
  if (values.help) {
    process.stdout.write(HELP)
    return 0
  }
  const [examId] = positionals
  if (!examId || !/^\d+$/.test(values.blank ?? '0')) {
    process.stderr.write(`${USAGE}\n`)
    return 2
  }
  const { bootRuntime } = await import('../../runtime/boot')
  const { printExamBooklets } = await import('../../plugins/scan-pipeline/services/booklets/printExamBooklets')
  const runtime = await bootRuntime({ name: 'korrigo-booklets', processJobs: false })
  try {
    const file = await printExamBooklets({
      payload: runtime.payload,
      examId: /^\d+$/.test(examId) ? Number(examId) : examId,
      layout: values.layout as 'a4' | 'a3',
      blank: Number(values.blank ?? 0),
    })
    const out = values.out ?? file.fileName
    if (out === '-') process.stdout.write(Buffer.from(file.pdf))
    else {
      writeFileSync(out, file.pdf)
      process.stderr.write(`${out}: ${file.named} named booklets, ${file.blank} blank\n`)
    }
    return 0
  } catch (err) {
    process.stderr.write(`korrigo booklets: ${(err as Error).message}\n`)
    const status = (err as { status?: number }).status
    return status !== undefined && status >= 400 && status < 500 ? 2 : 1
  } finally {
    await runtime.stop()
  }
}
