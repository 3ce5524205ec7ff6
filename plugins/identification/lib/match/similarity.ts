// Reused between calls: matching a class computes tens of thousands of distances,
// and per-call array allocation dominated (badly so inside Jest's VM contexts).
let rowA = new Int32Array(64)
let rowB = new Int32Array(64)

/** Plain Levenshtein distance, two rows of memory. */
export const levenshtein = (a: string, b: string): number => {
  if (a === b) return 0
  if (a.length === 0) return b.length
  if (b.length === 0) return a.length
  if (rowA.length <= b.length) {
    rowA = new Int32Array(b.length * 2)
    rowB = new Int32Array(b.length * 2)
  }
  let previous = rowA
  let current = rowB
  for (let j = 0; j <= b.length; j++) previous[j] = j
  for (let i = 1; i <= a.length; i++) {
    current[0] = i
    const ca = a.charCodeAt(i - 1)
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1)
      const deletion = previous[j]! + 1
      const insertion = current[j - 1]! + 1
      current[j] = substitution < deletion ? (substitution < insertion ? substitution : insertion) : deletion < insertion ? deletion : insertion
    }
    const swap = previous
    previous = current
    current = swap
  }
  return previous[b.length]!
}

/** 1 for equal strings, 0 for nothing in common; normalised by the longer length. */
export const similarity = (a: string, b: string): number => {
  const longest = Math.max(a.length, b.length)
  return longest === 0 ? 0 : 1 - levenshtein(a, b) / longest
}
