import { KorrigoError } from '../../../runtime/errors'

/** The copy's PDF cannot be read or an annotation refers to a page it does not have. */
export class RenderError extends KorrigoError {
  constructor(message: string, details?: Record<string, unknown>) {
    super({ code: 'render_failed', details, message, status: 422 })
  }
}
