export { AnnotationStore } from './store'
export { localStorageQueue } from './queue'
export { restTransport } from './transport'
export type { Conflict, Item, SaveState, Snapshot } from './types'
