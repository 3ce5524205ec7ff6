import type { Config, Payload, PayloadRequest } from 'payload'

/**
 * Extension points for school plugins. A plugin adds callbacks with `addKorrigoHooks`; they live in
 * `config.custom.korrigo.hooks` and are called, in the order added, from the copies' and exams'
 * afterChange hooks, which the core collections carry whatever plugins are enabled (a school's
 * callbacks do not depend on publication being on). A failing callback is logged and never undoes the
 * change that triggered it.
 */
export type CopyFinalizedArgs = { copy: Record<string, any>; payload: Payload; req: PayloadRequest }
export type ExamPublishedArgs = { exam: Record<string, any>; payload: Payload; req?: PayloadRequest }

export type KorrigoHooks = {
  onCopyFinalized: ((args: CopyFinalizedArgs) => void | Promise<void>)[]
  onExamPublished: ((args: ExamPublishedArgs) => void | Promise<void>)[]
}

type Custom = { korrigo?: { hooks?: Partial<KorrigoHooks> } & Record<string, unknown> }

export const korrigoHooksOf = (config: { custom?: Record<string, any> }): KorrigoHooks => {
  const hooks = (config.custom as Custom | undefined)?.korrigo?.hooks
  return { onCopyFinalized: hooks?.onCopyFinalized ?? [], onExamPublished: hooks?.onExamPublished ?? [] }
}

export const addKorrigoHooks = (
  config: Config,
  hooks: { onCopyFinalized?: KorrigoHooks['onCopyFinalized'][number]; onExamPublished?: KorrigoHooks['onExamPublished'][number] },
): Config => {
  const korrigo = ((config.custom as Custom | undefined)?.korrigo ?? { jobs: [] }) as NonNullable<Custom['korrigo']>
  const current = korrigoHooksOf(config)
  const next: KorrigoHooks = {
    onCopyFinalized: hooks.onCopyFinalized ? [...current.onCopyFinalized, hooks.onCopyFinalized] : current.onCopyFinalized,
    onExamPublished: hooks.onExamPublished ? [...current.onExamPublished, hooks.onExamPublished] : current.onExamPublished,
  }
  return { ...config, custom: { ...config.custom, korrigo: { ...korrigo, hooks: next } } }
}

/** Runs every callback of one hook; errors are logged with the hook's name, not thrown. */
export const runKorrigoHook = async <K extends keyof KorrigoHooks>({
  name,
  payload,
  args,
}: {
  name: K
  payload: Payload
  args: Parameters<KorrigoHooks[K][number]>[0]
}): Promise<void> => {
  for (const callback of korrigoHooksOf(payload.config)[name]) {
    try {
      await (callback as (a: typeof args) => unknown)(args)
    } catch (error) {
      payload.logger.error({ err: error, hook: name }, `a ${name} callback failed`)
    }
  }
}
