import { annex } from './annex.js'
import { copieDouble } from './copie-double.js'
import { cornerBox } from './corner-box.js'
import { framed } from './framed.js'
import { official } from './official.js'
import { oneLine } from './one-line.js'
import { rightHeader } from './right-header.js'
import { twoColumn } from './two-column.js'
import type { Design, DesignId } from './types.js'

export type { Design, DesignId, IdentityField, Slot } from './types.js'

export const DESIGNS: Readonly<Record<DesignId, Design>> = {
  framed,
  'one-line': oneLine,
  official,
  'corner-box': cornerBox,
  'two-column': twoColumn,
  'right-header': rightHeader,
  'copie-double': copieDouble,
  annex,
}

export const DESIGN_IDS = Object.keys(DESIGNS) as DesignId[]

export const designOf = (id: DesignId): Design => {
  const d = DESIGNS[id]
  if (!d) throw new Error(`unknown header design "${id}" (known: ${DESIGN_IDS.join(', ')})`)
  return d
}
