export { clip, examZoneProblem, grow, mergeZones, redactionKey, zonesByPage, type IdentityZone, type ZoneBox } from './zones'
export { fieldToPage, headerIdentityZones, FIELD_MARGIN, type CropGeometry, type PixelRect } from './headerZones'
export { paintZones, MASK_EDGE, MASK_FILL } from './paint'
export { redactPdf, renderPageJpeg, renderThumbnail, RedactionError, REDACTION_DPI, type RedactedPdf } from './redactPdf'
