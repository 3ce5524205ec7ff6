import { alignTemplate } from '../template/align'
import { scoreAligned, scorePage, type TemplateSet } from '../template/pageModel'
import { turnSheet, unitMask, type Sheet } from './sheets'

/**
 * What one side of paper looks like: `labels[k]` is the (tempered) log-likelihood of "this is page
 * k+1 of a copy", `other` of "none of them" — a loose sheet, or simply a continuation page when the
 * templates are learned. Absolute values: the two ways up of one sheet are compared on them.
 */
export type UnitEvidence = { labels: number[]; other: number }

/** A sheet read both ways up: index 0 as the page analysis oriented it, 1 turned half a turn. */
export type SheetEvidence = { sheets: [Sheet, Sheet]; units: [UnitEvidence[], UnitEvidence[]]; orientationPrior: [number, number] }

/**
 * How much the page analysis' own orientation clues (lines' left edges, where the ink sits, a margin, a header) count
 * against the templates, in log-odds per point of clue. Learned from a batch, the print of the pages after a first
 * page is mostly where students write, and it fits a page turned half a turn a few nats better as often as not:
 * weighed 0.8, a written page's ordinary clue (~2) lost to that noise — 15 right sides turned over in 24 fresh classes
 * of the tuned designs, while the clue was never wrong there where it said anything. At 3 none is; at 2 one still is.
 * At 4 (the same as 3 on those 64 classes and on 16 more drawn with --seed 7) a written official sheet whose clue was
 * 2.0 stays upright against print that fit it turned by 7 nats. A subject's print (60–300 nats between the two ways
 * up) still decides where it is clear, and a page with no clue (blank, a lone number at its foot) goes by the print.
 */
const ORIENTATION_CLUE_WEIGHT = 4
const ORIENTATION_CLUE_CAP = 24

export const orientationPrior = (sheet: Sheet): [number, number] => {
  const clue = sheet.units.reduce((sum, u) => sum + u.orientationScore, 0)
  const strength = Math.min(ORIENTATION_CLUE_CAP, Math.abs(clue) * ORIENTATION_CLUE_WEIGHT)
  return clue >= 0 ? [0, -strength] : [-strength, 0]
}

const EMPTY: UnitEvidence = { labels: [], other: 0 }

/**
 * Every side of every sheet scored against a template set, both ways up. `otherLabel` names the
 * template that stands for "other" (learned continuation pages); without it, "other" is the
 * no-template model (a loose sheet that is not part of the subject). `following`: the learned print of
 * the page that follows a first page, which lowers the first-page score of a side it explains as well.
 */
export const templateEvidence = ({ sheets, set, otherLabel, following }: { sheets: Sheet[]; set: TemplateSet; otherLabel?: number; following?: TemplateSet }): SheetEvidence[] =>
  sheets.map((sheet) => {
    const both: [Sheet, Sheet] = [sheet, turnSheet(sheet)]
    const prior = orientationPrior(sheet)
    // the way up the page analysis' own clue prefers (upright when it says nothing)
    const clueSide = prior[0] >= prior[1] ? 0 : 1
    const units = both.map((s, o) =>
      s.units.map((u): UnitEvidence => {
        const page = unitMask(u)
        if (!page) return EMPTY
        const scored = scorePage({ set, page })
        const other = otherLabel === undefined ? scored.none : scored.ll[otherLabel]!
        // A side that the print of a page following a first page (page 2's table) explains at least as well as the
        // first page's is no first page: its first-page score goes below the other pages' by as much as that print
        // beats theirs. That print is aligned its own way: where the first page's print lays a page 2, its table
        // sits on the header box, not on its own place.
        const follow = following ? Math.max(...scoreAligned({ set: following, target: scored.target, alignment: alignTemplate({ points: following.points, target: scored.target }) }).ll) : -Infinity
        const labels = scored.ll.map((ll, k) => (k === otherLabel ? -Infinity : follow >= ll ? ll - Math.max(0, follow - other) : ll))
        // "Another page" is also page 2's own print, on the side the page's clue prefers: the print every later
        // page shares fits a page 2 with a table of its own better turned half a turn (framed A4 drawn with --seed
        // 11: by 26 nats, against a clue of 6.4), its own print upright. Page 2's print is learned the way each
        // page's clue says, so it only ever backs the clue: counted both ways up, aligned freely, it also fit some
        // later pages turned (framed A4 --seed 14: a page 3 by 12 nats) and turned them over.
        return { labels, other: o === clueSide ? Math.max(other, follow) : other }
      }),
    ) as [UnitEvidence[], UnitEvidence[]]
    return { sheets: both, units, orientationPrior: prior }
  })
