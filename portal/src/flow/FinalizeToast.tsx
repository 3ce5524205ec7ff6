import { useEffect, useSyncExternalStore } from 'react'

import { navigate } from '../app/router'
import { useI18n } from '../i18n/context'
import { dismissFailure, finalizeStore, undoLastFinalize } from './pendingFinalize'

const undo = () => {
  const undone = undoLastFinalize()
  if (undone) navigate(`/copy/${undone.copyId}`)
}

/**
 * "Copy finalized — Undo" for a few seconds after each finalization, on whatever page the teacher went on to;
 * Ctrl+Z undoes it while it shows (before the next copy's own undo: a slip is undone first). A finalization
 * the server refused stays listed with its reason.
 */
export const FinalizeToast = () => {
  const { t } = useI18n()
  const { failures, pending } = useSyncExternalStore(finalizeStore.subscribe, finalizeStore.getSnapshot)
  const last = pending.at(-1)

  useEffect(() => {
    if (!last || last.sending) return
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.key.toLowerCase() !== 'z') return
      e.preventDefault()
      e.stopImmediatePropagation()
      undo()
    }
    // Capture phase: the copy view's own Ctrl+Z (its annotations) must not see this one.
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [last])

  if (!last && failures.length === 0) return null
  return (
    <div className="toasts" aria-live="polite">
      {last ? (
        <div className="toast" data-testid="finalize-toast" data-copy={last.copyId} data-sending={Boolean(last.sending)}>
          <span>{t('flow.finalized', { anonymousId: last.anonymousId })}</span>
          {last.sending ? (
            <span>{t('flow.sending')}</span>
          ) : (
            <button type="button" data-testid="undo-finalize" onClick={undo}>
              {t('flow.undo')} (Ctrl+Z)
            </button>
          )}
        </div>
      ) : null}
      {failures.map((f) => (
        <div className="toast toast-error" role="alert" key={String(f.copyId)} data-testid="finalize-failed">
          <span>{t('flow.failed', { anonymousId: f.anonymousId, message: f.message })}</span>
          <button type="button" onClick={() => (dismissFailure(f.copyId), navigate(`/copy/${f.copyId}`))}>
            {t('flow.open')}
          </button>
        </div>
      ))}
    </div>
  )
}
