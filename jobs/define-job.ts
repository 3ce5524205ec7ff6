import type { Config } from 'payload'

import type { JobDefinition, KorrigoCustomConfig } from './types'

export const defineJob = <Data>(definition: JobDefinition<Data>): JobDefinition<Data> => definition

/** Lets a plugin contribute jobs without knowing about Agenda: the runtime picks them up from the config. */
export const addJobs = (config: Config, jobs: JobDefinition<any>[]): Config => {
  const korrigo = (config.custom?.korrigo ?? { jobs: [] }) as KorrigoCustomConfig
  return { ...config, custom: { ...config.custom, korrigo: { ...korrigo, jobs: [...korrigo.jobs, ...jobs] } } }
}

export const jobsOf = (config: { custom?: Record<string, any> }): JobDefinition<any>[] =>
  ((config.custom?.korrigo as KorrigoCustomConfig | undefined)?.jobs ?? []) as JobDefinition<any>[]
