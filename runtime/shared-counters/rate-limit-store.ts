import type { Options, Store } from 'express-rate-limit'
import type { Payload } from 'payload'

import { deleteCounter, hitCounter, unhitCounter } from './counters'

/**
 * express-rate-limit's counters in the database instead of each process's memory: behind a load balancer,
 * "30 sign-ins per minute" stays 30 for the whole cluster, and a restarted node forgets nothing.
 */
export class SharedRateLimitStore implements Store {
  readonly localKeys = false
  readonly prefix: string
  private windowMs = 60_000
  private readonly payload: Payload

  constructor({ payload, prefix }: { payload: Payload; prefix: string }) {
    this.payload = payload
    this.prefix = `rate:${prefix}:`
  }

  init(options: Options): void {
    this.windowMs = options.windowMs
  }

  async increment(key: string) {
    const counter = await hitCounter({ payload: this.payload, key: this.prefix + key, windowMs: this.windowMs })
    return { totalHits: counter.hits, resetTime: counter.resetAt }
  }

  async decrement(key: string): Promise<void> {
    await unhitCounter({ payload: this.payload, key: this.prefix + key })
  }

  async resetKey(key: string): Promise<void> {
    await deleteCounter({ payload: this.payload, key: this.prefix + key })
  }
}
