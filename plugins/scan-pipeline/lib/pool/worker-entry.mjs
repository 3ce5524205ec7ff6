// Plain-JS entry so a worker can load the TypeScript analysis code whatever started the parent
// (tsx, Jest, plain node): register tsx's loader in this thread, then load the worker.
import { register } from 'tsx/esm/api'

register()
await import('./worker.ts')
