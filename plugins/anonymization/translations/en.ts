import type { fr } from './fr'

export const en: Record<keyof typeof fr, string> = {
  tab: 'Anonymity',
  title: 'Anonymity of the copies',
  forbidden: 'Admins only (403).',
  loading: 'Loading…',
  error: 'Error',
  help: 'Markers only ever receive scans whose identity zones are erased (pixels replaced on the server). Draw below, on the first page of a copy, where students write their name: it is erased on the first page of every copy, on top of the fields identification found.',
  noCopy: 'No scanned copy yet: the zone can be drawn as soon as a copy exists.',
  draw: 'Drag the mouse over the page to draw the zone.',
  save: 'Save the zone',
  remove: 'Remove the zone',
  saved: 'Zone saved: the copies are being anonymised again.',
  removed: 'Zone removed.',
  legendExam: "The exam's zone",
  legendDetected: 'Fields found by identification',
  preview: 'Anonymised preview',
  original: 'Original',
  counts: '{{done}} copy(ies) anonymised, {{pending}} in progress, {{failed}} failed',
  withoutZones: '{{count}} copy(ies) without any known zone: their scan is shown as is to markers. Draw the exam’s zone.',
  refresh: 'Refresh',
}
