import { checkDependencies } from 'payload'

import { config, disablePayloadDependencyCheck } from '../runtime/config'

/**
 * Payload packages installed at another version than payload itself, on purpose: Payload's S3 adapter has no
 * release for payload's patch version (storage-s3 3.90.1 beside payload 3.90.2; package.json's `overrides`
 * let npm accept its exact peer). They must agree with each other.
 */
const LAGGING = ['@payloadcms/storage-s3', '@payloadcms/plugin-cloud-storage']

/** The other Payload packages this project installs (package.json): all at payload's version. */
const MATCHING = [
  'payload',
  '@payloadcms/db-mongodb',
  '@payloadcms/db-postgres',
  '@payloadcms/drizzle',
  '@payloadcms/graphql',
  '@payloadcms/next/utilities',
  '@payloadcms/richtext-lexical',
  '@payloadcms/translations',
  '@payloadcms/ui/shared',
]

/**
 * Outside production, Payload checks at start that every Payload package installed has payload's version,
 * and fails the process otherwise — the S3 adapter included, even unused. That check is turned off
 * (Payload's own switch) and the same check runs here, the lagging adapter in a group of its own: a
 * mismatch among the others still fails the start, as it did. Call it before Payload starts.
 */
export const checkPayloadVersions = (): void => {
  if (config().NODE_ENV === 'production') return
  disablePayloadDependencyCheck()
  void checkDependencies({
    dependencyGroups: [
      { name: 'payload', dependencies: MATCHING, targetVersionDependency: 'payload' },
      { name: '@payloadcms/storage-s3', dependencies: LAGGING, targetVersionDependency: '@payloadcms/storage-s3' },
    ],
  })
}
