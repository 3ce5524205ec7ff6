import { ApiError } from '../../api/errors'
import type { AnnotationDoc } from '../../api/types'
import { migrateAnnotation, toStored, type AnnotationShape } from '../model'
import { enqueue, rebase } from './queue'
import type { Conflict, Item, Op, QueueStorage, SaveState, Snapshot, Transport } from './types'

type Change = { localId: string; before: AnnotationShape | null; after: AnnotationShape | null }

const serverLocalId = (id: unknown) => `s:${id}`
let counter = 0
const newLocalId = () => `l:${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`

export const itemFromDoc = (doc: AnnotationDoc): Item | null => {
  try {
    return { localId: serverLocalId(doc.id), id: doc.id, version: doc.version, author: doc.author ?? null, clientKey: doc.clientKey ?? null, shape: migrateAnnotation(doc) }
  } catch {
    return null // a record from a newer portal: leave it alone rather than guess
  }
}

/**
 * The annotations of one copy and the road of their changes to the server: applied locally at once,
 * queued, sent in order after a short pause, retried while the network is down, and stopped — not
 * overwritten — when the server says someone else changed the same annotation (409).
 */
export class AnnotationStore {
  private items = new Map<string, Item>()
  private ops: Op[]
  private inFlight?: Op
  private undoStack: Change[] = []
  private redoStack: Change[] = []
  private conflicts: Conflict[] = []
  private save: SaveState = { status: 'saved', pending: 0 }
  private listeners = new Set<() => void>()
  private snapshot!: Snapshot
  private timer?: ReturnType<typeof setTimeout>
  private retryDelay = 0
  private running?: Promise<void>
  private disposed = false

  constructor(
    private readonly options: {
      copy: string | number
      docs: AnnotationDoc[]
      transport: Transport
      storage: QueueStorage
      debounceMs?: number
      readOnly?: boolean
      onSaved?: () => void
    },
  ) {
    for (const doc of options.docs) {
      const item = itemFromDoc(doc)
      if (item) this.items.set(item.localId, item)
    }
    this.ops = this.replay(options.storage.load())
    this.publish()
  }

  /** Edits left in the queue by an earlier visit, laid over what the server has now. */
  private replay(ops: Op[]): Op[] {
    // A create whose answer was lost (a reload mid-request) already has its record on the server, with our key.
    const landed = new Map([...this.items.values()].filter((i) => i.clientKey).map((i) => [i.clientKey!, i]))
    return ops.map((queued) => {
      const found = queued.id === undefined ? landed.get(queued.localId) : undefined
      const op: Op = found
        ? queued.type === 'create'
          ? { localId: found.localId, type: 'update', id: found.id, shape: queued.shape, baseVersion: found.version }
          : { ...queued, localId: found.localId, id: found.id, baseVersion: queued.baseVersion ?? found.version }
        : queued
      const localId = op.id !== undefined ? serverLocalId(op.id) : op.localId
      const existing = this.items.get(localId) ?? this.items.get(op.localId)
      const key = existing?.localId ?? localId
      if (op.type === 'delete') this.items.delete(key)
      else if (op.shape) this.items.set(key, { ...(existing ?? { localId: key }), shape: op.shape })
      return { ...op, localId: key }
    })
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): Snapshot => this.snapshot

  private publish(): void {
    const pending = this.ops.length
    if (this.save.status === 'saved' && pending) this.save = { status: 'pending', pending }
    else this.save = { ...this.save, pending }
    this.snapshot = {
      items: [...this.items.values()],
      save: this.save,
      conflicts: this.conflicts,
      canUndo: this.undoStack.length > 0,
      canRedo: this.redoStack.length > 0,
    }
    this.options.storage.save(this.ops)
    for (const listener of this.listeners) listener()
  }

  get readOnly(): boolean {
    return Boolean(this.options.readOnly)
  }

  add(shape: AnnotationShape): string {
    const localId = newLocalId()
    this.record({ localId, before: null, after: shape })
    return localId
  }

  update(localId: string, shape: AnnotationShape): void {
    const before = this.items.get(localId)?.shape
    if (before) this.record({ localId, before, after: shape })
  }

  remove(localId: string): void {
    const before = this.items.get(localId)?.shape
    if (before) this.record({ localId, before, after: null })
  }

  undo(): void {
    const change = this.undoStack.pop()
    if (!change) return
    this.apply(change.localId, change.before)
    this.redoStack.push(change)
    this.publish()
  }

