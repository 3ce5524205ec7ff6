// Moved to collections/hooks/system-write.ts: the core grade hooks honour it too (a rubric item's new points
// rewritten into every grade applying it).
export { isSystemWrite, systemWrite } from '../../../collections/hooks/system-write'
