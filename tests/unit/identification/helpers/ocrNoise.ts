import type { Rng } from './prng.js'

// Confusions typical of handwriting recognisers (both directions are listed where
// both happen). Multi-letter entries model merges and splits such as rn ↔ m.
const CONFUSIONS: Record<string, string[]> = {
  a: ['o', 'u', 'e', 'd'], o: ['a', '0', 'e'], e: ['c', 'a', 'l'], c: ['e', 'r'], u: ['v', 'a', 'n', 'ii'],
  v: ['u', 'r'], n: ['m', 'u', 'r', 'h'], m: ['rn', 'nn', 'n'], r: ['n', 'v', 'i'], i: ['l', 'j', '1', 'r'],
  l: ['1', 'i', 't', 'e'], t: ['f', 'l', 'r'], f: ['t', 'l'], h: ['b', 'k', 'n'], b: ['h', 'l'], k: ['h', 'x'],
  g: ['q', 'y', '9'], q: ['g'], y: ['g', 'v'], s: ['5', 'r'], z: ['2', 'r'], d: ['cl', 'a'], w: ['vv', 'u'],
  j: ['i'], p: ['n'], x: ['k'],
  A: ['H', 'R'], B: ['8', 'R'], D: ['O', 'P'], E: ['F', 'L'], F: ['E', 'P'], G: ['C', '6'], H: ['N', 'A'],
  I: ['1', 'l'], L: ['I', 'C'], M: ['N', 'H'], N: ['M', 'H', 'U'], O: ['0', 'D', 'Q'], P: ['R', 'F'],
  R: ['P', 'K', 'A'], S: ['5', 'J'], T: ['I', 'Y'], U: ['V', 'O'], V: ['U'], Z: ['2'],
}

const stripAccents = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC')

/** One engine's reading of a handwritten word, with per-character error rate `rate`. */
export const noisyRead = ({ rng, text, rate }: { rng: Rng; text: string; rate: number }): string => {
  // Recognisers often lose accents entirely, sometimes keep them.
  const base = rng.chance(0.6) ? stripAccents(text) : text
  let out = ''
  for (const ch of base) {
    const roll = rng.next()
    if (roll < rate * 0.65) {
      const options = CONFUSIONS[ch] ?? CONFUSIONS[stripAccents(ch)]
      out += options ? rng.pick(options) : ch
    } else if (roll < rate * 0.9) {
      // deletion
    } else if (roll < rate) {
      out += ch + rng.pick(['i', 'l', 'e', 'n', '.', ' '])
    } else out += ch
  }
  return out
}
