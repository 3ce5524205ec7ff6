// Jest runs in native ESM mode (Payload is ESM-only, with top-level await), TypeScript compiled by swc.
// Three projects, run together by `npm test` and one at a time by `npm run test:unit|test:int|test:e2e`.
import os from 'node:os'

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2022',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'es6' },
  },
]

const project = (name) => ({
  displayName: name,
  // Jest's node environment with an ordinary global object: global names read in hot loops cost 60× less
  testEnvironment: '<rootDir>/scripts/jest-environment.cjs',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.tsx?$': swc },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: [`<rootDir>/tests/${name}/**/*.test.ts`, `<rootDir>/tests/${name}/**/*.test.tsx`],
  // Anchored at the root: CI may clone into a folder whose own path contains tmp/ or data/.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/portal/dist/', '<rootDir>/.next/', '<rootDir>/data/', '<rootDir>/tmp/'],
  modulePathIgnorePatterns: ['<rootDir>/.next/', '<rootDir>/data/'],
})

export default {
  projects: [project('unit'), project('int'), project('e2e')],
  testTimeout: 120_000,
  // Longest files first (timings of earlier runs, else the slow ones we know), so none starts last.
  testSequencer: '<rootDir>/scripts/jest-sequencer.js',
  // Test files wait on PostgreSQL, jobs, OCR children and browsers as much as they compute: more workers
  // than cores keeps both cores busy. Each worker holds a Payload (~1 GB with OCR), well within 24 GB.
  maxWorkers: Number(process.env.KORRIGO_TEST_WORKERS) || Math.max(2, Math.min(4, os.availableParallelism() + 1)),
  // Payload and Agenda leave timers that outlive a closed runtime; the suites close what they open.
  forceExit: true,
}
