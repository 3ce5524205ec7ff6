import { useEffect, useState, useSyncExternalStore } from 'react'

import type { AnnotationDoc, Id } from '../api/types'
import { AnnotationStore, localStorageQueue, restTransport } from '../annotations/store'

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
      void store.flush()
    }
  }, [store])
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot)
  return { store, snapshot }
}
