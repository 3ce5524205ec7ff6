import type { JobDefinition } from './types'

/** The key under which a job's data carries the version of the definition that queued it. */
export const JOB_VERSION_KEY = 'jobVersion'

/** Kept on globalThis like the queue itself: Next's bundled copy of the hooks enqueues too. */
const slot = globalThis as { __korrigoJobVersions?: Map<string, number> }

export const registerJobVersions = (definitions: Pick<JobDefinition, 'name' | 'version'>[]): void => {
  slot.__korrigoJobVersions = new Map(definitions.map((d) => [d.name, d.version]))
}

/** The data as queued: stamped with the job's current version when this process knows it. */
export const stampVersion = (name: string, data: Record<string, unknown>): Record<string, unknown> => {
  const version = slot.__korrigoJobVersions?.get(name)
  return version === undefined ? data : { ...data, [JOB_VERSION_KEY]: version }
}

/**
 * Why a queued job cannot run with this definition, or undefined. Data queued by another version of the
 * code (before an upgrade, by a newer worker) may not mean what this handler expects: it fails, saying
 * so, rather than doing the wrong thing; unstamped data (queued by hand) is taken as current.
 */
export const versionProblem = (definition: Pick<JobDefinition, 'name' | 'version'>, data: unknown): string | undefined => {
  const stamped = (data as Record<string, unknown> | null | undefined)?.[JOB_VERSION_KEY]
  if (stamped === undefined || stamped === definition.version) return undefined
  return `job "${definition.name}" was queued for version ${JSON.stringify(stamped)} of its definition, this worker runs version ${definition.version}: queue it again (Agendash, or POST /api/korrigo/jobs/${definition.name})`
}
