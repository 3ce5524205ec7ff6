import { alignTemplate, prepareTarget, samplePoints, type Alignment, type PointSet, type Target } from './align'
import { dilate, rotate180, type Mask } from './mask'

/**
 * The printed pages a scanned page may be: the blank subject's pages, or templates learned from the
 * batch. All in one pixel frame (DESCRIPTOR_DPI, upright), so one alignment serves them all.
 */
export type TemplateSet = {
  width: number
  height: number
  /** ink points of every template together: alignment target and the places where pages differ */
  points: PointSet
  /** per template, per point: does this template have ink there (within a pixel)? */
  membership: Uint8Array[]
  /** the ink points of each template whose own print may align a page (see scorePage) */
  own: PointSet[]
}

/** A printed mark is found where it should be this often (print fades, scans lose thin lines). */
const PRINT_SEEN = 0.88
/** Pixels too correlated to count as independent evidence: log-likelihoods are divided by this. */
export const LIKELIHOOD_TEMPERATURE = 12

/**
 * `alignAlone`: the templates whose own print may align a page (default: all of them); a template learned as
 * "any later page" is the little print every later page shares, and would find a place on any handwriting.
 */
export const buildTemplateSet = ({ templates, maxPoints = 3000, alignAlone }: { templates: Mask[]; maxPoints?: number; alignAlone?: number[] }): TemplateSet => {
  if (templates.length === 0) throw new RangeError('a template set needs at least one template')
  const width = Math.max(...templates.map((t) => t.width))
  const height = Math.max(...templates.map((t) => t.height))
  const union = new Uint8Array(width * height)
  const grown = templates.map((t) => dilate(t, 1))
  for (const t of templates) for (let y = 0; y < t.height; y++) for (let x = 0; x < t.width; x++) if (t.data[y * t.width + x]) union[y * width + x] = 1
  const points = samplePoints({ width, height, data: union }, maxPoints)
  const membership = grown.map((g) => {
    const m = new Uint8Array(points.xs.length)
    for (let i = 0; i < m.length; i++) {
      const x = points.xs[i]!
      const y = points.ys[i]!
      m[i] = x < g.width && y < g.height ? g.data[y * g.width + x]! : 0
    }
    return m
  })
  const own = membership.filter((_, k) => !alignAlone || alignAlone.includes(k)).map((m) => {
    const keep = [...m.keys()].filter((i) => m[i])
    return { width, height, xs: Int16Array.from(keep, (i) => points.xs[i]!), ys: Int16Array.from(keep, (i) => points.ys[i]!) }
  })
  return { width, height, points, membership, own }
}

export type PageLikelihood = {
  alignment: Alignment
  /** tempered log-likelihood ratio of the page under each template against none */
  ll: number[]
  /** … and under "none of them" (the reference: 0) */
  none: number
}

/**
 * How much better (tempered log-likelihood) a template's own alignment must explain a page than the shared one
 * before it replaces it: a subject's page matches by 10 or more where it is the page (see planCopies), noise
 * between near-empty pages stays within a few.
 */
const OWN_FIT_GAIN = 10
/**
 * …and find its print where it is: this share of its points on ink (0.92–1.0 where a template's own print fitted a
 * first page the union had misplaced; 0.6–0.7 where a page with little print sat on a page full of handwriting).
 */
const OWN_FIT_HITS = 0.8

/** Radius (pixels) of the neighbourhood whose ink density is the chance of ink without print. */
const LOCAL = 7

/** Summed-area table of a mask: the ink count of any rectangle in four lookups. */
const integral = (m: Mask): Uint32Array => {
  const w = m.width + 1
  const out = new Uint32Array(w * (m.height + 1))
  for (let y = 0; y < m.height; y++) {
    let row = 0
    for (let x = 0; x < m.width; x++) {
      row += m.data[y * m.width + x]!
      out[(y + 1) * w + x + 1] = out[y * w + x + 1]! + row
    }
  }
  return out
}

/**
 * Under the alignment, for each template point: is there ink on the page (within a pixel), and how
 * much ink is around it anyway — in a page full of writing, ink at a print position proves little.
 */
