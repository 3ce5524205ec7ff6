'use client'
import { useTranslation } from '@payloadcms/ui'
import React from 'react'

import { problemWords, type BatchProblem } from './problemWords'

/**
 * A batch's problems in the reader's language, one sentence each; the pipeline's own message stays
 * reachable as a tooltip (what support asks for) without being what the admin has to read.
 */
export const ProblemList = ({ problems, testId }: { problems: BatchProblem[]; testId: string }) => {
  const { t } = useTranslation()
  const tr = t as (key: string, vars?: Record<string, unknown>) => string
  return (
    <ul data-testid={testId} style={{ margin: '0.25rem 0 0', paddingLeft: '1.25rem', fontSize: 13 }}>
      {problems.map((problem, i) => {
        const { key, vars } = problemWords(problem)
        return (
          <li key={i} data-code={problem.code ?? ''} title={problem.message ? tr('batchProgress:detail', { message: problem.message }) : undefined}>
            {tr(`batchProgress:${key}`, vars)}
          </li>
        )
      })}
    </ul>
  )
}
