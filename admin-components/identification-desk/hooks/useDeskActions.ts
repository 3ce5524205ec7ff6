'use client'
import { confirmStart, rerun } from '../api'
import type { DeskData } from './useDeskData'
import type { Translate } from './useDeskTranslation'
import type { Say } from './types'

/** The desk's two actions that are not about pages: confirm where a copy starts, and read the exam again. */
export const useDeskActions = ({ data, say, tr }: { data: DeskData; say: Say; tr: Translate }) => {
  const { copy, shown, examId, currentId, load } = data

  const onConfirmStart = async () => {
    if (!copy) return
    try {
      await confirmStart(copy.id)
      say({ kind: 'info', text: tr('startConfirmed') })
      const index = shown.findIndex((c) => c.id === copy.id)
      const following = shown[index + 1] ?? shown[0]
      await load(following && following.id !== copy.id ? following.id : undefined)
    } catch (e) {
      say({ kind: 'error', text: (e as Error).message })
    }
  }

  const onRerun = async () => {
    if (!examId) return
    try {
      await rerun(examId)
      say({ kind: 'info', text: tr('rerunQueued') })
      // The job runs in the background: refresh a few times while it works.
      for (const delay of [2000, 5000, 10000, 20000]) setTimeout(() => void load(currentId).catch(() => undefined), delay)
    } catch (e) {
      say({ kind: 'error', text: (e as Error).message })
    }
  }

  return { onConfirmStart, onRerun }
}
