import type { Payload, PayloadRequest } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import { NotFoundError } from '../../../runtime/errors'
import type { StoredCandidate } from '../types'
import { copiesOfExam, displayName, isOpen, studentsOfExam } from './copies'

export type DeskCopy = {
  id: Id
  anonymousId: string
  status: string
  identification: { status: string; method: string | null; confidence: number | null; reason: string | null }
  student: { id: Id; name: string } | null
  headerCropUrl: string | null
  thumbnailUrl: string | null
  pdfUrl: string | null
  pages: { sourcePage: number; region: string; rotation: number; batch: Id | null }[]
  /** what decided where the copy starts (ingestion); `unsure`: a proposal a person should confirm */
  segmentation: { boundary: string | null; margin: number | null; unsure: boolean }
  candidates: (StoredCandidate & { takenBy: Id | null })[]
}

export type Desk = {
  exam: { id: Id; title: string; className: string | null; status: string }
  counts: { total: number; open: number }
  copies: DeskCopy[]
  students: { id: Id; name: string; birthDate: string | null; takenBy: Id | null }[]
}

const fileUrl = (filename: unknown): string | null => (typeof filename === 'string' ? `/api/media/file/${encodeURIComponent(filename)}` : null)

/** Everything the identification desk shows for one exam, in one request: open copies first. */
export const getDesk = async ({ payload, examId, req }: { payload: Payload; examId: Id; req?: PayloadRequest }): Promise<Desk> => {
  const exam = await payload.findByID({ collection: 'exams', id: examId, depth: 0, overrideAccess: true, req, disableErrors: true })
  if (!exam) throw new NotFoundError(`Exam ${examId} does not exist`)
  const [copies, students] = await Promise.all([copiesOfExam({ payload, examId, req }), studentsOfExam({ payload, exam, req })])
  const mediaIds = copies.flatMap((c) => [idOf(c.identification?.headerCrop), idOf(c.thumbnail), idOf(c.pdf)]).filter((id) => id !== undefined)
  const media = mediaIds.length
    ? (await payload.find({ collection: 'media', where: { id: { in: mediaIds } }, depth: 0, limit: 0, pagination: false, overrideAccess: true, req, select: { filename: true } })).docs
    : []
  const filenames = new Map(media.map((m) => [String(m.id), m.filename]))
  const urlOf = (value: unknown) => fileUrl(filenames.get(String(idOf(value))))
  const takenBy = new Map<string, Id>()
  for (const c of copies) if (idOf(c.student) !== undefined) takenBy.set(String(idOf(c.student)), c.id)
  const names = new Map(students.map((s) => [String(s.id), displayName(s)]))
  const ordered = [...copies.filter(isOpen), ...copies.filter((c) => !isOpen(c))]
  return {
    exam: { id: exam.id, title: exam.title, className: exam.className ?? null, status: exam.status ?? 'draft' },
    counts: { total: copies.length, open: copies.filter(isOpen).length },
    copies: ordered.map((c) => {
      const student = idOf(c.student)
      return {
        id: c.id,
        anonymousId: c.anonymousId,
        status: c.status,
        identification: {
          status: c.identification?.status ?? 'pending',
          method: c.identification?.method ?? null,
          confidence: c.identification?.confidence ?? null,
          reason: c.identification?.reason ?? null,
        },
        student: student !== undefined ? { id: student, name: names.get(String(student)) ?? String(student) } : null,
        headerCropUrl: urlOf(c.identification?.headerCrop),
        thumbnailUrl: urlOf(c.thumbnail),
        pdfUrl: urlOf(c.pdf),
        pages: (c.pages ?? []).map((p: any) => ({ sourcePage: p.sourcePage, region: p.region ?? 'full', rotation: p.rotation ?? 0, batch: idOf(p.batch) ?? null })),
        segmentation: { boundary: c.segmentation?.boundary ?? null, margin: c.segmentation?.margin ?? null, unsure: Boolean(c.segmentation?.unsure) },
        candidates: ((c.identification?.candidates ?? []) as StoredCandidate[]).map((k) => ({ ...k, takenBy: takenBy.get(String(k.studentId)) ?? null })),
      }
    }),
    students: students.map((s) => ({ id: s.id, name: displayName(s), birthDate: s.birthDate ?? null, takenBy: takenBy.get(String(s.id)) ?? null })),
  }
}
