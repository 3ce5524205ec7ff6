import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

const here = path.dirname(fileURLToPath(import.meta.url))
const pdfjsDir = path.resolve(here, '..', 'node_modules', 'pdfjs-dist')

/** pdf.js loads the 14 standard PDF fonts by URL: ship them with the build instead of any CDN. */
const pdfjsStandardFonts = (): Plugin => ({
  name: 'korrigo-pdfjs-standard-fonts',
  generateBundle() {
    const dir = path.join(pdfjsDir, 'standard_fonts')
    for (const name of fs.readdirSync(dir))
      this.emitFile({ type: 'asset', fileName: `pdfjs/standard_fonts/${name}`, source: fs.readFileSync(path.join(dir, name)) })
  },
})

export default defineConfig({
  root: here,
  base: '/portal/',
  plugins: [react(), pdfjsStandardFonts()],
  build: {
    outDir: path.join(here, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
})
