import type { Config } from 'payload'

import { CommentBank } from './collections/comment-bank'
import { copyMarkersEndpoint } from './endpoints/copy-markers'
import type { CorrectionOptions } from './types'

export type { CorrectionOptions } from './types'

/** Server pieces of the correction portal: the comment bank and who-marked-what. */
export const correctionPlugin =
  (options: CorrectionOptions = {}) =>
  (config: Config): Config => ({
    ...config,
    collections: [...(config.collections ?? []), ...(options.disableCommentBank ? [] : [CommentBank])],
    endpoints: [...(config.endpoints ?? []), copyMarkersEndpoint],
  })
