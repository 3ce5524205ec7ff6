// All benchmarks, one table each. `npm run bench`.
import { runIngestBench } from './ingest.js'

await runIngestBench()
