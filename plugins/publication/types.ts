import type { RenderLocale } from './lib/types'

export type PublicationOptions = {
  enabled?: boolean
  /** Language of the grade summary page and of the students' e-mail notifications (French by default). */
  locale?: RenderLocale
  /** Render a copy's annotated PDF in the background as soon as it is finalized (default: yes). */
  renderOnFinalize?: boolean
}
