// Plain-JS entry, as for the page workers: register tsx's loader in this thread, then load the TypeScript.
import { register } from 'tsx/esm/api'

register()
await import('./inspect-worker.ts')
