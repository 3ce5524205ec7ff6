import { readFileSync } from 'node:fs'

import { parseRoster, RosterFormatError, type RosterParseResult } from '../../plugins/identification/lib/roster/index'
import { guardRosterInput, rosterLimitsFromEnv } from '../../plugins/identification/lib/rosterGuard/index'
import { config } from '../../runtime/config'

export class RosterFileError extends Error {}

/** The class list for the CLI, parsed like an admin upload; bad rows are reported, not fatal. */
export const loadRoster = (path: string): RosterParseResult => {
  let data: Uint8Array
  try {
    data = new Uint8Array(readFileSync(path))
  } catch (err) {
    throw new RosterFileError(`${path}: cannot read the roster (${(err as Error).message})`)
  }
  try {
    return parseRoster({ data: guardRosterInput({ data, fileName: path, limits: rosterLimitsFromEnv(config()) }) })
  } catch (err) {
    if (err instanceof RosterFormatError || (err as { status?: number }).status) throw new RosterFileError(`${path}: ${(err as Error).message}`)
    throw err
  }
}
