import type { Server } from 'node:http'

import type { Express } from 'express'

/**
 * How long an idle kept-alive connection stays open. Longer than what sits in front of the app keeps
 * (nginx and cloud load balancers: 60 s): with Node's 5 s, a proxy or a client sending on a connection the
 * server was closing that instant got a reset (a 502 behind a proxy; an upload failing with ECONNRESET).
 */
export const KEEP_ALIVE_MS = 65_000

/** The app listening, its idle connections kept longer than any proxy's or client's. */
export const listen = ({ app, port, host, onListening }: { app: Express; port: number; host: string; onListening?: () => void }): Server => {
  const server = app.listen(port, host, onListening)
  server.keepAliveTimeout = KEEP_ALIVE_MS
  // Node requires the headers' deadline to exceed the keep-alive one, or a slow request's headers are cut.
  server.headersTimeout = KEEP_ALIVE_MS + 1_000
  return server
}
