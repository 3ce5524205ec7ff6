import type { RenderLocale } from '../types'

/** The notification's words, French first. Kept apart so a school can read (and translate) them in one place. */
export const notificationLabels = {
  fr: {
    subject: (exam: string) => `Votre copie corrigée est disponible : ${exam}`,
    greeting: (firstName: string) => (firstName ? `Bonjour ${firstName},` : 'Bonjour,'),
    available: (exam: string) => `Votre copie corrigée de « ${exam} » est disponible dans votre espace élève.`,
    link: 'Pour la consulter :',
    noLink: 'Connectez-vous à votre espace élève pour la consulter.',
    signIn: 'Connectez-vous avec votre adresse e-mail et votre date de naissance.',
    signature: 'Ce message a été envoyé automatiquement par Korrigo ; merci de ne pas y répondre.',
    button: 'Voir ma copie',
  },
  en: {
    subject: (exam: string) => `Your marked paper is available: ${exam}`,
    greeting: (firstName: string) => (firstName ? `Hello ${firstName},` : 'Hello,'),
    available: (exam: string) => `Your marked paper for “${exam}” is available in your student space.`,
    link: 'To read it:',
    noLink: 'Sign in to your student space to read it.',
    signIn: 'Sign in with your e-mail address and your date of birth.',
    signature: 'This message was sent automatically by Korrigo; please do not reply.',
    button: 'See my paper',
  },
} satisfies Record<RenderLocale, unknown>
