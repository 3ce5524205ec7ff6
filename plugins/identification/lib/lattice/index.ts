export { BLANK, CLASS_COUNT, OTHER, SEPARATOR, classOfChar, classesOfText } from './alphabet'
export { bestPathClasses, bestPathLogLikelihood, ctcLeadingLogLikelihood, ctcLogLikelihood, ctcLogLikelihoodsAfter } from './ctc'
export { decodeLattice, encodeLattice } from './encode'
export type { Lattice } from './types'
