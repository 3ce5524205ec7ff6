import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const projectRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)))

/** Everything the app writes lives under one folder, ./data unless KORRIGO_DATA_DIR says otherwise. */
export const dataDir = (): string => path.resolve(projectRoot, process.env.KORRIGO_DATA_DIR ?? 'data')
export const mediaDir = (): string => path.join(dataDir(), 'media')
export const tmpDir = (): string => path.join(dataDir(), 'tmp')
