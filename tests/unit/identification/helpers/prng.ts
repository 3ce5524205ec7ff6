import { createRng as createFixtureRng } from '../../../fixtures/scans/prng'

/** The fixtures' seeded PRNG, with the small extras the identification tests use. */
export const createRng = (seed: number) => {
  const base = createFixtureRng(seed)
  return {
    next: base.next,
    int: (max: number) => base.int(0, max - 1),
    chance: base.chance,
    pick: base.pick,
    shuffle: <T>(items: readonly T[]): T[] => {
      const copy = [...items]
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(base.next() * (i + 1))
        ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
      }
      return copy
    },
  }
}
export type Rng = ReturnType<typeof createRng>
