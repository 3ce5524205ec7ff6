// Longest test files first, so that no long file starts last and leaves the other workers idle. Jest knows
// the durations of files it has run before (its cache); a fresh clone has no cache, so a file then weighs
// what it took in a recorded CI run (test-durations.json), else what its kind usually costs: a browser test
// boots the production app and a browser, an integration test boots Payload, a unit test runs in-process
// (the larger, the longer).
import fs from 'node:fs'
import path from 'node:path'

import Sequencer from '@jest/test-sequencer'

const BaseSequencer = Sequencer.default ?? Sequencer

const weightOfKind = { e2e: 60, int: 25, unit: 2 }

/** Seconds each file took in a recorded CI run (scripts/record-test-durations.js), relative to the root. */
const recorded = (() => {
  try {
    return JSON.parse(fs.readFileSync(new URL('./test-durations.json', import.meta.url), 'utf8'))
  } catch {
    return {}
  }
})()

const readsBatches = (file) => {
  try {
    return /\b(getBatch|processScan|analyzePages)\(/.test(fs.readFileSync(file, 'utf8'))
  } catch {
    return false
  }
}

export default class LongestFirst extends BaseSequencer {
  sort(tests) {
    const estimate = (test) => {
      const known = this.time(test)
      if (known != null) return known / 1000
      const measured = recorded[path.relative(test.context.config.rootDir, test.path).split(path.sep).join('/')]
      if (measured != null) return measured
      const kind = /\/tests\/(unit|int|e2e)\//.exec(test.path)?.[1] ?? 'unit'
      const size = test.context.hasteFS.getSize(test.path) ?? 0
      // A unit test that cuts or reads whole generated batches costs minutes, not seconds.
      const weight = kind === 'unit' && readsBatches(test.path) ? weightOfKind.int : weightOfKind[kind]
      return weight * (1 + size / 20_000)
    }
    return [...tests].map((test) => ({ test, seconds: estimate(test) })).sort((a, b) => b.seconds - a.seconds).map(({ test }) => test)
  }
}
