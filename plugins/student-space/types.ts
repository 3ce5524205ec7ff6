import type { StudentSpaceSettingsInput } from './lib/settings'

/** `enabled: false` leaves the students' sign-in fields in place (the schema stays) but serves no endpoint. */
export type StudentSpaceOptions = StudentSpaceSettingsInput & { enabled?: boolean }
