import { ApiError } from '../../../portal/src/api/errors'
import type { AnnotationDoc } from '../../../portal/src/api/types'
import type { AnnotationShape } from '../../../portal/src/annotations/model'
import { AnnotationStore } from '../../../portal/src/annotations/store/store'
import { enqueue } from '../../../portal/src/annotations/store/queue'
import type { Op, Transport } from '../../../portal/src/annotations/store/types'

const style = { color: '#000', width: 2, opacity: 1 }
const tick = (x: number): AnnotationShape => ({ kind: 'tick', page: 1, geometry: { x, y: 10, size: 20 }, style, text: '' })

/** An in-memory server with the same version rule as the Annotations collection. */
const fakeServer = () => {
  const docs = new Map<number, AnnotationDoc>()
  let next = 1
  let down = false
  // The write happens, the answer never comes back (a reload or a dropped connection mid-request).
  let loseAnswers = false
  const calls: string[] = []
  const guard = () => {
    if (down) throw new ApiError(0, 'offline')
  }
  const answer = <T>(value: T): T => {
    if (loseAnswers) throw new ApiError(0, 'connection lost')
    return value
  }
  const transport: Transport = {
    create: async (body) => {
      guard()
      calls.push('create')
      if ([...docs.values()].some((d) => d.clientKey && d.clientKey === body.clientKey)) throw new ApiError(400, 'clientKey must be unique')
      const doc = { ...(body as object), id: next++, version: 1 } as AnnotationDoc
      docs.set(doc.id as number, doc)
      return answer(doc)
    },
    update: async (id, body) => {
      guard()
      calls.push('update')
      const current = docs.get(id as number)!
      if (body.version !== current.version) throw new ApiError(409, `changed elsewhere (now version ${current.version})`)
      const doc = { ...current, ...(body as object), version: current.version + 1 } as AnnotationDoc
      docs.set(id as number, doc)
      return doc
    },
    remove: async (id, version) => {
      guard()
      calls.push('delete')
      const current = docs.get(id as number)
      if (current && version !== undefined && version !== current.version) throw new ApiError(409, `changed elsewhere (now version ${current.version})`)
      docs.delete(id as number)
    },
    fetch: async (id) => docs.get(id as number) ?? null,
    findByClientKey: async (key) => {
      guard()
      calls.push('find')
      return [...docs.values()].find((d) => d.clientKey === key) ?? null
    },
  }
  return { docs, transport, calls, setDown: (value: boolean) => (down = value), setLoseAnswers: (value: boolean) => (loseAnswers = value) }
}

const memoryStorage = () => {
  let saved: Op[] = []
  return { load: () => saved, save: (ops: Op[]) => void (saved = ops), peek: () => saved }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5))

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

