export const RENDER_ANNOTATED_COPY = 'render-annotated-copy'
export const RENDER_ANNOTATED_EXAM = 'render-annotated-exam'
export const PUBLISH_EXAM = 'publish-exam'
export const NOTIFY_STUDENTS = 'notify-students'
