/**
 * Payload's answer to an insert that broke a unique index on `path`: another node, or an overlapping run of
 * the same job, created the row first. The caller then reads that row instead of failing.
 */
export const isUniqueClash = ({ error, path }: { error: unknown; path: string }): boolean =>
  ((error as { data?: { errors?: { path?: string }[] } })?.data?.errors ?? []).some((e) => e.path === path)
