import { api } from '../../api/client'
import { ApiError } from '../../api/errors'
import type { AnnotationDoc, Id } from '../../api/types'
import type { Transport } from './types'

export const restTransport: Transport = {
  create: async (body) => (await api.post<{ doc: AnnotationDoc }>('/api/annotations?depth=0', body)).doc,
  update: async (id: Id, body) => (await api.patch<{ doc: AnnotationDoc }>(`/api/annotations/${id}?depth=0`, body)).doc,
  remove: async (id: Id, version?: number) => {
    await api.delete(`/api/annotations/${id}${version === undefined ? '' : `?version=${version}`}`)
  },
  findByClientKey: async (clientKey) =>
    (await api.get<{ docs: AnnotationDoc[] }>(`/api/annotations?depth=0&limit=1&where[clientKey][equals]=${encodeURIComponent(clientKey)}`)).docs[0] ?? null,
  fetch: async (id: Id) => {
    try {
      return await api.get<AnnotationDoc>(`/api/annotations/${id}?depth=0`)
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return null
      throw err
    }
  },
}
