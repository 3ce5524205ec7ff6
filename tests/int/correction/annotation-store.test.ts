import type { AnnotationDoc } from '../../../portal/src/api/types'
import type { AnnotationShape } from '../../../portal/src/annotations/model'
import { AnnotationStore } from '../../../portal/src/annotations/store/store'
import { restTransport } from '../../../portal/src/annotations/store/transport'
import type { Op } from '../../../portal/src/annotations/store/types'
import { startTestApp, type TestApp } from '../helpers/app'
import { signIn, type ApiClient } from '../helpers/http'
import { seedClass } from '../helpers/seed'

// The portal's save queue against the real server: the portal's own REST transport and client, the
// Annotations collection's version and clientKey rules. Only the network between them is ours, to cut it
// (offline) or to lose answers after the server has acted on the request.

let app: TestApp
let seed: Awaited<ReturnType<typeof seedClass>>
let alice: ApiClient
const network = { down: false, loseAnswers: false, requests: 0 }
const realFetch = globalThis.fetch
const saved = { sessionStorage: (globalThis as { sessionStorage?: unknown }).sessionStorage, window: (globalThis as { window?: unknown }).window }

beforeAll(async () => {
  app = await startTestApp({ processJobs: false })
  seed = await seedClass(app.runtime.payload)
  alice = await signIn({ baseUrl: app.baseUrl, email: 'alice@school.test', password: 'alice-password-1' })
  // What the browser gives the portal: the tab's session (the teacher's token), fetch on the app's origin.
  const tab = new Map([['korrigo.token', alice.token!]])
  Object.assign(globalThis, {
    sessionStorage: { getItem: (k: string) => tab.get(k) ?? null, setItem: (k: string, v: string) => void tab.set(k, v), removeItem: (k: string) => void tab.delete(k) },
    window: { dispatchEvent: () => true },
    // The portal asks for paths on its own origin; the test's other tab (helpers/http) for full URLs.
    fetch: async (input: string | URL | Request, init?: RequestInit) => {
      if (typeof input !== 'string' || !input.startsWith('/')) return realFetch(input, init)
      network.requests++
      if (network.down) throw new TypeError('fetch failed')
      const response = await realFetch(new URL(String(input), app.baseUrl), init)
      if (!network.loseAnswers) return response
      await response.arrayBuffer()
      throw new TypeError('the connection was lost')
    },
  })
}, 300_000)

afterAll(async () => {
  Object.assign(globalThis, { fetch: realFetch, ...saved })
  await app?.close()
})

beforeEach(() => Object.assign(network, { down: false, loseAnswers: false, requests: 0 }))

const style = { color: '#000', width: 2, opacity: 1 }
const tick = (x: number): AnnotationShape => ({ kind: 'tick', page: 1, geometry: { x, y: 10, size: 20 }, style, text: '' })
const copy = () => seed.mathsReady.id

const memoryStorage = () => {
  let ops: Op[] = []
  return { load: () => ops, save: (next: Op[]) => void (ops = next), peek: () => ops }
}

const newStore = (docs: AnnotationDoc[], storage = memoryStorage(), options: { readOnly?: boolean } = {}) =>
  new AnnotationStore({ copy: copy(), docs, transport: restTransport, storage, debounceMs: 0, ...options })

/** The server's annotations of the copy, read by another tab of the teacher. */
const onServer = async (): Promise<AnnotationDoc[]> => {
  const { status, body } = await alice.request('GET', `/api/annotations?depth=0&limit=100&sort=id&where[copy][equals]=${copy()}`)
  expect(status).toBe(200)
  return body.docs
}
const serverDoc = async (id: AnnotationDoc['id']): Promise<AnnotationDoc | null> => {
  const { status, body } = await alice.request('GET', `/api/annotations/${id}?depth=0`)
  return status === 200 ? body : null
}
/** An annotation made elsewhere (another tab), and edits made there. */
const createElsewhere = async (x: number): Promise<AnnotationDoc> => {
  const { status, body } = await alice.request('POST', '/api/annotations?depth=0', { copy: copy(), ...tick(x), schemaVersion: 2 })
  expect(status).toBe(201)
  return body.doc
}
const editElsewhere = async (doc: AnnotationDoc, x: number): Promise<void> => {
  const { status } = await alice.request('PATCH', `/api/annotations/${doc.id}?depth=0`, { geometry: { x, y: 10, size: 20 }, version: doc.version })
  expect(status).toBe(200)
}
const clearCopy = async () => {
  for (const doc of await onServer()) await alice.request('DELETE', `/api/annotations/${doc.id}?version=${doc.version}`)
}

