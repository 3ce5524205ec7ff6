import { formatPoints } from '../grading/points'

const locale = (language: string): string => (language === 'fr' ? 'fr-FR' : 'en-GB')

/** "5,75 / 20" in French, "5.75 / 20" in English; a dash when there is no total. */
export const formatGrade = ({ points, max, language }: { points: number | null; max: number; language: string }): string =>
  `${points === null ? '—' : formatPoints(points, language)} / ${formatPoints(max, language)}`

/** A calendar day (an exam date, a publication date) in the reader's language. */
export const formatDay = ({ iso, language }: { iso: string | null; language: string }): string =>
  iso ? new Date(iso).toLocaleDateString(locale(language), { day: 'numeric', month: 'long', year: 'numeric' }) : ''
