// Child process of planning-memory.test.ts: plans the analyses in the given JSON file and prints how much
// the process's peak RSS (VmHWM) grew while it did — in a process of its own, so no earlier test's peak hides it.
import fs from 'node:fs'

import { planCopies } from '../../../../plugins/scan-pipeline/lib/segment/planCopies'

const hwmMB = () => Number(fs.readFileSync('/proc/self/status', 'utf8').match(/VmHWM:\s+(\d+)/)![1]) / 1024
const analyses = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8'))
const before = hwmMB()
const plan = planCopies({ analyses })
process.stdout.write(JSON.stringify({ grewMB: hwmMB() - before, copies: plan.copies.length }))
