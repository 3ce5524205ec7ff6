export { assembleCopyPages } from './assemble'
export { mergePages, movePage, normaliseRotation, reorderPages, rotatePage, splitPages } from './edit'
export { PageEditError } from './errors'
export type { CopyPage, Region, Rotation } from './types'
