'use client'
import { Button } from '@payloadcms/ui'
import React, { useState } from 'react'

import type { DeskCopy, Id } from './api'

/**
 * Choose another copy of the exam by its anonymous id, then act: used by "move to copy…" and
 * "merge with copy…". A select plus a button rather than a menu, so it works with Tab and Enter.
 */
export const CopyPicker = ({
  copies,
  label,
  action,
  disabled,
  testId,
  onPick,
}: {
  copies: DeskCopy[]
  label: string
  action: string
  disabled: boolean
  testId: string
  onPick: (copyId: Id) => void
}) => {
  const [target, setTarget] = useState('')
  const chosen = copies.find((c) => String(c.id) === target)
  return (
    <span className="identification-desk__picker">
      <select className="identification-desk__select" aria-label={label} data-testid={`${testId}-target`} value={target} onChange={(e) => setTarget(e.target.value)} disabled={disabled}>
        <option value="">{label}</option>
        {copies.map((c) => (
          <option key={String(c.id)} value={String(c.id)}>
            {c.anonymousId} ({c.pages.length} p.){c.student ? ` — ${c.student.name}` : ''}
          </option>
        ))}
      </select>
      <Button buttonStyle="secondary" size="small" margin={false} extraButtonProps={{ 'data-testid': testId }} disabled={disabled || !chosen} onClick={() => chosen && onPick(chosen.id)}>
        {action}
      </Button>
    </span>
  )
}
