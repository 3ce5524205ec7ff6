// Longest test files first, so that no long file starts last and leaves the other workers idle. Jest knows
// the durations of files it has run before (its cache); a fresh clone has no cache, so a file then weighs
// what its kind usually costs: a browser test boots the production app and a browser, an integration test
// boots Payload, a unit test runs in-process (the larger, the longer).
import Sequencer from '@jest/test-sequencer'

const BaseSequencer = Sequencer.default ?? Sequencer

const weightOfKind = { e2e: 60, int: 25, unit: 2 }

export default class LongestFirst extends BaseSequencer {
  sort(tests) {
    const estimate = (test) => {
      const known = this.time(test)
      if (known != null) return known / 1000
      const kind = /\/tests\/(unit|int|e2e)\//.exec(test.path)?.[1] ?? 'unit'
      const size = test.context.hasteFS.getSize(test.path) ?? 0
      return weightOfKind[kind] * (1 + size / 20_000)
    }
    return [...tests].map((test) => ({ test, seconds: estimate(test) })).sort((a, b) => b.seconds - a.seconds).map(({ test }) => test)
  }
}
