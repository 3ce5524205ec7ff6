// The correction portal in a real browser: how fast the first page of a copy shows, whether the pen keeps up
// on a page already holding 200 annotations, and a marking day: 30 copies marked with rubrics from the
// keyboard by two teachers at once (keys per copy, browser time per copy, save latency).
// `npx tsx bench/portal.ts [--day-only]` (needs PostgreSQL on 127.0.0.1:5432 like the integration tests, and
// /usr/bin/chromium).
import { spawnSync } from 'node:child_process'
import { availableParallelism, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'

import type { Browser } from 'playwright-core'

import { ensurePortalBuilt, launchBrowser } from '../tests/e2e/portal/browser.js'
import { markShare, mean, quantile, seedMarkingDay } from '../tests/e2e/portal/markClass.js'
import { PASSWORDS, seedMarking } from '../tests/e2e/portal/seed.js'
import { startTestApp } from '../tests/int/helpers/app.js'
import { signIn } from '../tests/int/helpers/http.js'

const RUNS = Number(process.env.BENCH_RUNS ?? 5)

type Row = { measure: string; value: string; detail: string }

const timeToFirstPage = async ({ browser, baseUrl, token, copyId }: { browser: Browser; baseUrl: string; token: string; copyId: unknown }) => {
  const wall: number[] = []
  const marks: number[] = []
  const loaded: number[] = []
  const renderStart: number[] = []
  for (let i = 0; i < RUNS; i++) {
    // A fresh context each time: empty HTTP cache, so the bundle, the worker and the PDF are all fetched.
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
    await context.addInitScript((t) => sessionStorage.setItem('korrigo.token', t), token)
    const page = await context.newPage()
    const t0 = performance.now()
    await page.goto(`${baseUrl}/portal/#/copy/${copyId}`)
    await page.waitForSelector('.page canvas.pdf-canvas[data-rendered]')
    wall.push(performance.now() - t0)
    marks.push((await page.evaluate('performance.getEntriesByName("korrigo:first-page")[0]?.startTime ?? NaN')) as number)
    renderStart.push((await page.evaluate('performance.getEntriesByName("korrigo:render-start")[0]?.startTime ?? NaN')) as number)
    loaded.push((await page.evaluate('performance.getEntriesByName("korrigo:copy-loaded")[0]?.startTime ?? NaN')) as number)
    await context.close()
  }
  return { wall, marks, loaded, renderStart }
}

const frameTimesWhileDrawing = async ({ browser, baseUrl, token, copyId }: { browser: Browser; baseUrl: string; token: string; copyId: unknown }) => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
  await context.addInitScript((t) => sessionStorage.setItem('korrigo.token', t), token)
  const page = await context.newPage()
  await page.goto(`${baseUrl}/portal/#/copy/${copyId}`)
  await page.waitForSelector('.page canvas.pdf-canvas[data-rendered]')
  const annotations = Number(await page.getAttribute('[data-testid=page]', 'data-annotations'))
  await page.keyboard.press('p')
  const box = (await page.locator('[data-testid=page]').boundingBox())!
  // A string, not a function: tsx would wrap a named closure with a helper the page does not have.
  await page.evaluate(`(() => {
    window.__frames = []
    window.__recording = true
    let last = performance.now()
    const tick = (now) => {
      window.__frames.push(now - last)
      last = now
      if (window.__recording) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })()`)
  const strokes = 6
  const steps = 120
  for (let s = 0; s < strokes; s++) {
    const y0 = box.y + 150 + s * 60
    await page.mouse.move(box.x + 60, y0)
    await page.mouse.down()
    for (let i = 1; i <= steps; i++) await page.mouse.move(box.x + 60 + i * 4, y0 + 20 * Math.sin(i / 6))
    await page.mouse.up()
  }
  const frames = (await page.evaluate('window.__recording = false, window.__frames.slice(2)')) as number[]
  await page.waitForSelector('[data-testid=save-state][data-status=saved]', { timeout: 30_000 })
  await context.close()
  return { annotations, frames, moves: strokes * steps }
}

const ms = (v: number) => `${v.toFixed(1)} ms`

const printTable = (title: string, rows: Row[]) => {
  const widths = [Math.max(...rows.map((r) => r.measure.length)), Math.max(...rows.map((r) => r.value.length)), Math.max(...rows.map((r) => r.detail.length))]
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
  console.log(`\n${title} (headless chromium, software rendering; machine load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} on ${availableParallelism()} cores)`)
  console.log(line(['measure', 'value', 'detail']))
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
  for (const r of rows) console.log(line([r.measure, r.value, r.detail]))
}

/**
 * Issue 15's marking day: the script of tests/e2e/portal/class-by-keyboard.test.ts (no pause between keys, so
 * the time per copy is the browser's and the server's, never thinking), both teachers in parallel.
 */
