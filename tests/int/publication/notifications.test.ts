import type { AddressInfo } from 'node:net'

import { simpleParser, type ParsedMail } from 'mailparser'
import { PDFDocument } from 'pdf-lib'
import { SMTPServer } from 'smtp-server'

import { storeMedia } from '../../../storage/uploads'
import { startTestApp, type TestApp } from '../helpers/app'
import { signIn, type ApiClient } from '../helpers/http'
import { seedClass } from '../helpers/seed'
import { waitFor } from '../helpers/wait'

import type { Id } from '../../../shared/ids'
type Received = { to: string[]; user: string | undefined; mail: ParsedMail }

/**
 * A real SMTP server on 127.0.0.1 (smtp-server), which the app reaches through KORRIGO_SMTP_URL as it
 * would reach the school's: it checks the credentials of the URL and keeps every message, parsed.
 */
const smtp = {
  port: 0,
  server: undefined as SMTPServer | undefined,
  received: [] as Received[],
  /** When set, the server stops listening right after accepting that many messages (a crash mid-way). */
  stopAfter: undefined as number | undefined,
  logins: [] as string[],
}

const USER = 'korrigo'
const PASSWORD = 's3cr&t:pw'

const startSmtp = async (port: number): Promise<number> => {
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username !== USER || auth.password !== PASSWORD) return callback(new Error('Invalid username or password'))
      smtp.logins.push(auth.username)
      callback(null, { user: auth.username })
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          smtp.received.push({ to: session.envelope.rcptTo.map((r) => r.address), user: session.user as string | undefined, mail })
          callback()
          if (smtp.stopAfter !== undefined && smtp.received.length >= smtp.stopAfter) void stopSmtp()
        })
        .catch((error: Error) => callback(error))
    },
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()))
  smtp.server = server
  smtp.port = (server.server.address() as AddressInfo).port
  return smtp.port
}

const stopSmtp = () => {
  const server = smtp.server
  smtp.server = undefined
  smtp.stopAfter = undefined
  // Listening stops at once; the connection that just delivered closes on the client's QUIT.
  return new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
}

let app: TestApp
let admin: ApiClient
let seed: Awaited<ReturnType<typeof seedClass>>
const env = ['KORRIGO_SMTP_URL', 'KORRIGO_MAIL_FROM', 'KORRIGO_PUBLIC_URL'] as const
const savedEnv = Object.fromEntries(env.map((k) => [k, process.env[k]]))

const onePagePdf = async () => {
  const doc = await PDFDocument.create()
  doc.addPage([595, 842])
  return doc.save()
}

type Pupil = { firstName: string; lastName: string; email?: string; status: 'finalized' | 'marking'; points?: number }

/** An exam with one copy per pupil, each with a scanned PDF (publication renders it), finalized or not. */
const seedExam = async ({ title, pupils }: { title: string; pupils: Pupil[] }) => {
  const payload = app.runtime.payload
  const exam = await payload.create({
    collection: 'exams',
    data: { title, className: '3e B', gradingScale: [{ key: 'Q1', maxPoints: 20, step: 0.5 }], correctors: [seed.alice.id], status: 'marking' },
  })
  const pdf = await onePagePdf()
  const copies: Record<string, Id> = {}
  for (const pupil of pupils) {
    const student = await payload.create({
      collection: 'students',
      data: { firstName: pupil.firstName, lastName: pupil.lastName, birthDate: '2011-05-02', className: '3e B', ...(pupil.email ? { email: pupil.email } : {}) },
    })
    const copy = await payload.create({ collection: 'copies', data: { exam: exam.id, status: 'ready', student: student.id, pages: [{ sourcePage: 1 }] } as never })
    const media = await storeMedia({ payload, bytes: pdf, name: 'copy.pdf', mimetype: 'application/pdf', data: { kind: 'copy-pdf', exam: exam.id, copy: copy.id } })
    if (pupil.points !== undefined)
      await payload.create({ collection: 'grades', data: { copy: copy.id, questionKey: 'Q1', points: pupil.points, marking: 1 }, user: seed.admin, overrideAccess: true })
    await payload.update({ collection: 'copies', id: copy.id, data: { pdf: media.id, status: pupil.status }, overrideAccess: true })
    copies[pupil.firstName] = copy.id
  }
  return { exam, copies }
}

const notifiedAt = async (copyId: Id) =>
  ((await app.runtime.payload.findByID({ collection: 'copies', id: copyId, depth: 0, overrideAccess: true })) as { notifiedAt?: string | null }).notifiedAt ?? null

const mailsTo = (address: string) => smtp.received.filter((r) => r.to.includes(address))

