import { KorrigoError } from '../../../runtime/errors'

/** The copy's PDF cannot be read or an annotation refers to a page it does not have. */
export class RenderError extends KorrigoError {
  constructor(message: string, details?: Record<string, unknown>) {
    super({ code: 'render_failed', details, message, status: 422 })
  }
}

/**
 * The SMTP server could not take a notification (unreachable, authentication refused, temporary
 * failure). 502: the upstream mail server failed, not the request. What was sent before stays stamped.
 */
export class MailDeliveryError extends KorrigoError {
  constructor(message: string, details?: Record<string, unknown>) {
    super({ code: 'mail_delivery_failed', details, message, status: 502 })
  }
}
