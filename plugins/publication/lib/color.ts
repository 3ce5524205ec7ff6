import { rgb, type RGB } from 'pdf-lib'

/** '#d32f2f' or '#d33' → pdf-lib colour; anything unreadable prints in the portal's default red. */
export const colorOf = (hex: string): RGB => {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim())
  if (!m) return rgb(0xd3 / 255, 0x2f / 255, 0x2f / 255)
  const full = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1]
  const n = parseInt(full, 16)
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255)
}