/** The notification job of an exam (the one `publish` queues), once it has finished a run after `after`. */
const notifyJobOf = async (examId: Id) => {
  const { jobs } = await app.runtime.agenda.queryJobs({ name: 'notify-students' })
  return jobs.find((job) => String((job.data as { examId?: Id }).examId) === String(examId))
}

const jobStatus = (id: string) => admin.request('GET', `/api/korrigo/jobs/status/${id}`).then((r) => r.body)

/** Runs the notification job again, as an admin would from the jobs endpoint, and waits for its end. */
const rerunNotifications = async (examId: Id) => {
  const queued = await admin.request('POST', '/api/korrigo/jobs/notify-students', { examId })
  expect(queued.status).toBe(202)
  return waitFor('the re-run to finish', async () => {
    const job = await jobStatus(queued.body.id)
    return job.lastFinishedAt ? job : undefined
  })
}

const published = (examId: Id) =>
  waitFor('the exam to be published', async () => {
    const exam = await app.runtime.payload.findByID({ collection: 'exams', id: examId, depth: 0, overrideAccess: true })
    return exam.status === 'published' ? exam : undefined
  })

beforeAll(async () => {
  const port = await startSmtp(0)
  // Read when the app builds its Payload config, in startTestApp: set before it.
  process.env.KORRIGO_SMTP_URL = `smtp://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}`
  process.env.KORRIGO_MAIL_FROM = 'Vie scolaire — Lycée Hélène-Boucher <vie-scolaire@lycee.test>'
  process.env.KORRIGO_PUBLIC_URL = 'https://korrigo.lycee.test'
  app = await startTestApp()
  seed = await seedClass(app.runtime.payload)
  admin = await signIn({ baseUrl: app.baseUrl, email: 'admin@school.test', password: 'admin-password-1' })
})

afterAll(async () => {
  await app?.close()
  await stopSmtp()
  for (const key of env) {
    if (savedEnv[key] === undefined) delete process.env[key]
    else process.env[key] = savedEnv[key]
  }
})