  redo(): void {
    const change = this.redoStack.pop()
    if (!change) return
    this.apply(change.localId, change.after)
    this.undoStack.push(change)
    this.publish()
  }

  private record(change: Change): void {
    if (this.readOnly) return
    this.apply(change.localId, change.after)
    this.undoStack.push(change)
    if (this.undoStack.length > 200) this.undoStack.shift()
    this.redoStack = []
    this.publish()
  }

  /** Makes the local state say `shape` (null: gone) and queues what the server needs to agree. */
  private apply(localId: string, shape: AnnotationShape | null): void {
    const item = this.items.get(localId)
    let op: Op
    if (!shape) {
      if (!item) return
      this.items.delete(localId)
      const busy = this.inFlight?.localId === localId || this.ops.some((o) => o.localId === localId)
      op = { localId, type: 'delete', id: item.id, baseVersion: busy ? undefined : item.version }
    } else if (!item) {
      this.items.set(localId, { localId, shape })
      op = { localId, type: 'create', shape }
    } else {
      this.items.set(localId, { ...item, shape })
      const busy = this.inFlight?.localId === localId || this.ops.some((o) => o.localId === localId)
      op = item.id === undefined && !busy ? { localId, type: 'create', shape } : { localId, type: 'update', id: item.id, shape, baseVersion: busy ? undefined : item.version }
    }
    this.ops = enqueue({ ops: this.ops, op, inFlight: this.inFlight })
    this.schedule(this.options.debounceMs ?? 600)
  }

