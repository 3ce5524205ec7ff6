/**
 * pdf-lib, fontkit and the font stay out of Next's bundle of the config: the renderer is loaded only
 * where a job or an endpoint actually renders.
 */
export const loadRenderer = (): Promise<typeof import('../lib')> => import(/* webpackIgnore: true */ /* turbopackIgnore: true */ '../lib')
