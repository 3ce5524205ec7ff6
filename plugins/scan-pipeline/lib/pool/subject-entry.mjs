// Plain-JS entry, as for the page workers: register tsx's loader in this thread, then load the TypeScript.
import { register } from 'tsx/esm/api'

import { loadWorker } from './load-worker.mjs'

register()
loadWorker(new URL('./subject-worker.ts', import.meta.url).href)
