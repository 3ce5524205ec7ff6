import type { PayloadRequest } from 'payload'

import { BadRequestError } from '../../runtime/errors'
import { parseId, type Id } from '../../shared/ids'

/**
 * A custom endpoint's JSON body, checked against a small schema before anything runs: each field says what
 * it accepts, a wrong one is a 400 naming the field and what was expected (`details.field`), and the handler
 * receives typed values. One way for every endpoint, as `routeId` is for route parameters.
 */
export type Field<T> = { read: (value: unknown, name: string) => T }

const refuse = (name: string, expected: string): never => {
  throw new BadRequestError(`"${name}" must be ${expected}`, { field: name })
}

const optional = <T>(field: Field<T>): Field<T | undefined> => ({ read: (value, name) => (value === undefined ? undefined : field.read(value, name)) })

const int: Field<number> = { read: (value, name) => (typeof value === 'number' && Number.isInteger(value) ? value : refuse(name, 'an integer')) }
const id: Field<Id> = { read: (value, name) => parseId(value) ?? refuse(name, 'an id') }
const boolean: Field<boolean> = { read: (value, name) => (typeof value === 'boolean' ? value : refuse(name, 'true or false')) }
const intList: Field<number[]> = {
  read: (value, name) => (Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isInteger(v)) ? (value as number[]) : refuse(name, 'a list of integers')),
}
const nullable = <T>(field: Field<T>): Field<T | null> => ({ read: (value, name) => (value === null ? null : field.read(value, name)) })
/** Present, even when null: "say it explicitly" fields (un-naming a copy is `{ studentId: null }`). */
const required = <T>(field: Field<T>): Field<T> => ({ read: (value, name) => (value === undefined ? refuse(name, 'given') : field.read(value, name)) })

export const body = { int, id, boolean, intList, optional, nullable, required }

type Schema = Record<string, Field<unknown>>
export type BodyOf<S extends Schema> = { [K in keyof S]: S[K] extends Field<infer T> ? T : never }

/**
 * The request's body as a JSON object, for a whole-object validator of its own (the distribution's settings);
 * no body reads as `{}`, anything but an object is a 400.
 */
export const readObject = async (req: PayloadRequest): Promise<Record<string, unknown>> => {
  const raw: unknown = req.json ? await req.json().catch(() => undefined) : undefined
  if (raw !== undefined && (raw === null || typeof raw !== 'object' || Array.isArray(raw))) throw new BadRequestError('A JSON object is expected as the body')
  return (raw ?? {}) as Record<string, unknown>
}

/** The request's JSON object read against `schema`; a missing body reads as `{}` (each field decides). */
export const readBody = async <S extends Schema>(req: PayloadRequest, schema: S): Promise<BodyOf<S>> => {
  const source = await readObject(req)
  return Object.fromEntries(Object.entries(schema).map(([name, field]) => [name, field.read(source[name], name)])) as BodyOf<S>
}
