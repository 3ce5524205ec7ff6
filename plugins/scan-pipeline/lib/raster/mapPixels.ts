/**
 * A new 8-bit image (or mask) with `fn` applied to each value. A plain loop: `Uint8Array.from(src, fn)`
 * goes through the iterator protocol and costs ~200× more on a page of pixels (seconds per form).
 */
export const mapPixels = (src: ArrayLike<number>, fn: (value: number, index: number) => number): Uint8Array => {
  const out = new Uint8Array(src.length)
  for (let i = 0; i < src.length; i++) out[i] = fn(src[i]!, i)
  return out
}
