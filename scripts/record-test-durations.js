// Reads a Jest log (the output of `npm test` or `.ci/run`) on stdin and writes how long each test file took
// to scripts/test-durations.json, which the sequencer uses on a fresh clone (no Jest cache) to start the
// longest files first. Usage: `node scripts/record-test-durations.js < ci.log`.
import fs from 'node:fs'

const log = fs.readFileSync(0, 'utf8')
const durations = {}
for (const match of log.matchAll(/^(?:PASS|FAIL) +\S+ +(tests\/\S+) \(([\d.]+) s\)/gm)) durations[match[1]] = Math.round(Number(match[2]))
const sorted = Object.fromEntries(Object.entries(durations).sort(([a], [b]) => a.localeCompare(b)))
fs.writeFileSync(new URL('./test-durations.json', import.meta.url), `${JSON.stringify(sorted, null, 2)}\n`)
console.log(`${Object.keys(sorted).length} files recorded`)
