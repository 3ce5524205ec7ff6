import { HAND_FONTS, fontsOfSet, requireFonts } from '../fonts.js'
import type { Student } from '../content/names.js'
import { buildSubject } from '../subject/build.js'
import type { Truth } from '../truth.js'
import { drawBatch } from './draw.js'
import { planBatch } from './plan.js'
import { renderScan } from './render.js'
import type { BatchSpec } from './spec.js'

export type Batch = {
  /** the scan: image-only pages, as a copier writes them */
  bytes: Uint8Array
  /** the blank subject, vector, A4 pages in reading order */
  subject: Uint8Array
  truth: Truth
  /** every student of the class (present and absent), in roster order */
  roster: Student[]
}

/** Builds a batch from its spec (no cache: see getBatch for named, cached presets). */
export const buildBatch = async (spec: BatchSpec): Promise<Batch> => {
  requireFonts([...fontsOfSet(spec.fonts === 'heldOut' ? 'heldOut' : 'tuned'), ...HAND_FONTS.filter((f) => spec.hands?.includes(f.id))])
  const plan = planBatch(spec)
  const subject = await buildSubject({ design: plan.design, exam: plan.exam, pageCount: plan.subjectPageCount })
  const vector = await drawBatch({ plan, subject })
  const bytes = await renderScan({ vector, sides: plan.sides, seed: spec.seed, harsh: spec.harsh, clean: spec.clean })
  const truth: Truth = {
    name: spec.name,
    design: spec.design,
    tuned: plan.design.tuned && spec.fonts !== 'heldOut',
    format: spec.format,
    layout: spec.format === 'a3' ? 'a3-booklet' : 'a4',
    pageCount: plan.sides.length,
    subjectPageCount: plan.subjectPageCount,
    fonts: plan.hands.map((h) => h.id),
    copies: plan.truth,
  }
  return { bytes, subject: subject.bytes, truth, roster: plan.roster }
}
