// Plain-JS entry, as for the scan pipeline's page workers: register tsx's loader in this thread, then load
// the TypeScript, the modules with a top-level await first (see load-worker.mjs).
import { register } from 'tsx/esm/api'

import { loadWorker } from '../../../../scan-pipeline/lib/pool/load-worker.mjs'

register()
loadWorker(new URL('./crops-worker.ts', import.meta.url).href)
