import { useCallback, useEffect, useState } from 'react'

import { api } from '../api/client'
import type { CopyMarkers, Id } from '../api/types'

/** Who marked what on a double-marked copy (the names teachers cannot read themselves); nothing otherwise. */
export const useCopyMarkers = ({ copyId, doubleMarking }: { copyId: Id; doubleMarking: boolean }) => {
  const [markers, setMarkers] = useState<CopyMarkers | null>(null)
  const reload = useCallback(() => {
    if (!doubleMarking) return
    api
      .get<CopyMarkers>(`/api/correction/copies/${copyId}/markers`)
      .then(setMarkers)
      // Shown beside the grades only: a failed refresh keeps the last known markers.
      .catch(() => undefined)
  }, [copyId, doubleMarking])
  useEffect(reload, [reload])
  return { markers, reload }
}
