import type { Payload } from 'payload'

import type { Id } from '../../../collections/access/roles'
import { idOf } from '../../../collections/relations'
import { examCopiesLock, withLock } from '../../../locks/withLock'
import { inTransaction } from '../../../runtime/transaction'
import { groupFragments, type Fragment } from '../lib/match/fragments'
import { toMatchStudent } from '../lib/match/index'
import { mergePages } from '../lib/pages/index'
import { copiesOfExam, isSettled, type CopyDoc, type StudentDoc } from './copies'
import { recordDecision } from './decisions'
import type { StoredReadings } from './readCopyHeader'
import { looseBatchesOf } from './looseBatches'
import { pagesKey, type StoredPageOrder } from './orderWrittenPages'
import { copyReadingOf, joinedReadings } from './sheetReadings'
import { batchSources, pagesOf, rebuildCopy } from './rebuildCopy'

const fragmentOf = ({ copy, looseBatches }: { copy: CopyDoc; looseBatches: Set<string> }): Fragment | undefined => {
  const readings = copy.identification?.readings as StoredReadings | undefined
  const pages = pagesOf(copy)
  const batch = idOf(pages[0]?.batch)
  if (!readings || batch === undefined || pages.length === 0) return undefined
  const sources = pages.filter((p) => String(p.batch) === String(batch)).map((p) => p.sourcePage)
  // The page numbers read on the copy as it is now (a reading of another page list says nothing).
  const order = (readings as StoredReadings & { pageOrder?: StoredPageOrder }).pageOrder
  const written = order?.key === pagesKey(copy) && order.total && order.numbers ? { total: order.total, numbers: order.numbers } : undefined
  return {
    key: String(copy.id),
    batch: String(batch),
    firstPage: Math.min(...sources),
    lastPage: Math.max(...sources),
    pages: pages.length,
    loose: looseBatches.has(String(batch)),
    reading: copyReadingOf(copy),
    ...(written ? { written } : {}),
  }
}

/**
 * Joins the pieces of one student's copy that ingestion had to cut apart (a name on every sheet, an
 * annex in another batch): the pieces' pages go to the student's main piece, in order, the others
 * are deleted, and each join is logged as an automatic decision. Copies decided by hand or being
 * marked are left alone; a copy named automatically takes the pieces that are its student's. Returns how many pieces were joined.
 */
export const mergeFragments = async ({ payload, examId, students }: { payload: Payload; examId: Id; students: StudentDoc[] }): Promise<number> =>
  withLock({
    payload,
    key: examCopiesLock(examId),
    work: async () => {
      // A copy named automatically still takes the pieces that are its student's (an annex uploaded later).
      const copies = (await copiesOfExam({ payload, examId })).filter((c) => !isSettled(c))
      const looseBatches = await looseBatchesOf({ payload, copies })
      const fragments = copies.flatMap((c) => fragmentOf({ copy: c, looseBatches }) ?? [])
      const groups = groupFragments({
        fragments,
        students: students.map((s) => toMatchStudent({ studentKey: String(s.id), lastName: s.lastName, firstName: s.firstName, birthDate: s.birthDate, rosterName: s.rosterName })),
      })
      const byId = new Map(copies.map((c) => [String(c.id), c]))
      let joined = 0
      for (const group of groups) {
        const [head, ...rest] = group.pieces.map((key) => byId.get(key)!)
        // The copy is named on the piece that names its student for sure (a loose sheet confirmed by the copy's own reading).
        const namedBy = group.namedBy === undefined ? undefined : byId.get(group.namedBy)
        let pages = pagesOf(head!)
        for (const other of rest) pages = mergePages({ first: pages, second: pagesOf(other!) })
        const sources = await batchSources({ payload, pages })
        // One join, one decision: the pieces are joined, removed and the join logged, or nothing changes.
        await inTransaction({
          payload,
          work: async (req) => {
            await rebuildCopy({ payload, req, copy: head!, pages, sources })
            // The copy keeps every piece's header: a sheet written clearly names it where its first was scrawled.
            await payload.update({
              collection: 'copies',
              id: head!.id,
              depth: 0,
              overrideAccess: true,
              req,
              data: { identification: { ...head!.identification, readings: joinedReadings({ head: head!, rest: rest as CopyDoc[], namedBy }) } } as never,
            })
            await recordDecision({
              payload,
              req,
              exam: examId,
              copy: head!.id,
              action: 'merge',
              method: 'auto',
              details: {
                automatic: true,
                reason: namedBy
                  ? 'a loose sheet names the student for sure and the copy’s own reading agrees'
                  : group.byNumbers
                    ? 'the page numbers written on the pieces follow each other'
                    : group.byHand
                      ? 'each piece’s header says the same name in the same hand'
                      : 'the same student wrote each piece',
                joined: rest.map((c) => ({ id: c!.id, anonymousId: c!.anonymousId })),
              },
            })
            for (const other of rest) await payload.delete({ collection: 'copies', id: other!.id, overrideAccess: true, req })
          },
        })
        joined += rest.length
      }
      return joined
    },
  })
