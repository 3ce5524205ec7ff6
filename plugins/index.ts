import type { Plugin } from 'payload'

/** The plugins the app is made of, in order. A school adds its own here (see the README's plugin guide). */
export const korrigoPlugins = (): Plugin[] => []
