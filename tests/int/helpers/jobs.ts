import { IDENTIFY_EXAM } from '../../../plugins/identification/jobs/identifyExam'
import { PROCESS_SCAN_BATCH } from '../../../plugins/scan-pipeline/hooks/enqueueOnUpload'

/**
 * The jobs a test of cutting and naming copies looks at. Redaction renders every identified copy again
 * (tests/int/anonymity covers it): a test that never opens a redacted page need not pay for those renders.
 */
export const CUT_AND_NAME_JOBS = [PROCESS_SCAN_BATCH, IDENTIFY_EXAM]
