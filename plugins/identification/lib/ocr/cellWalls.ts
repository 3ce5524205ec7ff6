/**
 * The walls of a row of letter cells ("one letter per box", the official exam sheet's NOM and PRÉNOM):
 * thin vertical lines running from the row's top rule to its bottom rule, evenly spaced. Left in, a
 * recogniser reads them as I, l or | between every letter. A tall stroke that does not join two rules is
 * a letter (an L or an N written large), and only a regular grid of walls is taken away.
 */
const MIN_WALLS = 4
const MAX_WALL_WIDTH = 6
/** A wall meets its rules within this many rows. */
const MEET = 3
/** Share of the gaps between walls that must be close to their median for a grid. */
const REGULAR_SHARE = 0.7
const GAP_TOLERANCE = 0.25

export type Wall = { x0: number; x1: number }
export type Run = { start: number; end: number }

const ruledRows = ({ ink, width, height }: { ink: Uint8Array; width: number; height: number }): Uint8Array => {
  const minRun = Math.max(40, Math.round(width * 0.25))
  const ruled = new Uint8Array(height)
  for (let y = 0; y < height; y++) {
    let run = 0
    for (let x = 0; x < width && !ruled[y]; x++) {
      run = ink[y * width + x] ? run + 1 : 0
      if (run >= minRun) ruled[y] = 1
    }
  }
  return ruled
}

/** Each column's vertical runs of ink that join a ruled row above to a ruled row below. */
const joinsRules = ({ ink, width, height, ruled, x }: { ink: Uint8Array; width: number; height: number; ruled: Uint8Array; x: number }): Run[] => {
  const near = (y: number) => {
    for (let k = Math.max(0, y - MEET); k <= Math.min(height - 1, y + MEET); k++) if (ruled[k]) return true
    return false
  }
  const runs: Run[] = []
  let start = -1
  for (let y = 0; y <= height; y++) {
    const on = y < height && ink[y * width + x] === 1
    if (on && start < 0) start = y
    if (!on && start >= 0) {
      if (y - start >= 2 * MEET + 8 && near(start) && near(y - 1)) runs.push({ start, end: y })
      start = -1
    }
  }
  return runs
}

const isGrid = (walls: Wall[]): boolean => {
  if (walls.length < MIN_WALLS) return false
  if (walls.some((w) => w.x1 - w.x0 + 1 > MAX_WALL_WIDTH)) return false
  const centres = walls.map((w) => (w.x0 + w.x1) / 2)
  const gaps = centres.slice(1).map((c, i) => c - centres[i]!)
  const median = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)]!
  const regular = gaps.filter((g) => Math.abs(g - median) <= GAP_TOLERANCE * median).length
  return regular / gaps.length >= REGULAR_SHARE
}

/** Rows of letter cells: their walls (left to right), each column's runs of wall from rule to rule, the ruled rows. */
export type CellGrid = { walls: Wall[]; runs: Run[][]; ruled: Uint8Array }

/** The grid of letter cells in `ink` (1 = ink), or undefined when the walls found make no regular grid. */
export const findCellGrid = ({ ink, width, height }: { ink: Uint8Array; width: number; height: number }): CellGrid | undefined => {
  const ruled = ruledRows({ ink, width, height })
  if (!ruled.some(Boolean)) return undefined
  const runs = Array.from({ length: width }, (_, x) => joinsRules({ ink, width, height, ruled, x }))
  const walls: Wall[] = []
  for (let x = 0; x < width; x++) {
    if (runs[x]!.length === 0) continue
    const last = walls[walls.length - 1]
    if (last && last.x1 === x - 1) last.x1 = x
    else walls.push({ x0: x, x1: x })
  }
  if (!isGrid(walls)) return undefined
  return { walls, runs, ruled }
}

/**
 * The pixels of a grid of cell walls in `ink` (1 = ink), found while the rules are still in; empty when
 * there is no grid. The caller clears them after the rules, whose runs the walls would otherwise cut short.
 */
export const findCellWalls = ({ ink, width, height }: { ink: Uint8Array; width: number; height: number }): number[] => {
  const grid = findCellGrid({ ink, width, height })
  if (!grid) return []
  const { walls, runs, ruled } = grid
  const pixels: number[] = []
  for (const wall of walls) for (let x = wall.x0; x <= wall.x1; x++) for (const run of runs[x]!) for (let y = run.start; y < run.end; y++) pixels.push(y * width + x)
  // The rules the walls join, across the grid: what is left of them once their long runs are gone.
  const left = walls[0]!.x0
  const right = walls[walls.length - 1]!.x1
  for (let y = 0; y < height; y++) if (ruled[y]) for (let x = left; x <= right; x++) if (ink[y * width + x]) pixels.push(y * width + x)
  return pixels
}

/**
 * The strips of a band that run from one rule to the next, each grown by MEET rows: a row of letter cells
 * each, looked at alone. A band around a label read over two lines holds several rows of cells at other
 * pitches (NOM, PRÉNOM, the candidate's number, the date), whose walls together make no regular grid.
 */
export const stripsBetweenRules = ({ ink, width, height }: { ink: Uint8Array; width: number; height: number }): { y0: number; y1: number }[] => {
  const ruled = ruledRows({ ink, width, height })
  const rules: { y0: number; y1: number }[] = []
  for (let y = 0; y < height; y++) {
    if (!ruled[y]) continue
    const last = rules[rules.length - 1]
    if (last && last.y1 >= y - 1) last.y1 = y
    else rules.push({ y0: y, y1: y })
  }
  return rules.slice(1).map((rule, i) => ({ y0: Math.max(0, rules[i]!.y0 - MEET), y1: Math.min(height, rule.y1 + MEET + 1) }))
}
