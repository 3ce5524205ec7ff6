// Moved to shared/ids.ts (one definition for server, admin and portal).
export { idOf, sameId } from '../shared/ids'
