'use client'
import { CheckboxInput } from '@payloadcms/ui'
import React, { useEffect, useRef } from 'react'

/**
 * Payload's checkbox with a `data-testid` on its input: `CheckboxInput` takes no attributes for it, and the
 * desk's tests (and other features' tests that open the desk) find the checkboxes by it.
 */
export const DeskCheckbox = ({ testId, label, checked, onChange }: { testId: string; label: React.ReactNode; checked: boolean; onChange: (checked: boolean) => void }) => {
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => input.current?.setAttribute('data-testid', testId), [testId])
  return (
    <CheckboxInput
      id={testId}
      inputRef={input}
      Label={
        <label className="field-label" htmlFor={testId}>
          {label}
        </label>
      }
      checked={checked}
      onToggle={(e) => onChange(e.target.checked)}
    />
  )
}
