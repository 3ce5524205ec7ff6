import { foldText } from '../text/fold'

// Particles people drop, abbreviate or glue to the name when writing it by hand.
const PARTICLES = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'd', 'l', 'van', 'von', 'der', 'den', 'di', 'da', 'dos', 'das', 'del', 'della', 'ter', 'ten', 'st', 'ste', 'saint', 'sainte'])

/** Folded tokens: accents, case, apostrophes, hyphens, dots and digits-as-noise removed. */
export const nameTokens = (value: string): string[] =>
  foldText(value)
    .replace(/[^a-z]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)

/** "Jean-Pierre", "JEAN PIERRE" and "jeanpierre" all become "jeanpierre". */
export const compactName = (value: string): string => nameTokens(value).join('')

export type NameVariant = { text: string; weight: number }

/**
 * The ways one roster name may legitimately appear on a copy, each with how much we
 * trust a match on it: the whole name; without its particles ("de la Fontaine" →
 * "fontaine"); "Mac" written "Mc"; one part of a compound name ("Jean" for
 * "Jean-Pierre") which is weaker evidence since siblings may share it.
 */
export const nameVariants = (value: string): NameVariant[] => {
  const tokens = nameTokens(value)
  if (tokens.length === 0) return []
  const variants = new Map<string, number>()
  const add = (text: string, weight: number) => {
    if (text.length > 0 && (variants.get(text) ?? 0) < weight) variants.set(text, weight)
  }
  const whole = tokens.join('')
  add(whole, 1)
  add(whole.replace(/^mac/, 'mc'), 0.98)
  const core = tokens.filter((t) => !PARTICLES.has(t))
  if (core.length > 0 && core.length < tokens.length) add(core.join(''), 0.95)
  if (core.length > 1) for (const part of core) if (part.length >= 3) add(part, 0.8)
  return [...variants].map(([text, weight]) => ({ text, weight }))
}
