'use client'
import { Button } from '@payloadcms/ui'
import React from 'react'

import type { DeskCopy, Id } from './api'
import type { PageDrag } from './hooks/usePageDrag'
import type { Translate } from './hooks/useDeskTranslation'

/**
 * The listed copies beside the shown one: a click shows a copy, and a page dragged onto another copy moves
 * there (at its end). Each says how many pages it has, so a move is seen on both copies at once.
 */
export const CopyList = ({ copies, currentId, drag, tr, onShow }: { copies: DeskCopy[]; currentId: Id; drag: PageDrag; tr: Translate; onShow: (id: Id) => void }) => (
  <nav aria-label={tr('copies')}>
    <h3>{tr('copies')}</h3>
    <ol className="identification-desk__copies">
      {copies.map((c) => {
        const current = c.id === currentId
        const drop = drag.over === `copy:${c.id}`
        return (
          <li
            key={String(c.id)}
            className={['identification-desk__copy', drop && 'identification-desk__copy--drop'].filter(Boolean).join(' ')}
            data-testid="desk-copy-target"
            data-copy-id={String(c.id)}
            {...(current ? {} : drag.copyTarget(c.id))}
          >
            <Button
              buttonStyle={current ? 'primary' : 'subtle'}
              size="small"
              margin={false}
              aria-label={`${tr('copy')} ${c.anonymousId}, ${c.pages.length} p.${c.student ? `, ${c.student.name}` : ''}`}
              extraButtonProps={{ 'data-testid': 'desk-jump', 'data-copy-id': String(c.id), 'data-pages': c.pages.length, 'aria-current': current ? 'true' : undefined }}
              onClick={() => onShow(c.id)}
            >
              {c.anonymousId} · {c.pages.length} p.{c.student ? ` — ${c.student.name}` : ''}
            </Button>
          </li>
        )
      })}
    </ol>
  </nav>
)
