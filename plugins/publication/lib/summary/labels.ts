import type { RenderLocale } from '../types'

export const SUMMARY_LABELS: Record<RenderLocale, Record<'heading' | 'student' | 'copy' | 'question' | 'points' | 'total' | 'outOf20' | 'notGraded', string>> = {
  fr: {
    heading: 'Relevé de notes',
    student: 'Élève',
    copy: 'Copie',
    question: 'Question',
    points: 'Points',
    total: 'Total',
    outOf20: 'Note sur 20',
    notGraded: 'non notée',
  },
  en: {
    heading: 'Grade summary',
    student: 'Student',
    copy: 'Copy',
    question: 'Question',
    points: 'Points',
    total: 'Total',
    outOf20: 'Mark out of 20',
    notGraded: 'not graded',
  },
}
