export * from './types'
export * from './migrate'
export * from './geometry'
export * from './validate'
