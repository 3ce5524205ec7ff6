/**
 * What decided where a copy starts, in words: shown by the batch's Découpage tab and by the
 * identification desk, so defined once for both namespaces.
 */
export const evidenceFr = {
  evidence_subject: 'page 1 du sujet reconnue',
  'evidence_learned-template': 'première page apprise sur le lot',
  'evidence_handwriting-layout': 'mise en page de l’écriture',
  'evidence_qr-code': 'QR code du livret imprimé',
  'evidence_header-box': 'cadre d’en-tête',
  'evidence_sheet-structure': 'structure des feuilles',
  evidence_none: 'aucune',
} as const

export const evidenceEn: { [K in keyof typeof evidenceFr]: string } = {
  evidence_subject: 'page 1 of the subject recognised',
  'evidence_learned-template': 'first page learned from the batch',
  'evidence_handwriting-layout': 'layout of the handwriting',
  'evidence_qr-code': 'printed booklet’s QR code',
  'evidence_header-box': 'header box',
  'evidence_sheet-structure': 'sheet structure',
  evidence_none: 'none',
}
