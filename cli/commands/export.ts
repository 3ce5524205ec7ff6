import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

const USAGE =
  'usage: korrigo export EXAM_ID [--format csv|csv-comma|xlsx|pronote|<plugin format>] [--columns anonymousId,lastName,questions,total,outOf20] [--rounding hundredth|tenth|quarter|half|<plugin rule>] [--out FILE]'

/** Exports an exam's results from the app's database (DATABASE_URL or the embedded one), as the admin endpoint does. */
export const run = async (argv: string[]): Promise<number> => {
  let values: { format?: string; columns?: string; rounding?: string; out?: string }
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { format: { type: 'string', default: 'csv' }, columns: { type: 'string' }, rounding: { type: 'string' }, out: { type: 'string' } },
    }) as { values: typeof values; positionals: string[] })
  } catch (err) {
    process.stderr.write(`korrigo export: ${(err as Error).message}\n${USAGE}\n`)
    return 2
  }
  const [examId] = positionals
  if (!examId) {
    process.stderr.write(`${USAGE}\n`)
    return 2
  }
  const { bootRuntime } = await import('../../runtime/boot')
  const { exportExam, parseColumns } = await import('../../plugins/exports/services/exportExam')
  const runtime = await bootRuntime({ name: 'korrigo-export', processJobs: false })
  try {
    const file = await exportExam({
      payload: runtime.payload,
      examId: /^\d+$/.test(examId) ? Number(examId) : examId,
      format: values.format ?? 'csv',
      columns: parseColumns(values.columns),
      rounding: values.rounding,
    })
    const out = values.out ?? file.fileName
    if (out === '-') process.stdout.write(Buffer.from(file.bytes))
    else {
      writeFileSync(out, file.bytes)
      process.stderr.write(`${out}: ${file.rows} copies\n`)
    }
    await (await import('../../plugins/audit/index')).recordAuditEvent({ payload: runtime.payload, actor: { type: 'cli', label: (await import('node:os')).userInfo().username }, action: 'exam.export', target: { collection: 'exams', id: examId }, details: { format: values.format ?? 'csv', via: 'cli', rows: file.rows } })
    return 0
  } catch (err) {
    process.stderr.write(`korrigo export: ${(err as Error).message}\n`)
    const status = (err as { status?: number }).status
    return status !== undefined && status >= 400 && status < 500 ? 2 : 1
  } finally {
    await runtime.stop()
  }
}
