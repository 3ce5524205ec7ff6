// A worker for the warm pool's own tests: says it is ready, then answers every message with itself.
import { parentPort } from 'node:worker_threads'

parentPort.postMessage({ ready: true })
parentPort.on('message', (message) => parentPort.postMessage(message))