describe('AnnotationStore', () => {
  it('creates, then patches with the version it read, and undoes through the server', async () => {
    const server = fakeServer()
    const store = new AnnotationStore({ copy: 7, docs: [], transport: server.transport, storage: memoryStorage(), debounceMs: 0 })
    const id = store.add(tick(1))
    await settle()
    store.update(id, tick(5))
    await settle()
    expect(server.calls).toEqual(['create', 'update'])
    expect(server.docs.get(1)).toMatchObject({ version: 2, geometry: { x: 5 }, copy: 7, schemaVersion: 2 })
    store.undo()
    await settle()
    expect(server.docs.get(1)).toMatchObject({ version: 3, geometry: { x: 1 } })
    expect(store.getSnapshot().save.status).toBe('saved')
  })

  it('keeps edits while offline, persists them, and sends them when the network is back', async () => {
    const server = fakeServer()
    const storage = memoryStorage()
    const store = new AnnotationStore({ copy: 7, docs: [], transport: server.transport, storage, debounceMs: 0 })
    server.setDown(true)
    store.add(tick(3))
    await settle()
    expect(store.getSnapshot().save.status).toBe('offline')
    expect(storage.peek()).toHaveLength(1)
    store.dispose()

    // a reload: a new store over what the server has (nothing) plus the saved queue
    server.setDown(false)
    const reloaded = new AnnotationStore({ copy: 7, docs: [], transport: server.transport, storage, debounceMs: 0 })
    expect(reloaded.getSnapshot().items).toHaveLength(1)
    await reloaded.flush()
    expect(server.docs.size).toBe(1)
    expect(storage.peek()).toEqual([])
    expect(reloaded.getSnapshot().save.status).toBe('saved')
  })

  it('stops on a 409, shows the other version, and re-applies its own only when asked', async () => {
    const server = fakeServer()
    const existing = await server.transport.create({ kind: 'tick', page: 1, geometry: { x: 1, y: 10, size: 20 }, style, schemaVersion: 2 })
    const store = new AnnotationStore({ copy: 7, docs: [existing], transport: server.transport, storage: memoryStorage(), debounceMs: 0 })
    await server.transport.update(existing.id, { geometry: { x: 50, y: 10, size: 20 }, version: 1 }) // someone else
    const [item] = store.getSnapshot().items
    store.update(item.localId, tick(9))
    await settle()
    const snapshot = store.getSnapshot()
    expect(snapshot.conflicts).toHaveLength(1)
    expect(snapshot.items[0].shape.geometry).toMatchObject({ x: 50 })
    expect(server.docs.get(existing.id as number)).toMatchObject({ version: 2, geometry: { x: 50 } })
    store.resolve(item.localId, 'mine')
    await settle()
    expect(server.docs.get(existing.id as number)).toMatchObject({ version: 3, geometry: { x: 9 } })
    expect(store.getSnapshot().conflicts).toHaveLength(0)
  })

  it('never doubles an annotation whose creation was saved but whose answer was lost, even across a reload', async () => {
    const server = fakeServer()
    const storage = memoryStorage()
    const store = new AnnotationStore({ copy: 7, docs: [], transport: server.transport, storage, debounceMs: 0 })
    server.setLoseAnswers(true)
    store.add(tick(3))
    await settle()
    expect(server.docs.size).toBe(1)
    expect(store.getSnapshot().save.status).toBe('offline')
    store.dispose()

    // The reload shows the server's copy of it once, not twice, and finishes the queued edit on it.
    server.setLoseAnswers(false)
    const reloaded = new AnnotationStore({ copy: 7, docs: [...server.docs.values()], transport: server.transport, storage, debounceMs: 0 })
    expect(reloaded.getSnapshot().items).toHaveLength(1)
    await reloaded.flush()
    expect(server.docs.size).toBe(1)
    expect(server.calls.filter((c) => c === 'create')).toHaveLength(1)
    expect(storage.peek()).toEqual([])

    // Without a reload: the retry looks for its first attempt before creating again.
    const live = new AnnotationStore({ copy: 7, docs: [], transport: server.transport, storage: memoryStorage(), debounceMs: 0 })
    server.setLoseAnswers(true)
    live.add(tick(8))
    await settle()
    server.setLoseAnswers(false)
    await live.flush()
    expect([...server.docs.values()].filter((d) => (d.geometry as { x: number }).x === 8)).toHaveLength(1)
    expect(live.getSnapshot().items[0]).toMatchObject({ id: expect.anything(), version: 2 })
    live.dispose()
  })

  it('does not delete an annotation someone else changed since: the deletion waits for the teacher', async () => {
    const server = fakeServer()
    const existing = await server.transport.create({ kind: 'tick', page: 1, geometry: { x: 1, y: 10, size: 20 }, style, schemaVersion: 2, clientKey: 'k1' })
    const store = new AnnotationStore({ copy: 7, docs: [existing], transport: server.transport, storage: memoryStorage(), debounceMs: 0 })
    await server.transport.update(existing.id, { geometry: { x: 50, y: 10, size: 20 }, version: 1 }) // someone else
    store.remove(store.getSnapshot().items[0].localId)
    await settle()
    expect(server.docs.get(existing.id as number)).toMatchObject({ version: 2 })
    expect(store.getSnapshot().conflicts).toEqual([expect.objectContaining({ mine: null })])
    expect(store.getSnapshot().items[0].shape.geometry).toMatchObject({ x: 50 })
    store.resolve(store.getSnapshot().items[0].localId, 'mine')
    await settle()
    expect(server.docs.size).toBe(0)
  })

  it('does nothing on a read-only copy', async () => {
    const server = fakeServer()
    const store = new AnnotationStore({ copy: 7, docs: [], transport: server.transport, storage: memoryStorage(), debounceMs: 0, readOnly: true })
    store.add(tick(1))
    await settle()
    expect(server.calls).toEqual([])
    expect(store.getSnapshot().items).toHaveLength(0)
  })
})
