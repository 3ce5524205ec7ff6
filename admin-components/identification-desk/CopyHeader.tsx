'use client'
import { Banner, Button, Pill } from '@payloadcms/ui'
import React from 'react'

import { startUnsure, type DeskCopy } from './api'
import type { Translate } from './hooks/useDeskTranslation'

/** The shown copy: where it is in the list, who it is given to, why it is open, and its handwritten header. */
export const CopyHeader = ({ copy, position, total, tr, onConfirmStart }: { copy: DeskCopy; position: number; total: number; tr: Translate; onConfirmStart: () => void }) => (
  <>
    <h2>
      {tr('copy')} {copy.anonymousId} — {position} {tr('of')} {total}
    </h2>
    {copy.student && (
      <p data-testid="desk-current-student">
        {tr('currentStudent')} <strong>{copy.student.name}</strong> <Pill size="small">{tr(`status_${copy.identification.status}`)}</Pill>
      </p>
    )}
    {copy.identification.reason && <p>{tr(`reasons_${copy.identification.reason}`)}</p>}
    {startUnsure(copy) && (
      <div data-testid="desk-start-unsure">
        <Banner type="warning">
          <span style={{ display: 'block', marginBottom: '0.5rem' }}>{tr('startUnsure', { evidence: tr(`evidence_${copy.segmentation.boundary ?? 'none'}`), margin: copy.segmentation.margin ?? 0 })}</span>
          <Button buttonStyle="primary" size="small" margin={false} extraButtonProps={{ 'data-testid': 'desk-confirm-start' }} onClick={onConfirmStart}>
            {tr('confirmStart')}
          </Button>
        </Banner>
      </div>
    )}
    {copy.headerCropUrl ? <img className="identification-desk__crop" src={copy.headerCropUrl} alt={copy.anonymousId} /> : <p>{tr('noHeader')}</p>}
  </>
)
