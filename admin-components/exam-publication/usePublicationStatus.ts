'use client'
import { useCallback, useEffect, useRef, useState } from 'react'

import { fetchJob, fetchStatus, type PublicationStatus } from './api'

const POLL_MS = 1000
const MAX_POLLS = 60

/**
 * The exam's publication status, and `follow(job)` to re-read it while a publication job runs: until the
 * job finishes or fails (its reason is returned as `jobError`), at most a minute.
 */
export const usePublicationStatus = (examId: string | number | undefined) => {
  const [status, setStatus] = useState<PublicationStatus>()
  const [error, setError] = useState<string>()
  const [jobError, setJobError] = useState<string>()
  const [following, setFollowing] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)

  const refresh = useCallback(async () => {
    if (examId === undefined || examId === null) return
    try {
      setStatus(await fetchStatus(examId))
      setError(undefined)
    } catch (e) {
      setError((e as Error).message)
    }
  }, [examId])

  useEffect(() => {
    void refresh()
    return () => clearTimeout(timer.current)
  }, [refresh])

  const follow = useCallback(
    (jobId: string) => {
      clearTimeout(timer.current)
      setJobError(undefined)
      setFollowing(true)
      const tick = async (round: number) => {
        const job = await fetchJob(jobId).catch(() => undefined)
        await refresh()
        if (job?.failReason) {
          setJobError(job.failReason)
          return setFollowing(false)
        }
        const done = job?.lastFinishedAt || job?.state === 'completed' || job?.state === 'failed'
        if (done || round >= MAX_POLLS) return setFollowing(false)
        timer.current = setTimeout(() => void tick(round + 1), POLL_MS)
      }
      timer.current = setTimeout(() => void tick(1), POLL_MS / 2)
    },
    [refresh],
  )

  return { status, error, jobError, following, refresh, follow }
}
