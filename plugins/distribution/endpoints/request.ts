export { requireAdmin, requireUser, routeId, withErrors } from '../../anonymization/endpoints/request'
