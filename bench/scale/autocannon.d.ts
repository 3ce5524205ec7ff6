// The part of autocannon 9's programmatic API the scale benchmarks use (the package ships no types).
declare module 'autocannon' {
  export type Request = {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string | Buffer
    setupRequest?: (request: Request, context: Record<string, unknown>) => Request | undefined
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>) => void
  }
  export type Client = { setRequests: (requests: Request[]) => void; setHeaders: (headers: Record<string, string>) => void }
  export type Options = {
    url: string
    connections?: number
    duration?: number
    amount?: number
    timeout?: number
    overallRate?: number
    connectionRate?: number
    method?: string
    headers?: Record<string, string>
    requests?: Request[]
    setupClient?: (client: Client) => void
  }
  export type Histogram = { average: number; mean: number; stddev: number; min: number; max: number; total: number; p50: number; p90: number; p99: number; p97_5: number; p99_9: number }
  export type Result = {
    duration: number
    requests: Histogram & { sent: number }
    latency: Histogram & { totalCount: number }
    throughput: Histogram
    errors: number
    timeouts: number
    non2xx: number
    resets: number
    '2xx': number
    statusCodeStats: Record<string, { count: number }>
  }
  const autocannon: (options: Options) => Promise<Result> & { stop?: () => void }
  export default autocannon
}
