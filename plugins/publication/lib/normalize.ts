import { isBoxKind, isMarkKind, isStrokeKind, isTextKind, migrateAnnotation, UnsupportedSchemaError } from '../../../shared/annotations'
import type { Shape, StoredAnnotation } from './types'

const known = (kind: string) => isStrokeKind(kind) || isBoxKind(kind) || isMarkKind(kind) || isTextKind(kind)

/**
 * Reads a stored annotation exactly as the portal does (the shared migration): old records print like the
 * portal shows them. Unknown kinds, or a schema newer than this server, are skipped rather than guessed.
 */
export const normalizeAnnotation = (stored: StoredAnnotation): Shape | undefined => {
  if (!known(stored.kind)) return undefined
  try {
    return migrateAnnotation(stored)
  } catch (error) {
    if (error instanceof UnsupportedSchemaError) return undefined
    throw error
  }
}