  private schedule(delay: number): void {
    if (this.disposed) return
    clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.flush(), delay)
  }

  /** Sends the queue now (on mount for edits left by an earlier visit, when the network comes back, before leaving). */
  flush = (): Promise<void> => {
    if (this.disposed) return Promise.resolve()
    this.running ??= this.drain().finally(() => {
      this.running = undefined
    })
    return this.running
  }

  private async drain(): Promise<void> {
    let sent = 0
    while (this.ops.length && !this.disposed) {
      sent++
      let op = this.ops[0]!
      const resent = op.type === 'create' && op.sent === true
      if (op.type === 'create' && !op.sent) {
        // Marked (and saved) before it leaves: after a lost answer or a reload we will know to look first.
        op = { ...op, sent: true }
        this.ops = [op, ...this.ops.slice(1)]
      }
      this.inFlight = op
      this.save = { status: 'saving', pending: this.ops.length }
      this.publish()
      try {
        const doc = await this.send(op, { resent })
        this.ops = this.ops.filter((o) => o !== op)
        if (doc) this.afterWrite(op.localId, doc)
        this.retryDelay = 0
        this.save = { status: this.ops.length ? 'saving' : 'saved', pending: this.ops.length }
      } catch (err) {
        const error = err instanceof ApiError ? err : new ApiError(0, (err as Error).message)
        if (error.isNetwork) {
          this.inFlight = undefined
          this.retryDelay = Math.min(this.retryDelay ? this.retryDelay * 2 : 1000, 15000)
          this.save = { status: 'offline', pending: this.ops.length, message: error.message }
          this.publish()
          this.schedule(this.retryDelay)
          return
        }
        this.ops = this.ops.filter((o) => o !== op)
        if (error.status === 409) await this.conflict(op, error)
        else if (error.status === 404 && op.type === 'delete') {
          // already gone: what we wanted
        } else this.save = { status: 'error', pending: this.ops.length, message: error.message }
      } finally {
        this.inFlight = undefined
      }
      this.publish()
    }
    if (sent && this.save.status !== 'error' && this.save.status !== 'offline') this.options.onSaved?.()
  }

  private async send(op: Op, { resent = false } = {}): Promise<AnnotationDoc | undefined> {
    const item = this.items.get(op.localId)
    if (op.type === 'create') {
      const earlier = resent ? await this.options.transport.findByClientKey(op.localId) : null
      if (earlier) return this.options.transport.update(earlier.id, { ...toStored(op.shape!), version: earlier.version })
      return this.options.transport.create({ ...toStored(op.shape!), copy: this.options.copy, clientKey: op.localId })
    }
    if (op.type === 'update') {
      const id = op.id ?? item?.id
      if (id === undefined) throw new ApiError(400, 'Annotation without id')
      return this.options.transport.update(id, { ...toStored(op.shape!), version: op.baseVersion ?? item?.version })
    }
    const id = op.id ?? item?.id
    if (id !== undefined) await this.options.transport.remove(id, op.baseVersion)
    return undefined
  }

  private afterWrite(localId: string, doc: AnnotationDoc): void {
    const item = this.items.get(localId)
    if (item) this.items.set(localId, { ...item, id: doc.id, version: doc.version, author: doc.author ?? item.author })
    this.ops = rebase({ ops: this.ops, localId, id: doc.id, version: doc.version })
  }

  /** Someone else saved this annotation since we read it: show theirs, keep ours aside for the teacher to choose. */
  private async conflict(op: Op, error: ApiError): Promise<void> {
    const mine = op.type === 'delete' ? null : (this.items.get(op.localId)?.shape ?? op.shape ?? null)
    this.ops = this.ops.filter((o) => o.localId !== op.localId)
    await this.loadTheirs(op.localId, op.id ?? this.items.get(op.localId)?.id)
    this.conflicts = [...this.conflicts.filter((c) => c.localId !== op.localId), { localId: op.localId, message: error.message, mine }]
    this.save = { status: 'error', pending: this.ops.length, message: error.message }
  }

  private async loadTheirs(localId: string, id: Item['id']): Promise<void> {
    const theirs = id === undefined ? null : await this.options.transport.fetch(id).catch(() => null)
    const item = theirs && itemFromDoc(theirs)
    if (item) this.items.set(localId, { ...item, localId })
    else this.items.delete(localId)
  }

  /** The teacher chose: re-apply their version on top of the server's, or accept the server's. */
  resolve(localId: string, choice: 'mine' | 'theirs'): void {
    const conflict = this.conflicts.find((c) => c.localId === localId)
    if (!conflict) return
    this.conflicts = this.conflicts.filter((c) => c !== conflict)
    if (choice === 'mine') {
      const item = this.items.get(localId)
      if (conflict.mine === null) this.apply(localId, null)
      else if (item) this.apply(localId, conflict.mine)
      else {
        // theirs was deleted: bring ours back as a new annotation
        this.apply(localId, conflict.mine)
      }
    }
    if (!this.conflicts.length && this.save.status === 'error') this.save = { status: this.ops.length ? 'pending' : 'saved', pending: this.ops.length }
    this.undoStack = this.undoStack.filter((c) => c.localId !== localId)
    this.redoStack = this.redoStack.filter((c) => c.localId !== localId)
    this.publish()
  }

  /**
   * What colleagues saved meanwhile (live refresh): new annotations appear, changed ones take the server's
   * shape and version, deleted ones go. An annotation with an edit of ours queued, in flight or in conflict
   * keeps ours: its version check settles it when it is sent. Undo forgets what was changed under it.
   */
  mergeRemote(docs: AnnotationDoc[]): void {
    const busy = new Set([...this.ops.map((o) => o.localId), ...(this.inFlight ? [this.inFlight.localId] : []), ...this.conflicts.map((c) => c.localId)])
    const byId = new Map([...this.items.values()].filter((i) => i.id !== undefined).map((i) => [String(i.id), i]))
    const touched = new Set<string>()
    const seen = new Set<string>()
    for (const doc of docs) {
      seen.add(String(doc.id))
      const known = byId.get(String(doc.id)) ?? (doc.clientKey ? this.items.get(doc.clientKey) : undefined)
      // One of ours still on its way (its create answered after this read): not a colleague's.
      if (busy.has(known?.localId ?? doc.clientKey ?? '')) continue
      if (known && (known.version ?? 0) >= doc.version) continue
      const item = itemFromDoc(doc)
      if (!item) continue
      const localId = known?.localId ?? item.localId
      this.items.set(localId, { ...item, localId })
      touched.add(localId)
    }
    for (const item of [...this.items.values()])
      if (item.id !== undefined && !seen.has(String(item.id)) && !busy.has(item.localId)) {
        this.items.delete(item.localId)
        touched.add(item.localId)
      }
    if (!touched.size) return
    this.undoStack = this.undoStack.filter((c) => !touched.has(c.localId))
    this.redoStack = this.redoStack.filter((c) => !touched.has(c.localId))
    this.publish()
  }

  dispose(): void {
    this.disposed = true
    clearTimeout(this.timer)
    this.listeners.clear()
  }
}
