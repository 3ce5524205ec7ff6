export type DecodedText = { text: string; encoding: 'utf-8' | 'windows-1252' }

/**
 * Spreadsheets exported on Windows are often Windows-1252; a strict UTF-8 decode
 * fails on their accented bytes, which is the signal to fall back.
 */
export const decodeRosterBytes = ({ data }: { data: Uint8Array | string }): DecodedText => {
  if (typeof data === 'string') return { text: stripBom(data), encoding: 'utf-8' }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data)
    return { text: stripBom(text), encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('windows-1252').decode(data), encoding: 'windows-1252' }
  }
}

const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
