import { planBatch } from '../../../tools/papers/batch/plan.js'
import { DESIGN_IDS, HAND_FONTS, MissingFontsError, listPresets, presetSpec, requireFonts } from '../../../tools/papers/index.js'

const levenshtein = (a: string, b: string): number => {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)] as number[])
  for (let j = 1; j <= b.length; j++) d[0]![j] = j
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
  return d[a.length]![b.length]!
}

describe('presets', () => {
  const presets = listPresets()

  it('cover every design × format × {class, held-out seed, mini}; corner-box and right-header are held out', () => {
    expect(presets).toHaveLength(DESIGN_IDS.length * 2 * 3)
    for (const p of presets) {
      const heldOutDesign = p.design === 'corner-box' || p.design === 'right-header'
      expect(p.tuned).toBe(!heldOutDesign && p.fonts === 'tuned')
      if (p.name.endsWith('-heldout')) {
        expect(p.fonts).toBe('heldOut')
        expect(p.seed).toBeGreaterThanOrEqual(1000)
      } else {
        expect(p.fonts).toBe('tuned')
        expect(p.seed).toBeLessThan(1000)
      }
    }
    expect(new Set(presets.map((p) => p.seed)).size).toBe(presets.length)
  })

  it('tuned batches never use a held-out font, held-out batches only held-out fonts (at least two of them)', () => {
    const heldOut = new Set(HAND_FONTS.filter((f) => f.set === 'heldOut').map((f) => f.id))
    expect(heldOut.size).toBeGreaterThanOrEqual(2)
    for (const p of presets) {
      const plan = planBatch(presetSpec(p.name))
      const used = plan.copies.map((c) => c.hand.id)
      if (p.fonts === 'tuned') expect(used.filter((id) => heldOut.has(id))).toEqual([])
      else expect(used.every((id) => heldOut.has(id))).toBe(true)
    }
  })

  it('a class is 26 copies from a 30-student roster: one unnamed copy, 4 absentees with near-duplicates of present students', () => {
    for (const p of presets.filter((x) => !x.name.endsWith('-mini'))) {
      const plan = planBatch(presetSpec(p.name))
      expect(plan.truth).toHaveLength(26)
      expect(plan.roster).toHaveLength(30)
      expect(plan.truth.filter((c) => c.student === null)).toHaveLength(1)
      const present = plan.copies.map((c) => c.writer)
      const absent = plan.roster.filter((s) => !present.includes(s))
      expect(absent).toHaveLength(4)
      // DURANT next to DUPONT, MARTINS next to MARTIN…: same first name, last names one edit or a suffix apart
      const near = absent.filter((a) => present.some((s) => s.first_name === a.first_name && s.last_name !== a.last_name && (a.last_name.startsWith(s.last_name) || levenshtein(a.last_name, s.last_name) <= 3)))
      expect(near.length).toBeGreaterThanOrEqual(2)
      // the names that break naive splitting are there
      const names = present.map((s) => `${s.last_name} ${s.first_name}`).join('|')
      expect(names).toMatch(/DA SILVA|LE GOFF|BEN AYED|N'DIAYE|O'NEILL|DOS SANTOS|LEBRETON-VIDAL|EL AMRANI/)
      expect(present.some((s) => /[-' ]/.test(s.last_name))).toBe(true)
      expect(present.some((s) => /-/.test(s.first_name))).toBe(true)
    }
  })

  it('unknown names and missing fonts are clear errors', () => {
    expect(() => presetSpec('nope-a4' as never)).toThrow(/unknown paper preset "nope-a4"/)
    expect(() => requireFonts([{ id: 'x', pkg: 'fonts-imaginary', path: '/nonexistent/x.ttf', set: 'tuned', scale: 1 }])).toThrow(MissingFontsError)
    expect(() => requireFonts([{ id: 'x', pkg: 'fonts-imaginary', path: '/nonexistent/x.ttf', set: 'tuned', scale: 1 }])).toThrow(/apt-get install fonts-imaginary/)
  })
})
