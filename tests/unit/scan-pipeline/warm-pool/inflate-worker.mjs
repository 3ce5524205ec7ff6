// A worker for the termination test: inflates a Flate stream over and over, as a page survey does, until stopped.
import { parentPort, workerData } from 'node:worker_threads'

import { register } from 'tsx/esm/api'

register()
import('../../../../plugins/scan-pipeline/lib/pdf/inflateCapped.ts').then(({ inflateCapped }) => {
  parentPort.postMessage('ready')
  for (;;) inflateCapped({ data: workerData, cap: 1 << 20 })
})
