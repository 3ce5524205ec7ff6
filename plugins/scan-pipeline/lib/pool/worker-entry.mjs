// Plain-JS entry so a worker can load the TypeScript analysis code whatever started the parent
// (tsx, Jest, plain node): register tsx's loader in this thread, then load the worker (see load-worker.mjs).
import { register } from 'tsx/esm/api'

import { loadWorker } from './load-worker.mjs'

register()
loadWorker(new URL('./worker.ts', import.meta.url).href)
