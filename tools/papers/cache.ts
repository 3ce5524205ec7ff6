import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Bump when the generator's output changes, so cached papers are rebuilt. */
export const GENERATOR_VERSION = 6

/**
 * Generated papers live outside the clone, so a fresh clone in CI can reuse them and nothing large
 * lands in the working tree: `$KORRIGO_FIXTURE_CACHE/papers-v<N>` or `$XDG_CACHE_HOME/korrigo/papers-v<N>`
 * (default `~/.cache/korrigo/papers-v<N>`).
 */
export const cacheDir = (): string => {
  const version = `papers-v${GENERATOR_VERSION}`
  const explicit = process.env.KORRIGO_FIXTURE_CACHE
  if (explicit) return join(explicit, version)
  const xdg = process.env.XDG_CACHE_HOME || join(homedir(), '.cache')
  return join(xdg, 'korrigo', version)
}

/** Stable JSON (sorted keys) so that the same spec always hashes the same. */
const stable = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`
  return JSON.stringify(value)
}

let digest: string | undefined

/**
 * A digest of the generator's own source: an edited generator never serves papers drawn by the previous
 * code, even when someone forgets to bump GENERATOR_VERSION.
 */
const sourceDigest = (): string => {
  if (digest) return digest
  const root = dirname(fileURLToPath(import.meta.url))
  const h = createHash('sha256')
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, entry.name)
      if (entry.isDirectory()) walk(p)
      else if (entry.name.endsWith('.ts')) h.update(relative(root, p)).update(readFileSync(p))
    }
  }
  walk(root)
  digest = h.digest('hex')
  return digest
}

export const specKey = (spec: unknown): string =>
  createHash('sha256').update(`${GENERATOR_VERSION}:${sourceDigest()}:${stable(spec)}`).digest('hex').slice(0, 12)

const safe = (name: string) => name.replace(/[^a-zA-Z0-9._-]+/g, '_')

/** write-then-rename: parallel test workers may build the same file at once; each rename is atomic. */
export const writeAtomic = (path: string, bytes: Uint8Array | string): void => {
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  writeFileSync(tmp, bytes)
  renameSync(tmp, path)
}

/**
 * Reads a cached set of files (`<name>-<key>.<ext>`), or builds them once and stores them. The file that
 * `build` lists last is written last, so its presence means the whole set is there.
 */
export const cached = async <T extends Record<string, Uint8Array | string>>({
  name,
  spec,
  exts,
  build,
}: {
  name: string
  spec: unknown
  /** file extensions in `T`'s key order, e.g. { bytes: 'pdf', truth: 'truth.json' } */
  exts: { [K in keyof T]: string }
  build: () => Promise<T>
}): Promise<{ files: T; paths: { [K in keyof T]: string } }> => {
  const dir = cacheDir()
  const base = `${safe(name)}-${specKey(spec)}`
  const keys = Object.keys(exts) as (keyof T)[]
  const paths = Object.fromEntries(keys.map((k) => [k, join(dir, `${base}.${exts[k]}`)])) as { [K in keyof T]: string }
  if (keys.every((k) => existsSync(paths[k]))) {
    const files = Object.fromEntries(
      keys.map((k) => [k, exts[k].endsWith('.json') || exts[k].endsWith('.csv') ? readFileSync(paths[k], 'utf8') : new Uint8Array(readFileSync(paths[k]))]),
    ) as T
    return { files, paths }
  }
  const files = await build()
  mkdirSync(dir, { recursive: true })
  for (const k of keys) writeAtomic(paths[k], files[k]!)
  return { files, paths }
}

/** Writes raw bytes (e.g. a damaged-input fixture) into the cache and returns the path: the CLI needs files. */
export const writeCacheFile = (fileName: string, bytes: Uint8Array): string => {
  const dir = cacheDir()
  mkdirSync(dir, { recursive: true })
  const p = join(dir, safe(fileName))
  writeAtomic(p, bytes)
  return p
}
