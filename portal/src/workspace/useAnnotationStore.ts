import { useEffect, useState, useSyncExternalStore } from 'react'

import type { AnnotationDoc, Id } from '../api/types'
import { AnnotationStore, localStorageQueue, restTransport } from '../annotations/store'

/** Saves still running for copies the teacher just left, so reopening one waits for them instead of sending them twice. */
const closing = new Map<string, Promise<void>>()
export const closingSaves = (copyId: Id): Promise<void> => closing.get(String(copyId)) ?? Promise.resolve()

/** One store per opened copy; its queue key in localStorage is per copy, so a reload picks up unsent edits. */
export const useAnnotationStore = ({ copyId, docs, readOnly, onSaved }: { copyId: Id; docs: AnnotationDoc[]; readOnly: boolean; onSaved: () => void }) => {
  const [store] = useState(
    () => new AnnotationStore({ copy: copyId, docs, transport: restTransport, storage: localStorageQueue(`korrigo.queue.${copyId}`), readOnly, onSaved }),
  )
  useEffect(() => {
    void store.flush()
    const online = () => void store.flush()
    window.addEventListener('online', online)
    return () => {
      window.removeEventListener('online', online)
      const done = store.flush().finally(() => closing.delete(String(copyId)))
      closing.set(String(copyId), done)
    }
  }, [store, copyId])
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot)
  return { store, snapshot }
}
