// Starts workers that inflate, stops each at a random moment; prints how many were stopped. Run as its own
// process: a termination that aborts takes the process down (SIGABRT), which is what the test looks for.
import { Worker } from 'node:worker_threads'
import { deflateSync } from 'node:zlib'

const rounds = Number(process.argv[2] ?? 60)
const data = deflateSync(Buffer.alloc(4000, 7))
for (let i = 0; i < rounds; i++) {
  const worker = new Worker(new URL('./inflate-worker.mjs', import.meta.url), { workerData: data })
  await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject))
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 3))
  await worker.terminate()
}
console.log(`stopped ${rounds}`)
