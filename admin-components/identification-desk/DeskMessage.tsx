'use client'
import { Banner } from '@payloadcms/ui'
import React from 'react'

import type { DeskMessage as Message } from './hooks/types'

/** What the last action did, or why the server refused it, in Payload's banner; read out by screen readers. */
export const DeskMessage = ({ message }: { message?: Message }) =>
  message ? (
    <div className="identification-desk__message" role={message.kind === 'error' ? 'alert' : 'status'} data-testid={`desk-${message.kind}`}>
      <Banner type={message.kind === 'error' ? 'error' : 'info'}>{message.text}</Banner>
    </div>
  ) : null
