import {
  composeNotification,
  describeSmtp,
  describeSmtpFailure,
  isRecipientRejected,
  mailSettingsFromEnv,
  parseFrom,
  studentSpaceUrlOf,
} from '../../../plugins/publication/lib/mail'

describe('notification e-mail', () => {
  const url = 'https://korrigo.lycee.test/portal/#/student'

  it('is French by default: the exam in the subject, the student space link, no mark', () => {
    const mail = composeNotification({ examTitle: 'Éducation civique — « Égalité »', firstName: 'Éloïse', studentSpaceUrl: url })
    expect(mail.subject).toBe('Votre copie corrigée est disponible : Éducation civique — « Égalité »')
    expect(mail.text.split('\n')[0]).toBe('Bonjour Éloïse,')
    expect(mail.text).toContain(`Pour la consulter : ${url}`)
    expect(mail.html).toContain(`<a href="${url}"`)
    expect(mail.html).toContain('<html lang="fr">')
    expect(mail.text).not.toMatch(/\d+\s*\/\s*20/)
  })

  it('speaks English when asked', () => {
    const mail = composeNotification({ locale: 'en', examTitle: 'Maths', firstName: 'Joël', studentSpaceUrl: url })
    expect(mail.subject).toBe('Your marked paper is available: Maths')
    expect(mail.text).toContain('Hello Joël,')
    expect(mail.html).toContain('<html lang="en">')
  })

  it('escapes the title in HTML and keeps the subject on one line', () => {
    const mail = composeNotification({ examTitle: 'Devoir <b>1</b>\r\nBcc: x@y.z & co', firstName: null })
    expect(mail.subject).toBe('Votre copie corrigée est disponible : Devoir <b>1</b> Bcc: x@y.z & co')
    expect(mail.html).toContain('Devoir &lt;b&gt;1&lt;/b&gt; Bcc: x@y.z &amp; co')
    expect(mail.html).not.toContain('<b>1</b>')
    expect(mail.text.split('\n')[0]).toBe('Bonjour,')
  })

  it('says where to go when the public URL is unknown', () => {
    const mail = composeNotification({ examTitle: 'Maths' })
    expect(mail.text).toContain('Connectez-vous à votre espace élève')
    expect(mail.html).not.toContain('<a ')
    expect(studentSpaceUrlOf(undefined)).toBeUndefined()
    expect(studentSpaceUrlOf('')).toBeUndefined()
    expect(studentSpaceUrlOf('https://k.test/')).toBe('https://k.test/portal/#/student')
  })
})

describe('mail settings', () => {
  it('is off without KORRIGO_SMTP_URL', () => {
    expect(mailSettingsFromEnv({})).toBeUndefined()
    expect(mailSettingsFromEnv({ KORRIGO_SMTP_URL: '  ' })).toBeUndefined()
  })

  it('reads the sender, or derives one', () => {
    expect(mailSettingsFromEnv({ KORRIGO_SMTP_URL: 'smtp://u:p@mail.test:2525', KORRIGO_MAIL_FROM: 'Lycée Hélène <notes@lycee.test>' })?.from).toEqual({
      name: 'Lycée Hélène',
      address: 'notes@lycee.test',
    })
    expect(mailSettingsFromEnv({ KORRIGO_SMTP_URL: 'smtps://notes%40lycee.test:p@mail.test' })?.from).toEqual({ name: 'Korrigo', address: 'notes@lycee.test' })
    expect(mailSettingsFromEnv({ KORRIGO_SMTP_URL: 'smtp://mail.test', KORRIGO_PUBLIC_URL: 'https://korrigo.lycee.test' })?.from.address).toBe('no-reply@korrigo.lycee.test')
    expect(parseFrom('notes@lycee.test')).toEqual({ name: 'Korrigo', address: 'notes@lycee.test' })
    expect(parseFrom('"Vie scolaire" <vs@lycee.test>')).toEqual({ name: 'Vie scolaire', address: 'vs@lycee.test' })
  })

  it('refuses what is not an SMTP URL, with the variable named', () => {
    expect(() => mailSettingsFromEnv({ KORRIGO_SMTP_URL: 'mail.test:25' })).toThrow(/KORRIGO_SMTP_URL/)
    expect(() => mailSettingsFromEnv({ KORRIGO_SMTP_URL: 'http://mail.test' })).toThrow(/smtp:\/\/ or smtps:\/\//)
  })

  it('names the server without its password', () => {
    expect(describeSmtp('smtp://user:secret@mail.test:2525')).toBe('smtp://mail.test:2525')
    expect(describeSmtp('smtps://user:secret@mail.test')).toBe('smtps://mail.test:465')
    expect(describeSmtp('smtp://mail.test')).toBe('smtp://mail.test:587')
  })
})

describe('SMTP failures', () => {
  const failure = (fields: Record<string, unknown>) => Object.assign(new Error(String(fields.message ?? 'failed')), fields)

  it('tells a refused recipient from a server problem', () => {
    expect(isRecipientRejected(failure({ code: 'EENVELOPE', responseCode: 550, message: 'Mailbox unavailable' }))).toBe(true)
    // a temporary refusal is retried later, with the rest
    expect(isRecipientRejected(failure({ code: 'EENVELOPE', responseCode: 451 }))).toBe(false)
    expect(isRecipientRejected(failure({ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:2525' }))).toBe(false)
    expect(isRecipientRejected(failure({ code: 'EAUTH', responseCode: 535 }))).toBe(false)
  })

  it('describes the cause in one line', () => {
    expect(describeSmtpFailure(failure({ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:2525' }))).toBe('connect ECONNREFUSED 127.0.0.1:2525 (ESOCKET)')
    expect(describeSmtpFailure(failure({ code: 'EAUTH', message: 'Invalid login:\n535 Authentication failed' }))).toBe('Invalid login: 535 Authentication failed (EAUTH)')
  })
})
