import { api } from '../api/client'
import { ApiError } from '../api/errors'
import type { Id } from '../api/types'

/**
 * Finalizing moves on at once and is sent a few seconds later: until then "undo" costs nothing (no reopening,
 * no audit event, no PDF rendered for nothing), which is what replaces the `confirm()` of every copy.
 * Module state, not React state: the toast outlives the copy view that started it.
 */
/** `sending`: the undo window is over and the request is on its way (the toast stays until its answer). */
export type PendingFinalize = { copyId: Id; anonymousId: string; examId: Id; due: number; sending?: boolean }
export type FinalizeFailure = { copyId: Id; anonymousId: string; message: string }
/**
 * `sent`: copies this tab finalized on the server. The share read before that answer still lists them as to
 * mark; moving the id from `pending` to `sent` in one step means "next to mark" never lands on one of them
 * in between (a finalized copy opened read-only, where Ctrl+Enter does nothing).
 */
export type FinalizeState = { pending: PendingFinalize[]; failures: FinalizeFailure[]; sent: Id[] }

/** Long enough to notice a slip, short enough that a colleague or the admin sees the copy finalized soon. */
export const UNDO_MS = 5_000

let state: FinalizeState = { pending: [], failures: [], sent: [] }
const timers = new Map<string, ReturnType<typeof setTimeout>>()
const listeners = new Set<() => void>()
const committed = new Set<() => void>()

const set = (next: FinalizeState) => {
  state = next
  for (const listener of listeners) listener()
}

const send = async (item: PendingFinalize, keepalive = false) => {
  timers.delete(String(item.copyId))
  const sending = { ...item, sending: true }
  set({ ...state, pending: state.pending.map((p) => (p === item ? sending : p)) })
  try {
    await api.patch(`/api/copies/${item.copyId}`, { status: 'finalized' }, { keepalive })
    set({ ...state, pending: state.pending.filter((p) => p !== sending), sent: [...state.sent, item.copyId] })
    for (const listener of committed) listener()
  } catch (err) {
    const message = err instanceof ApiError ? err.message : String(err)
    set({ ...state, pending: state.pending.filter((p) => p !== sending), failures: [...state.failures, { copyId: item.copyId, anonymousId: item.anonymousId, message }] })
  }
}

export const finalizeLater = (item: Omit<PendingFinalize, 'due'>): void => {
  if (timers.has(String(item.copyId))) return
  const pending = { ...item, due: Date.now() + UNDO_MS }
  timers.set(String(item.copyId), setTimeout(() => void send(pending), UNDO_MS))
  set({ ...state, pending: [...state.pending, pending] })
}

/** Cancels the newest pending finalization; returns it so the portal can go back to that copy. */
export const undoLastFinalize = (): PendingFinalize | undefined => {
  const last = state.pending.at(-1)
  if (!last || last.sending) return undefined
  clearTimeout(timers.get(String(last.copyId)))
  timers.delete(String(last.copyId))
  set({ ...state, pending: state.pending.filter((p) => p !== last) })
  return last
}

export const dismissFailure = (copyId: Id): void => set({ ...state, failures: state.failures.filter((f) => String(f.copyId) !== String(copyId)) })

export const isPendingFinalize = (copyId: Id): boolean => timers.has(String(copyId))

/** Sends what waits now: the tab is closing (keepalive lets the request outlive the page). */
export const finalizeNow = (keepalive = false): Promise<void> =>
  Promise.all(state.pending.filter((item) => !item.sending).map((item) => (clearTimeout(timers.get(String(item.copyId))), send(item, keepalive)))).then(() => undefined)

export const finalizeStore = {
  subscribe: (listener: () => void) => {
    listeners.add(listener)
    return () => void listeners.delete(listener)
  },
  getSnapshot: (): FinalizeState => state,
  /** Called after each finalization reached the server (the share and progress are read again). */
  onCommitted: (listener: () => void) => {
    committed.add(listener)
    return () => void committed.delete(listener)
  },
}

if (typeof window !== 'undefined') window.addEventListener('pagehide', () => void finalizeNow(true))
