/** Letters without accents, runs of anything else as one dash: a name every file system and mail client keeps. */
const asciiSlug = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')

/** "Maths-controle-1_NDiaye_Aissatou.pdf": the exam first, so a student's downloads sort by subject. */
export const copyFileName = ({ examTitle, lastName, firstName }: { examTitle: string; lastName?: string | null; firstName?: string | null }): string => {
  const parts = [asciiSlug(examTitle) || 'copie', asciiSlug(lastName ?? ''), asciiSlug(firstName ?? '')].filter(Boolean)
  return `${parts.join('_').slice(0, 120)}.pdf`
}

/** `inline` to show in the browser, `attachment` to save; the name is ASCII already, so no RFC 5987 form is needed. */
export const contentDisposition = ({ fileName, download }: { fileName: string; download: boolean }): string =>
  `${download ? 'attachment' : 'inline'}; filename="${fileName.replace(/["\\]/g, '')}"`
