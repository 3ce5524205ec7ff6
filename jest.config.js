// Jest runs in native ESM mode (Payload is ESM-only, with top-level await), TypeScript compiled by swc.
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

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.tsx?$': swc },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // Anchored at the root: CI may clone into a folder whose own path contains tmp/ or data/.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/portal/dist/', '<rootDir>/.next/', '<rootDir>/data/', '<rootDir>/tmp/'],
  modulePathIgnorePatterns: ['<rootDir>/.next/', '<rootDir>/data/'],
  testTimeout: 120000,
  // Payload and Agenda leave timers that outlive a closed runtime; the suites close what they open.
  forceExit: true,
}
