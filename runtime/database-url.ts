import { ConfigError } from './errors'

export type DatabaseKind = 'embedded' | 'postgres' | 'mongodb'

/** DATABASE_URL decides the backend of both Payload and Agenda: unset means the embedded PostgreSQL. */
export const databaseKindOf = (url: string | undefined): DatabaseKind => {
  if (!url) return 'embedded'
  if (/^mongodb(\+srv)?:\/\//.test(url)) return 'mongodb'
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres'
  throw new ConfigError(
    `DATABASE_URL must start with postgres://, postgresql:// or mongodb:// (got "${url.split(':')[0]}:…"); leave it unset for the embedded database.`,
  )
}

/** Adapters that speak SQL (embedded or external PostgreSQL) share every code path but start-up. */
export const isPostgres = (kind: DatabaseKind): boolean => kind !== 'mongodb'
