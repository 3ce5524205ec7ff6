/** How a class's paper was scanned; the exam says it once, a batch may say otherwise. */
export const LAYOUT_OPTIONS = [
  { value: 'auto', label: { fr: 'Détection automatique', en: 'Detect automatically' } },
  { value: 'a4', label: { fr: 'Feuilles A4', en: 'A4 sheets' } },
  { value: 'a3-booklet', label: { fr: 'Copies doubles A3', en: 'A3 folded booklets' } },
]
