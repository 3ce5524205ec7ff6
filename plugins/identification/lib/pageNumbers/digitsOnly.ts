import { CLASS_COUNT, classOfChar } from '../lattice/index'

/**
 * Letters a general recogniser reads for handwritten digits: a round 0 is an O, a C or a U when its
 * stroke is broken by a cell border, a 1 an l or an i, a 2 a z. In a field that holds only digits,
 * each digit takes the probability of its look-alikes.
 */
const LOOK_ALIKES: Record<string, string> = {
  '0': 'ocudq',
  '1': 'lijt',
  '2': 'z',
  '4': 'a',
  '5': 's',
  '6': 'b',
  '7': 't',
  '8': 'b',
  '9': 'gq',
}

const logSumExp = (values: number[]) => {
  const top = Math.max(...values)
  return top === -Infinity ? top : top + Math.log(values.reduce((sum, v) => sum + Math.exp(v - top), 0))
}

/** A lattice (frame-major log-probabilities) where each digit also holds its look-alike letters. */
export const digitsOnly = ({ logp, frames }: { logp: Float64Array; frames: number }): Float64Array => {
  const out = Float64Array.from(logp)
  for (let t = 0; t < frames; t++) {
    const row = t * CLASS_COUNT
    for (const [digit, letters] of Object.entries(LOOK_ALIKES))
      out[row + classOfChar(digit)] = logSumExp([logp[row + classOfChar(digit)]!, ...[...letters].map((l) => logp[row + classOfChar(l)]!)])
  }
  return out
}
