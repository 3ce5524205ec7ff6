import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { config } from './config'

export const projectRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)))

/** Everything the app writes lives under one folder, ./data unless KORRIGO_DATA_DIR says otherwise. */
export const dataDir = (): string => path.resolve(projectRoot, config().KORRIGO_DATA_DIR)
export const mediaDir = (): string => path.join(dataDir(), 'media')
export const tmpDir = (): string => path.join(dataDir(), 'tmp')
