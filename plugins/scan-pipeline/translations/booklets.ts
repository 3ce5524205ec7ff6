/** The exam's Livrets tab: prepared booklets to print (French first, English translation). */
export const bookletsFr = {
  tab: 'Livrets',
  title: 'Livrets préparés avec QR codes',
  intro:
    'Chaque page porte un QR code (examen, numéro de livret, page) : au retour du scanner, les pages sont remises en ordre et à l’endroit, et un livret imprimé au nom d’un élève lui est attribué sans lecture de l’écriture. Un livret par élève de la classe de l’examen, le sujet vierge en fond.',
  layout: 'Format',
  a4: 'A4, une page par feuille (recto-verso)',
  a3: 'A3 imposé, à plier en livret',
  blank: 'Livrets vierges en plus (nom à écrire)',
  print: 'Télécharger le PDF à imprimer',
  forbidden: 'L’impression des livrets est réservée aux administrateurs.',
} as const

export const bookletsEn: { [K in keyof typeof bookletsFr]: string } = {
  tab: 'Booklets',
  title: 'Prepared booklets with QR codes',
  intro:
    'Every page carries a QR code (exam, booklet number, page): when the scans come back, pages are put back in order and upright, and a booklet printed with a student’s name is given to that student without reading any handwriting. One booklet per student of the exam’s class, the blank subject as background.',
  layout: 'Layout',
  a4: 'A4, one page per sheet (double-sided)',
  a3: 'A3 imposed, to fold into a booklet',
  blank: 'Extra blank booklets (name written by hand)',
  print: 'Download the PDF to print',
  forbidden: 'Printing booklets is for admins only.',
}
