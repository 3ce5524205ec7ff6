/**
 * Speed and time left of an upload from its recent progress: a sliding window of samples, so a pause or a
 * dropped connection shows in a few seconds instead of being averaged away over the whole upload.
 */
export type Sample = { at: number; bytes: number }

const WINDOW_MS = 8_000

export const addSample = (samples: Sample[], sample: Sample): Sample[] => [...samples.filter((s) => sample.at - s.at <= WINDOW_MS), sample]

/** Bytes per second over the window, undefined until there is enough to say. */
export const speedOf = (samples: Sample[]): number | undefined => {
  if (samples.length < 2) return undefined
  const first = samples[0]!
  const last = samples[samples.length - 1]!
  const seconds = (last.at - first.at) / 1000
  return seconds >= 0.5 ? Math.max(0, (last.bytes - first.bytes) / seconds) : undefined
}

export const secondsLeft = ({ speed, sent, total }: { speed: number | undefined; sent: number; total: number }): number | undefined =>
  speed && speed > 0 ? Math.ceil((total - sent) / speed) : undefined

export const formatBytes = (bytes: number, locale: string): string => {
  const units = locale.startsWith('fr') ? ['o', 'ko', 'Mo', 'Go'] : ['B', 'kB', 'MB', 'GB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toLocaleString(locale, { maximumFractionDigits: unit >= 2 ? 1 : 0 })} ${units[unit]}`
}

export const formatDuration = (seconds: number): string => {
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  return h ? `${h} h ${String(m).padStart(2, '0')} min` : m ? `${m} min ${String(s).padStart(2, '0')} s` : `${s} s`
}