describe('publication e-mails', () => {
  it('mails each published student once, in French with accents intact, without the mark', async () => {
    const title = 'Éducation civique — « Égalité » n°2'
    const { exam, copies } = await seedExam({
      title,
      pupils: [
        { firstName: 'Éloïse', lastName: 'Lefèvre', email: 'eloise.lefevre@eleve.test', status: 'finalized', points: 13.5 },
        { firstName: 'Noé', lastName: 'Martin', status: 'finalized', points: 9 },
        { firstName: 'Zoé', lastName: 'Ducrocq', email: 'zoe.ducrocq@eleve.test', status: 'marking', points: 11 },
        { firstName: 'Joël', lastName: 'Ng', email: 'joel.ng@eleve.test', status: 'finalized', points: 17 },
      ],
    })
    const response = await admin.request('POST', `/api/publication/exams/${exam.id}/publish`, {})
    expect(response.status).toBe(202)
    expect(response.body).toMatchObject({ finalizedCopies: 3, notify: true, mailConfigured: true })
    await published(exam.id)
    const job = await waitFor('the notification job to finish', async () => {
      const found = await notifyJobOf(exam.id)
      return found?.lastFinishedAt ? found : undefined
    })
    expect(job.state).toBe('completed')
    expect(job.failReason ?? null).toBeNull()
    expect(job.progress).toBe(100)

    const forExam = smtp.received.filter((r) => r.mail.subject?.includes(title))
    expect(forExam.map((r) => r.to).flat().sort()).toEqual(['eloise.lefevre@eleve.test', 'joel.ng@eleve.test'])
    const eloise = mailsTo('eloise.lefevre@eleve.test')
    expect(eloise).toHaveLength(1)
    const { mail, user } = eloise[0]!
    expect(user).toBe(USER)
    expect(mail.subject).toBe(`Votre copie corrigée est disponible : ${title}`)
    expect(mail.from?.value[0]).toEqual({ name: 'Vie scolaire — Lycée Hélène-Boucher', address: 'vie-scolaire@lycee.test' })
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : undefined).toBe('eloise.lefevre@eleve.test')
    expect(mail.text).toContain('Bonjour Éloïse,')
    expect(mail.text).toContain(`« ${title} »`)
    expect(mail.text).toContain('https://korrigo.lycee.test/portal/#/student')
    expect(mail.html).toContain('href="https://korrigo.lycee.test/portal/#/student"')
    expect(mail.html).toContain('Éducation civique — « Égalité » n°2')
    // the mark stays in the student space: neither 13.5 nor its /20 rendering is in the mail
    for (const body of [mail.text ?? '', String(mail.html)]) expect(body).not.toMatch(/13[.,]5|\/\s*20/)

    expect(await notifiedAt(copies['Éloïse']!)).not.toBeNull()
    expect(await notifiedAt(copies['Joël']!)).not.toBeNull()
    // no address, and not finalized: nobody mailed, nothing stamped
    expect(await notifiedAt(copies['Noé']!)).toBeNull()
    expect(await notifiedAt(copies['Zoé']!)).toBeNull()
    expect(mailsTo('zoe.ducrocq@eleve.test')).toHaveLength(0)

    // a second run finds everyone told
    const before = smtp.received.length
    const rerun = await rerunNotifications(exam.id)
    expect(rerun.failReason).toBeNull()
    expect(smtp.received.length).toBe(before)
  })

  it('publishes without e-mails when asked, and mails in English later if the publication speaks English', async () => {
    const title = 'Anglais — compréhension écrite'
    const { exam, copies } = await seedExam({ title, pupils: [{ firstName: 'Maëlle', lastName: 'Roussel', email: 'maelle@eleve.test', status: 'finalized' }] })
    expect((await admin.request('POST', `/api/publication/exams/${exam.id}/publish`, { notify: 'yes' })).status).toBe(400)

    const quiet = await admin.request('POST', `/api/publication/exams/${exam.id}/publish`, { notify: false })
    expect(quiet.status).toBe(202)
    expect(quiet.body.notify).toBe(false)
    await published(exam.id)
    // the publish job queues the notification before it ends: once it has ended, there is none
    await waitFor('the publish job to end', async () => ((await jobStatus(quiet.body.job)).lastFinishedAt ? true : undefined))
    expect(await notifyJobOf(exam.id)).toBeUndefined()
    expect(mailsTo('maelle@eleve.test')).toHaveLength(0)
    expect(await notifiedAt(copies['Maëlle']!)).toBeNull()

    const publication = (app.runtime.payload.config.custom as { korrigo: { publication: { locale: string } } }).korrigo.publication
    publication.locale = 'en'
    try {
      expect((await admin.request('POST', `/api/publication/exams/${exam.id}/publish`, {})).status).toBe(202)
      const [received] = await waitFor('the English mail', async () => (mailsTo('maelle@eleve.test').length ? mailsTo('maelle@eleve.test') : undefined))
      expect(received!.mail.subject).toBe(`Your marked paper is available: ${title}`)
      expect(received!.mail.text).toContain('Hello Maëlle,')
      expect(received!.mail.text).toContain('https://korrigo.lycee.test/portal/#/student')
    } finally {
      publication.locale = 'fr'
    }
    await waitFor('the stamp', async () => ((await notifiedAt(copies['Maëlle']!)) ? true : undefined))
  })

  it('fails with the SMTP server named when it goes away mid-way, then sends only the rest once it is back', async () => {
    const { exam, copies } = await seedExam({
      title: 'Physique-chimie — l’énergie',
      pupils: [
        { firstName: 'Inès', lastName: 'Benali', email: 'ines@eleve.test', status: 'finalized' },
        { firstName: 'Théo', lastName: 'Girard', email: 'theo@eleve.test', status: 'finalized' },
        { firstName: 'Chloé', lastName: 'Perrin', email: 'chloe@eleve.test', status: 'finalized' },
      ],
    })
    const addresses = ['chloe@eleve.test', 'ines@eleve.test', 'theo@eleve.test']
    const port = smtp.port
    // the server takes one mail of this exam and goes down
    smtp.stopAfter = smtp.received.length + 1
    expect((await admin.request('POST', `/api/publication/exams/${exam.id}/publish`, {})).status).toBe(202)
    const failed = await waitFor('the notification job to fail', async () => {
      const job = await notifyJobOf(exam.id)
      return job?.failReason ? job : undefined
    })
    expect(failed.state).toBe('failed')
    expect(failed.failReason).toContain(`smtp://127.0.0.1:${port}`)
    expect(failed.failReason).toMatch(/ECONNREFUSED/)
    expect(failed.failReason).toContain('1 sent in this run, 2 left')
    expect(failed.failReason).not.toContain(PASSWORD)
    const delivered = addresses.filter((a) => mailsTo(a).length)
    expect(delivered).toHaveLength(1)
    const stamped = await Promise.all(Object.values(copies).map(notifiedAt))
    expect(stamped.filter(Boolean)).toHaveLength(1)

    await startSmtp(port)
    const rerun = await rerunNotifications(exam.id)
    expect(rerun.failReason).toBeNull()
    for (const address of addresses) expect(mailsTo(address)).toHaveLength(1)
    for (const copyId of Object.values(copies)) expect(await notifiedAt(copyId)).not.toBeNull()
  })
})
