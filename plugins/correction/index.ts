import type { Config } from 'payload'

import { CommentBank } from './collections/comment-bank'
import { RubricItems } from './collections/rubric-items'
import { copyMarkersEndpoint } from './endpoints/copy-markers'
import { copyVersionsEndpoint } from './endpoints/copy-versions'
import { rubricEndpoint } from './endpoints/rubric'
import { withRubricOnGrades } from './grades/withRubric'
import type { CorrectionOptions } from './types'

export type { CorrectionOptions } from './types'

/** Server pieces of the correction portal: the comment bank, rubrics (items applied to grades), who-marked-what and the open copy's versions (live refresh). */
export const correctionPlugin =
  (options: CorrectionOptions = {}) =>
  (config: Config): Config =>
    withRubricOnGrades({
      ...config,
      collections: [...(config.collections ?? []), ...(options.disableCommentBank ? [] : [CommentBank]), RubricItems],
      endpoints: [...(config.endpoints ?? []), copyMarkersEndpoint, copyVersionsEndpoint, rubricEndpoint],
    })