describe('the portal save queue against the server', () => {
  beforeEach(clearCopy)

  it('creates, then patches with the version it read, and undoes through the server', async () => {
    const store = newStore([])
    const id = store.add(tick(1))
    await store.flush()
    store.update(id, tick(5))
    await store.flush()
    const [doc] = await onServer()
    expect(doc).toMatchObject({ version: 2, geometry: { x: 5 }, copy: copy(), schemaVersion: 2 })
    store.undo()
    await store.flush()
    expect(await serverDoc(doc!.id)).toMatchObject({ version: 3, geometry: { x: 1 } })
    expect(store.getSnapshot().save.status).toBe('saved')
    store.dispose()
  })

  it('keeps edits while offline, persists them, and sends them when the network is back', async () => {
    const storage = memoryStorage()
    const store = newStore([], storage)
    network.down = true
    store.add(tick(3))
    await store.flush()
    expect(store.getSnapshot().save.status).toBe('offline')
    expect(storage.peek()).toHaveLength(1)
    store.dispose()

    // a reload: a new store over what the server has (nothing) plus the saved queue
    network.down = false
    const reloaded = newStore(await onServer(), storage)
    expect(reloaded.getSnapshot().items).toHaveLength(1)
    await reloaded.flush()
    expect(await onServer()).toHaveLength(1)
    expect(storage.peek()).toEqual([])
    expect(reloaded.getSnapshot().save.status).toBe('saved')
    reloaded.dispose()
  })

  it('stops on the server\'s 409, shows the other version, and re-applies its own only when asked', async () => {
    const existing = await createElsewhere(1)
    const store = newStore([existing])
    await editElsewhere(existing, 50)
    const [item] = store.getSnapshot().items
    store.update(item!.localId, tick(9))
    await store.flush()
    const snapshot = store.getSnapshot()
    expect(snapshot.conflicts).toHaveLength(1)
    expect(snapshot.items[0]!.shape.geometry).toMatchObject({ x: 50 })
    expect(await serverDoc(existing.id)).toMatchObject({ version: 2, geometry: { x: 50 } })
    store.resolve(item!.localId, 'mine')
    await store.flush()
    expect(await serverDoc(existing.id)).toMatchObject({ version: 3, geometry: { x: 9 } })
    expect(store.getSnapshot().conflicts).toHaveLength(0)
    store.dispose()
  })

  it('never doubles an annotation whose creation was saved but whose answer was lost, even across a reload', async () => {
    const storage = memoryStorage()
    const store = newStore([], storage)
    network.loseAnswers = true
    store.add(tick(3))
    await store.flush()
    expect(await onServer()).toHaveLength(1)
    expect(store.getSnapshot().save.status).toBe('offline')
    store.dispose()

    // The reload shows the server's copy of it once, not twice, and finishes the queued edit on it.
    network.loseAnswers = false
    const reloaded = newStore(await onServer(), storage)
    expect(reloaded.getSnapshot().items).toHaveLength(1)
    await reloaded.flush()
    expect(await onServer()).toHaveLength(1)
    expect(storage.peek()).toEqual([])
    reloaded.dispose()

    // Without a reload: the retry looks for its first attempt before creating again.
    const live = newStore([])
    network.loseAnswers = true
    live.add(tick(8))
    await live.flush()
    network.loseAnswers = false
    await live.flush()
    expect((await onServer()).filter((d) => (d.geometry as { x: number }).x === 8)).toHaveLength(1)
    expect(live.getSnapshot().items[0]).toMatchObject({ id: expect.anything(), version: 2 })
    live.dispose()
  })

  it('does not delete an annotation someone else changed since: the deletion waits for the teacher', async () => {
    const existing = await createElsewhere(1)
    const store = newStore([existing])
    await editElsewhere(existing, 50)
    store.remove(store.getSnapshot().items[0]!.localId)
    await store.flush()
    expect(await serverDoc(existing.id)).toMatchObject({ version: 2 })
    expect(store.getSnapshot().conflicts).toEqual([expect.objectContaining({ mine: null })])
    expect(store.getSnapshot().items[0]!.shape.geometry).toMatchObject({ x: 50 })
    store.resolve(store.getSnapshot().items[0]!.localId, 'mine')
    await store.flush()
    expect(await serverDoc(existing.id)).toBeNull()
    store.dispose()
  })

  it('sends nothing on a read-only copy', async () => {
    const store = newStore([], memoryStorage(), { readOnly: true })
    store.add(tick(1))
    await store.flush()
    expect(network.requests).toBe(0)
    expect(store.getSnapshot().items).toHaveLength(0)
    store.dispose()
  })
})
