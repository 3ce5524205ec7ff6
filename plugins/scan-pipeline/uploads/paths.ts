/** The tus endpoint of scan batches (server: `scanBatchUploads.ts`; admin: the uploader above the batches' list). */
export const SCAN_UPLOADS_PATH = '/api/uploads/scan-batches'
