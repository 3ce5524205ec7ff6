import type { Box } from './pixels'

/**
 * Where each copy's name is handwritten on its first page, in points of the upright page. The legacy
 * generator (tests/fixtures/scans) draws the NOM / Prénom answers from x = 110 on the lines at 772 and
 * 748 pt from the bottom of an A4 sheet (13–17 pt hand); a generator that records `identityZones` in its
 * truth is used as is.
 */
export const nameZonesOf = (copy: { identityZones?: { page: number; box: Box }[] }): Box[] =>
  copy.identityZones?.filter((z) => z.page === 0).map((z) => z.box) ?? [
    // NOM : cap height above the baseline at 842 - 771, descenders below
    { x: 108, y: 842 - 788, width: 280, height: 26 },
    // Prénom :
    { x: 108, y: 842 - 764, width: 280, height: 26 },
  ]