const observe = ({ set, target, alignment }: { set: TemplateSet; target: Target; alignment: Alignment }): { seen: Uint8Array; around: Float32Array } => {
  const { xs, ys } = set.points
  const { fine } = target
  const sums = integral(fine)
  const w = fine.width + 1
  const seen = new Uint8Array(xs.length)
  const around = new Float32Array(xs.length)
  const cx = set.width / 2
  const cy = set.height / 2
  for (let i = 0; i < xs.length; i++) {
    const x = Math.round(fine.width / 2 + alignment.scale * (xs[i]! - cx) + alignment.dx)
    const y = Math.round(fine.height / 2 + alignment.scale * (ys[i]! - cy) + alignment.dy)
    if (x < 0 || y < 0 || x >= fine.width || y >= fine.height) continue
    seen[i] = fine.data[y * fine.width + x]!
    const x0 = Math.max(0, x - LOCAL)
    const y0 = Math.max(0, y - LOCAL)
    const x1 = Math.min(fine.width, x + LOCAL + 1)
    const y1 = Math.min(fine.height, y + LOCAL + 1)
    const ink = sums[y1 * w + x1]! - sums[y0 * w + x1]! - sums[y1 * w + x0]! + sums[y0 * w + x0]!
    around[i] = ink / ((x1 - x0) * (y1 - y0))
  }
  return { seen, around }
}

/**
 * How well each template explains a scanned page, as log-likelihood ratios against "no template":
 * where a template has print, the page should have ink (seen with PRINT_SEEN); without print, ink
 * comes as often as the page's ink density around that place (its handwriting). Everything off the
 * template's print is equally likely under every template and every way up of the same page, so only
 * the template's own points count: print found is evidence for it, print missing against it. Print
 * two templates share cancels out between them; print one has and another lacks tells them apart.
 */
export const scorePage = ({ set, page }: { set: TemplateSet; page: Mask }): PageLikelihood & { target: Target } => {
  const target = prepareTarget(page)
  const shared = scoreAligned({ set, target, alignment: alignTemplate({ points: set.points, target }) })
  if (set.membership.length === 1) return { ...shared, target }
  // One alignment fits the templates' union; on ruled paper, whose pages carry rules at different heights, it
  // can put the rules of page 3 on those of a first page, shifted and scaled, and the header then falls on
  // nothing. Where one template, aligned by its own print, explains the page far better, its alignment is the
  // page's. Every template is then scored at that one alignment: each aligned its own way, a template with
  // little print finds something to sit on in any handwriting, and the two ways up of a page stop comparing alike.
  const best = (fit: PageLikelihood) => Math.max(...fit.ll)
  let chosen = shared
  for (const points of set.own) {
    const fit = scoreAligned({ set, target, alignment: alignTemplate({ points, target }) })
    if (fit.alignment.hits >= OWN_FIT_HITS && best(fit) >= best(chosen) + (chosen === shared ? OWN_FIT_GAIN : 0)) chosen = fit
  }
  return { ...chosen, target }
}

/** `scorePage` with the page prepared and aligned already: another set in the same frame, scored where the first set put the page. */
export const scoreAligned = ({ set, target, alignment }: { set: TemplateSet; target: Target; alignment: Alignment }): PageLikelihood => {
  const { seen, around } = observe({ set, target, alignment })
  // How much print this scan keeps (faint copies lose thin lines): the share of the best-fitting
  // template's print that is there, so a light scan is not taken for a page without that print.
  const recall = set.membership.map((m) => {
    let n = 0
    let hit = 0
    for (let i = 0; i < m.length; i++) if (m[i]) {
      n++
      hit += seen[i]!
    }
    return (hit + 1) / (n + 2)
  })
  const printSeen = Math.min(PRINT_SEEN, Math.max(0.4, Math.max(...recall)))
  const weight = new Float64Array(seen.length)
  for (let i = 0; i < seen.length; i++) {
    const chance = Math.min(printSeen - 0.05, Math.max(0.02, around[i]!))
    weight[i] = seen[i] ? Math.log(printSeen / chance) : Math.log((1 - printSeen) / (1 - chance))
  }
  const ll = set.membership.map((m) => {
    let sum = 0
    for (let i = 0; i < m.length; i++) if (m[i]) sum += weight[i]!
    return sum / LIKELIHOOD_TEMPERATURE
  })
  return { alignment, ll, none: 0 }
}

/** The same page scored upright and turned half a turn: which way up it matches the templates best. */
export const scoreBothWays = ({ set, page }: { set: TemplateSet; page: Mask }): { upright: ReturnType<typeof scorePage>; turned: ReturnType<typeof scorePage> } => ({
  upright: scorePage({ set, page }),
  turned: scorePage({ set, page: rotate180(page) }),
})
