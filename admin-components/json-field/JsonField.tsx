'use client'
import React, { useState } from 'react'
import { FieldLabel, useField } from '@payloadcms/ui'
import type { JSONFieldClientComponent } from 'payload'

const shown = (value: unknown) => JSON.stringify(value ?? null, null, 2)

/**
 * JSON fields in the admin without Payload's code editor: that editor fetches Monaco from a CDN at run
 * time (no network, and a script our Content-Security-Policy rightly refuses). Read-only fields are shown
 * as formatted text; editable ones in a text area whose JSON is checked as it is typed.
 */
export const JsonField: JSONFieldClientComponent = ({ field, path, readOnly }) => {
  const fieldPath = path ?? field.name
  const { value, setValue } = useField<unknown>({ path: fieldPath })
  const [text, setText] = useState(() => shown(value))
  const [error, setError] = useState<string | null>(null)
  const locked = readOnly || field.admin?.readOnly
  const box = { width: '100%', fontFamily: 'monospace', fontSize: '0.8rem', whiteSpace: 'pre-wrap' as const, overflowWrap: 'anywhere' as const }
  return (
    <div className="field-type json" id={`field-${fieldPath.replace(/\./g, '__')}`} data-testid="json-field">
      <FieldLabel label={field.label} path={fieldPath} required={field.required} />
      {locked ? (
        <pre style={{ ...box, margin: 0, padding: '0.5rem', background: 'var(--theme-elevation-50)', maxHeight: '20rem', overflow: 'auto' }}>{shown(value)}</pre>
      ) : (
        <textarea
          aria-label={typeof field.label === 'string' ? field.label : field.name}
          value={text}
          rows={Math.min(16, Math.max(4, text.split('\n').length))}
          style={box}
          onChange={(event) => {
            setText(event.target.value)
            try {
              setValue(event.target.value.trim() ? JSON.parse(event.target.value) : null)
              setError(null)
            } catch (problem) {
              setError((problem as Error).message)
            }
          }}
        />
      )}
      {error ? (
        <p role="alert" style={{ color: 'var(--theme-error-500)', margin: '0.25rem 0 0' }}>
          {error}
        </p>
      ) : null}
    </div>
  )
}
