#!/usr/bin/env node
// `npx korrigo …`: load the TypeScript CLI through tsx's loader, in this same process. No top-level await
// in the CLI's entry modules (see plugins/scan-pipeline/lib/pool/load-worker.mjs for the V8 bug it invites).
import { register } from 'tsx/esm/api'

register()
import('./index.ts')
