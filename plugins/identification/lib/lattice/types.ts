/**
 * What a CTC recogniser saw in one field, kept instead of only its best string: for each frame
 * (a thin vertical slice of the field, left to right) the probability of each character class.
 * Names are scored against it later, so a roster change never needs the scans read again.
 * `data` holds frames × CLASS_COUNT bytes, base64: byte = round(-ln p × 16), capped at 255.
 */
export type Lattice = { frames: number; classes: number; data: string }
