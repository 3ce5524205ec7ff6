import type { AnnotationDoc, Id } from '../../api/types'
import type { AnnotationShape } from '../model'

/** One annotation as the page knows it: `id`/`version` are the server's, absent until it is created there. */
export type Item = { localId: string; id?: Id; version?: number; author?: Id | null; clientKey?: string | null; shape: AnnotationShape }

/** A change waiting to reach the server. Persisted in localStorage, so it must stay plain JSON. */
export type Op = {
  localId: string
  type: 'create' | 'update' | 'delete'
  id?: Id
  shape?: AnnotationShape
  /** The server version this edit was made on; unknown while an earlier write of the same annotation is in flight. */
  baseVersion?: number
  /** A create that has left at least once: its answer may have been lost, so look for it before sending again. */
  sent?: boolean
}

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'offline' | 'error'
export type SaveState = { status: SaveStatus; pending: number; message?: string }

export type Conflict = { localId: string; message: string; mine: AnnotationShape | null }

export type Snapshot = {
  items: Item[]
  save: SaveState
  conflicts: Conflict[]
  canUndo: boolean
  canRedo: boolean
}

export type Transport = {
  create: (body: Record<string, unknown>) => Promise<AnnotationDoc>
  update: (id: Id, body: Record<string, unknown>) => Promise<AnnotationDoc>
  /** `version`: the one this deletion was decided on (409 if the annotation changed since). */
  remove: (id: Id, version?: number) => Promise<void>
  /** The annotation an earlier create with this key made, if it reached the server. */
  findByClientKey: (clientKey: string) => Promise<AnnotationDoc | null>
  /** null when the annotation no longer exists. */
  fetch: (id: Id) => Promise<AnnotationDoc | null>
}

/** Where the queue survives a reload (localStorage in the browser, a Map in tests). */
export type QueueStorage = { load: () => Op[]; save: (ops: Op[]) => void }
