export { BLANK, CLASS_COUNT, OTHER, SEPARATOR, classOfChar, classesOfText } from './alphabet'
export { bestPathClasses, bestPathLogLikelihood, ctcLeadingLogLikelihood, ctcLogLikelihood } from './ctc'
export { decodeLattice, encodeLattice } from './encode'
export type { Lattice } from './types'
