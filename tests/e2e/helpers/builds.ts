import { buildAdminIfStale, buildPortalIfStale } from '../../../scripts/builds.js'

/** Builds the admin and/or the portal once if their sources changed; quiet unless a build fails. */
export const ensureBuilt = ({ admin = false, portal = false }: { admin?: boolean; portal?: boolean }): void => {
  const log = () => undefined
  if (admin) buildAdminIfStale({ log })
  if (portal) buildPortalIfStale({ log })
}
