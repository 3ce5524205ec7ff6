import { formatNames, toWords, type Payload } from 'payload'

import type { Role } from './roles'
import type { Body, Doc, Spec } from './specs'

export type Outcome = 'allowed' | 'denied' | 'error'
export type Answer = { status: number; body: any; text: string }
export type Send = (role: Role, method: string, path: string, body?: Body) => Promise<Answer>
export type GraphQL = (role: Role, query: string, variables?: Record<string, unknown>) => Promise<Answer>

export const OPERATIONS = [
  'find',
  'findByID',
  'create',
  'update',
  'bulkUpdate',
  'delete',
  'bulkDelete',
  'gqlList',
  'gqlByID',
  'gqlCreate',
  'gqlUpdate',
  'gqlDelete',
  'file',
] as const
export type Operation = (typeof OPERATIONS)[number]

export const rightOf = (op: Operation): 'read' | 'create' | 'update' | 'delete' | 'file' =>
  op === 'find' || op === 'findByID' || op === 'gqlList' || op === 'gqlByID'
    ? 'read'
    : op === 'create' || op === 'gqlCreate'
      ? 'create'
      : op === 'update' || op === 'bulkUpdate' || op === 'gqlUpdate'
        ? 'update'
        : op === 'file'
          ? 'file'
          : 'delete'

/** Payload's GraphQL names for a collection (as @payloadcms/graphql derives them). */
export const graphqlNames = ({ payload, slug }: { payload: Payload; slug: string }) => {
  const collections = payload.collections as unknown as Record<string, { config: { graphQL?: { singularName?: string; pluralName?: string } | false } } | undefined>
  const config = collections[slug]?.config
  const custom = config?.graphQL || {}
  const fromSlug = formatNames(slug)
  const singular = custom.singularName ? toWords(custom.singularName, true) : fromSlug.singular
  let plural = custom.pluralName ? toWords(custom.pluralName, true) : fromSlug.plural
  if (singular === plural) plural = `all${singular}`
  return { singular, plural }
}

type Context = {
  payload: Payload
  spec: Spec
  /** The row read operations look at: made once per row of the matrix (reads change nothing). */
  shared: () => Promise<Doc>
  role: Role
  send: Send
  graphql: GraphQL
  /** GraphQL type of the `data` argument of a mutation, by mutation name. */
  inputTypes: Map<string, string>
}

const exists = async (payload: Payload, slug: string, id: Doc['id']) =>
  Boolean(await payload.findByID({ collection: slug as never, id, depth: 0, overrideAccess: true }).catch(() => undefined))
const reread = (payload: Payload, slug: string, id: Doc['id']) =>
  payload.findByID({ collection: slug as never, id, depth: 0, overrideAccess: true, showHiddenFields: true }) as Promise<Doc>
const count = async (payload: Payload, slug: string) => (await payload.count({ collection: slug as never, overrideAccess: true })).totalDocs

const listed = (body: any, id: Doc['id']) => Array.isArray(body?.docs) && body.docs.some((d: { id: unknown }) => String(d?.id) === String(id))
const is5xx = (answer: Answer) => answer.status >= 500 || (Array.isArray(answer.body?.errors) && answer.body.errors.some((e: any) => (e?.extensions?.statusCode ?? 0) >= 500))
const verdict = (answers: Answer[], allowed: boolean): Outcome => (answers.some(is5xx) ? 'error' : allowed ? 'allowed' : 'denied')

