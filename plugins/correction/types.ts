export type CorrectionOptions = {
  /** Leave the comment bank out (e.g. a school that forbids canned comments). */
  disableCommentBank?: boolean
}