const markingDay = async () => {
  const app = await startTestApp()
  const browser = await launchBrowser()
  try {
    const copies = Number(process.env.BENCH_DAY_COPIES ?? 30)
    await seedMarkingDay({ payload: app.runtime.payload, baseUrl: app.baseUrl, copies })
    const index = (anonymousId: string) => Number(anonymousId.replace('K-TEST', ''))
    const t0 = performance.now()
    const runs = await Promise.all((['alice', 'bob'] as const).map((who) => markShare({ browser, baseUrl: app.baseUrl, who, anonymousIndex: index })))
    const wall = performance.now() - t0
    const keys = runs.flatMap((r) => r.keystrokes)
    const perCopy = runs.flatMap((r) => r.copyMs)
    const saves = runs.flatMap((r) => r.saveMs)
    printTable(`marking day: ${copies} copies, 2 teachers at once, rubrics, keyboard only`, [
      { measure: 'keystrokes per copy', value: mean(keys).toFixed(1), detail: `min ${Math.min(...keys)}, max ${Math.max(...keys)} (N to start, 1–9 per item, ], Ctrl+Enter)` },
      { measure: 'time per copy in the browser (p50)', value: ms(quantile(perCopy, 0.5)), detail: `mean ${ms(mean(perCopy))}, p90 ${ms(quantile(perCopy, 0.9))}: copy ready → next copy ready, no think time` },
      { measure: 'save latency p50', value: ms(quantile(saves, 0.5)), detail: `${saves.length} writes (grades, finalizations): request sent → answer` },
      { measure: 'save latency p99', value: ms(quantile(saves, 0.99)), detail: `max ${ms(Math.max(...saves))}` },
      { measure: 'whole class', value: `${(wall / 1000).toFixed(1)} s`, detail: runs.map((r) => `${r.who}: ${r.copies.length} copies`).join(', ') },
    ])
  } finally {
    await browser.close()
    await app.close()
  }
}

const main = async () => {
  ensurePortalBuilt()
  if (process.argv.includes('--day-only')) return markingDay()
  const app = await startTestApp()
  let browser: Browser | undefined
  try {
    const seed = await seedMarking({ payload: app.runtime.payload, copies: 2, pages: 4 })
    const alice = await signIn({ baseUrl: app.baseUrl, email: 'alice@school.test', password: PASSWORDS.alice })
    const busy = seed.copies[1]
    for (let i = 0; i < 200; i++) {
      const x = 40 + (i % 20) * 26
      const y = 80 + Math.floor(i / 20) * 70
      const kind = ['pen', 'tick', 'cross', 'text'][i % 4]
      const geometry =
        kind === 'pen' ? { points: [x, y, x + 8, y + 12, x + 16, y + 4, x + 22, y + 16] } : kind === 'text' ? { x, y, width: 60, fontSize: 9 } : { x: x + 10, y: y + 10, size: 18 }
      const response = await alice.request('POST', '/api/annotations', { copy: busy.id, page: 1, kind, geometry, text: kind === 'text' ? `n°${i}` : '', style: { color: '#d32f2f', width: 1.5, opacity: 1 }, schemaVersion: 2 })
      if (response.status !== 201) throw new Error(`seeding annotation ${i}: ${response.status}`)
    }
    browser = await launchBrowser()
    const first = await timeToFirstPage({ browser, baseUrl: app.baseUrl, token: alice.token!, copyId: seed.copies[0].id })
    const empty = await frameTimesWhileDrawing({ browser, baseUrl: app.baseUrl, token: alice.token!, copyId: seed.copies[0].id })
    const loaded = await frameTimesWhileDrawing({ browser, baseUrl: app.baseUrl, token: alice.token!, copyId: busy.id })

    const rows: Row[] = [
      { measure: 'time to first page, 4-page copy (navigation → painted)', value: ms(quantile(first.wall, 0.5)), detail: `median of ${RUNS} cold loads; min ${ms(Math.min(...first.wall))}, max ${ms(Math.max(...first.wall))}` },
      { measure: 'time to first page (performance mark in the page)', value: ms(quantile(first.marks, 0.5)), detail: 'from navigation start, as the browser sees it' },
      { measure: '  of which: copy, annotations and PDF loaded', value: ms(quantile(first.loaded, 0.5)), detail: 'bundle + API calls + PDF bytes parsed by pdf.js' },
      { measure: '  then: paint of page 1 started', value: ms(quantile(first.renderStart, 0.5)), detail: 'pdf.js asked to paint page 1 (prerendered while the workspace mounts)' },
      ...[empty, loaded].flatMap((run) => [
        {
          measure: `pen: mean frame time, page with ${run.annotations} annotations`,
          value: ms(mean(run.frames)),
          detail: `${run.frames.length} frames over ${run.moves} pointer moves`,
        },
        { measure: `pen: p95 / max frame time, ${run.annotations} annotations`, value: `${ms(quantile(run.frames, 0.95))} / ${ms(Math.max(...run.frames))}`, detail: `frames over 20 ms: ${run.frames.filter((f) => f > 20).length}` },
      ]),
    ]
    printTable('portal', rows)
  } finally {
    await browser?.close()
    await app.close()
  }
  // Its own process: a second app in this one would find Payload's closed database adapter.
  const day = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--day-only'], { stdio: 'inherit' })
  if (day.status !== 0) throw new Error(`the marking day failed (exit ${day.status})`)
}

await main()
process.exit(0)
