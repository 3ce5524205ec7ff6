/**
 * Each pixel's lightest and second-lightest value over images of one size, taken one at a time (a caller
 * may warp each page just before it is counted and let it go after). Print is dark on every page,
 * handwriting on few: the lightest keeps print only; the second forgives one page a little off.
 */
export const lightestOf = ({ size, layers }: { size: number; layers: Iterable<Uint8Array> }): { first: Uint8Array; second: Uint8Array; count: number } => {
  const first = new Uint8Array(size)
  const second = new Uint8Array(size)
  let count = 0
  for (const layer of layers) {
    count++
    for (let i = 0; i < size; i++) {
      const v = layer[i]!
      if (v > first[i]!) {
        second[i] = first[i]!
        first[i] = v
      } else if (v > second[i]!) second[i] = v
    }
  }
  return { first, second, count }
}