/** Runs one cell; returns its outcome and every answer (for the identity checks). */
export const runCell = async (op: Operation, context: Context): Promise<{ outcome: Outcome; answers: Answer[] } | undefined> => {
  const { payload, spec, role, send, graphql, inputTypes, shared } = context
  const { singular, plural } = graphqlNames({ payload, slug: spec.slug })
  const rowPath = (doc: Doc) => spec.rowPath?.(doc) ?? `/api/${spec.slug}/${doc.id}`
  const variablesFor = (name: string) => inputTypes.get(name)

  switch (op) {
    case 'find': {
      const doc = await shared()
      const answer = await send(role, 'GET', `/api/${spec.slug}?depth=2&where[id][equals]=${doc.id}`)
      return { outcome: verdict([answer], answer.status === 200 && listed(answer.body, doc.id)), answers: [answer] }
    }
    case 'findByID': {
      const doc = await shared()
      const answer = await send(role, 'GET', `${rowPath(doc)}?depth=2`)
      return { outcome: verdict([answer], answer.status === 200 && String(answer.body?.id) === String(doc.id)), answers: [answer] }
    }
    case 'create': {
      if (!spec.create) return undefined
      const before = await count(payload, spec.slug)
      const answer = await send(role, 'POST', `/api/${spec.slug}?depth=2`, await spec.create(role))
      const created = (await count(payload, spec.slug)) > before
      return { outcome: verdict([answer], answer.status === 201 && created), answers: [answer] }
    }
    case 'update': {
      const doc = await spec.victim()
      const answer = await send(role, 'PATCH', `${rowPath(doc)}?depth=2`, spec.change.data(doc))
      const applied = spec.change.applied(await reread(payload, spec.slug, doc.id))
      return { outcome: verdict([answer], answer.status === 200 && applied), answers: [answer] }
    }
    case 'bulkUpdate': {
      const doc = await spec.victim()
      const answer = await send(role, 'PATCH', `/api/${spec.slug}?where[id][equals]=${doc.id}&depth=2`, spec.change.data(doc))
      const applied = spec.change.applied(await reread(payload, spec.slug, doc.id))
      return { outcome: verdict([answer], answer.status === 200 && applied), answers: [answer] }
    }
    case 'delete': {
      const doc = await spec.victim()
      const answer = await send(role, 'DELETE', rowPath(doc))
      const gone = !(await exists(payload, spec.slug, doc.id))
      return { outcome: verdict([answer], answer.status === 200 && gone), answers: [answer] }
    }
    case 'bulkDelete': {
      const doc = await spec.victim()
      const answer = await send(role, 'DELETE', `/api/${spec.slug}?where[id][equals]=${doc.id}`)
      const gone = !(await exists(payload, spec.slug, doc.id))
      return { outcome: verdict([answer], answer.status === 200 && gone), answers: [answer] }
    }
    case 'gqlList': {
      const doc = await shared()
      const answer = await graphql(role, `{ ${plural}(where: { id: { equals: ${JSON.stringify(doc.id)} } }) { docs { id } } }`)
      return { outcome: verdict([answer], !answer.body?.errors && listed(answer.body?.data?.[plural], doc.id)), answers: [answer] }
    }
    case 'gqlByID': {
      const doc = await shared()
      const answer = await graphql(role, `query($id: Int!) { ${singular}(id: $id) { id } }`, { id: doc.id })
      return { outcome: verdict([answer], String(answer.body?.data?.[singular]?.id) === String(doc.id)), answers: [answer] }
    }
    case 'gqlCreate': {
      const type = variablesFor(`create${singular}`)
      if (!spec.create || spec.upload || !type) return undefined
      const before = await count(payload, spec.slug)
      const answer = await graphql(role, `mutation($data: ${type}) { create${singular}(data: $data) { id } }`, { data: await spec.create(role) })
      const created = (await count(payload, spec.slug)) > before
      return { outcome: verdict([answer], !answer.body?.errors && created), answers: [answer] }
    }
    case 'gqlUpdate': {
      const type = variablesFor(`update${singular}`)
      if (!type) return undefined
      const doc = await spec.victim()
      const answer = await graphql(role, `mutation($id: Int!, $data: ${type}) { update${singular}(id: $id, data: $data) { id } }`, { id: doc.id, data: spec.change.data(doc) })
      const applied = spec.change.applied(await reread(payload, spec.slug, doc.id))
      return { outcome: verdict([answer], !answer.body?.errors && applied), answers: [answer] }
    }
    case 'gqlDelete': {
      if (!inputTypes.has(`update${singular}`)) return undefined
      const doc = await spec.victim()
      const answer = await graphql(role, `mutation($id: Int!) { delete${singular}(id: $id) { id } }`, { id: doc.id })
      const gone = !(await exists(payload, spec.slug, doc.id))
      return { outcome: verdict([answer], !answer.body?.errors && gone), answers: [answer] }
    }
    case 'file': {
      if (!spec.rights.file) return undefined
      const doc = await shared()
      const answer = await send(role, 'GET', `/api/${spec.slug}/file/${encodeURIComponent(doc.filename)}`)
      return { outcome: verdict([answer], answer.status === 200), answers: [answer] }
    }
  }
}
