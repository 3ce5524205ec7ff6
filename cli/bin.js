#!/usr/bin/env node
// `npx korrigo …`: load the TypeScript CLI through tsx's loader, in this same process.
import { register } from 'tsx/esm/api'

register()
await import('./index.ts')
