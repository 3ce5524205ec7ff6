import type { AnnotationShape } from '../../../portal/src/annotations/model'
import { enqueue } from '../../../portal/src/annotations/store/queue'
import type { Op } from '../../../portal/src/annotations/store/types'

const style = { color: '#000', width: 2, opacity: 1 }
const tick = (x: number): AnnotationShape => ({ kind: 'tick', page: 1, geometry: { x, y: 10, size: 20 }, style, text: '' })

describe('enqueue', () => {
  it('folds edits of an annotation not yet sent into its creation, and drops both when it is erased', () => {
    let ops: Op[] = []
    ops = enqueue({ ops, op: { localId: 'a', type: 'create', shape: tick(1) } })
    ops = enqueue({ ops, op: { localId: 'a', type: 'update', shape: tick(2) } })
    expect(ops).toEqual([{ localId: 'a', type: 'create', shape: tick(2) }])
    expect(enqueue({ ops, op: { localId: 'a', type: 'delete' } })).toEqual([])
  })

  it('never rewrites the edit already on the wire', () => {
    const inFlight: Op = { localId: 'a', type: 'create', shape: tick(1) }
    const ops = enqueue({ ops: [inFlight], op: { localId: 'a', type: 'update', shape: tick(2) }, inFlight })
    expect(ops).toEqual([inFlight, { localId: 'a', type: 'update', shape: tick(2) }])
  })
})

// The store itself (AnnotationStore) is tested against the real server: tests/int/correction/annotation-store.test.ts.
