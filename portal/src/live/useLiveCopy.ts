import { useEffect, useRef } from 'react'

import { api, query } from '../api/client'
import type { AnnotationDoc, Copy, Grade, Id, Page } from '../api/types'
import type { AnnotationStore } from '../annotations/store'
import { sameVersions } from './sameVersions'

/** How often the open copy asks whether a colleague changed it; `korrigo.liveMs` in localStorage overrides (0: off). */
export const LIVE_MS = 3_000

const interval = (): number => {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem('korrigo.liveMs')
  return stored === null || !Number.isFinite(Number(stored)) ? LIVE_MS : Number(stored)
}

type Versions = { status: string; total: number | null; grades: [Id, number][]; annotations: [Id, number][] }

type Args = {
  copy: Copy
  store: AnnotationStore
  grades: Record<string, Grade>
  /** True while this tab's own grade saves are on their way: their answers bring the new versions. */
  gradesBusy: () => boolean
  reloadGrades: () => Promise<void>
  refreshCopy: () => Promise<unknown>
}

/**
 * A colleague's change to the open copy shows without a reload: every few seconds (while the tab is visible)
 * one small request compares the copy's grade and annotation versions, status and total with what is on
 * screen, and only what moved is fetched again. Nothing is merged over this tab's own unsent edits.
 */
export const useLiveCopy = (args: Args) => {
  const latest = useRef(args)
  latest.current = args
  useEffect(() => {
    const every = interval()
    if (!every) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout>
    const tick = async () => {
      const { copy, store, gradesBusy, reloadGrades, refreshCopy } = latest.current
      if (document.visibilityState !== 'visible') return
      const versions = await api.get<Versions>(`/api/correction/copies/${copy.id}/versions`)
      if (stopped) return
      const mine = Object.values(latest.current.grades).filter((g) => g.id !== undefined).map((g): [Id, number] => [g.id, g.version ?? 1])
      if (!gradesBusy() && !sameVersions(versions.grades, mine)) await reloadGrades()
      if (versions.status !== copy.status || (versions.total ?? null) !== (copy.total ?? null)) await refreshCopy()
      const shown = store.getSnapshot()
      const saved = shown.items.filter((i) => i.id !== undefined).map((i): [Id, number | undefined] => [i.id!, i.version])
      if (shown.save.status === 'saved' && !sameVersions(versions.annotations, saved)) {
        const docs = await api.get<Page<AnnotationDoc>>(`/api/annotations?${query({ 'where[copy][equals]': copy.id, depth: 0, pagination: false })}`)
        // Our own edits may have started while it was read: the store keeps them over what came back.
        if (!stopped) store.mergeRemote(docs.docs)
      }
    }
    const loop = () => {
      timer = setTimeout(() => {
        tick()
          .catch(() => undefined)
          .finally(() => !stopped && loop())
      }, every)
    }
    loop()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [args.copy.id])
}
