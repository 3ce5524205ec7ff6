/**
 * The pipeline (worker threads, wasm), loaded when a job, an endpoint or an upload hook needs it. Next bundles
 * the Payload config to render the admin and must not follow this import: the bundlers are told to leave it.
 */
export const loadPipeline = () => import(/* webpackIgnore: true */ /* turbopackIgnore: true */ '../lib/index')
