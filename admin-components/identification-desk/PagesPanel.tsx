'use client'
import React from 'react'

import { CopyPicker } from './CopyPicker'
import { PageThumb } from './PageThumb'
import type { DeskCopy } from './api'
import type { PageDrag } from './hooks/usePageDrag'
import type { Translate } from './hooks/useDeskTranslation'
import type { PageEdits } from './hooks/usePageEdits'

/** The shown copy's pages, to fix the scan by hand: merge with another copy, then each page's own fixes. */
export const PagesPanel = ({ copy, copies, edits, drag, tr }: { copy: DeskCopy; copies: DeskCopy[]; edits: PageEdits; drag: PageDrag; tr: Translate }) => {
  const others = copies.filter((c) => c.id !== copy.id)
  return (
    <section className="identification-desk__pages" data-testid="desk-pages" data-copy-id={String(copy.id)} aria-busy={edits.busy}>
      <h3>
        {tr('pages')} ({copy.pages.length})
      </h3>
      <div className="identification-desk__merge">
        <CopyPicker copies={others} label={tr('mergeWith')} action={tr('merge')} disabled={edits.busy} testId="copy-merge" onPick={edits.merge} />
        <span className="identification-desk__help">{tr('mergeHelp')}</span>
      </div>
      {copy.pages.length ? (
        <>
          <p className="identification-desk__help">{tr('dragHelp')}</p>
          <ol className="identification-desk__strip">
            {copy.pages.map((p, i) => (
              <PageThumb
                key={`${p.batch}:${p.sourcePage}:${p.region}:${i}`}
                copy={copy}
                index={i}
                others={others}
                busy={edits.busy}
                drag={drag}
                tr={tr}
                onCommand={(command) => void edits.onCommand({ page: i, command })}
              />
            ))}
          </ol>
        </>
      ) : (
        <p>{tr('noPages')}</p>
      )}
    </section>
  )
}
