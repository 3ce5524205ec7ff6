import { useEffect, useState } from 'react'

import { StudentApiError, studentApi } from './api'
import type { StudentCopy } from './types'

/** The student's published copies; a 401 calls `onExpired` instead of showing an error. */
export const useStudentCopies = ({ onExpired }: { onExpired: () => void }) => {
  const [copies, setCopies] = useState<StudentCopy[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let cancelled = false
    studentApi
      .copies()
      .then(({ copies }) => !cancelled && setCopies(copies))
      .catch((err: StudentApiError) => {
        if (cancelled) return
        if (err.status === 401) onExpired()
        else setError(err.message)
      })
    return () => {
      cancelled = true
    }
  }, [onExpired])

  return { copies, error }
}
