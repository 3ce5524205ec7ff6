/**
 * Payload's lexical editor uses top-level `await import` that exits or hangs on Node 20 about half
 * of the time; the project ships Node 22 through the `node` npm package. Fail loudly instead of randomly.
 */
export const assertNodeVersion = (): void => {
  const major = Number(process.versions.node.split('.')[0])
  if (major < 22) {
    process.stderr.write(
      `Korrigo needs Node.js 22 or newer, this is ${process.version} (${process.execPath}).\n` +
        'Run it through npm (npm start, npm run worker, npx korrigo …): the project installs Node 22 into node_modules/.bin.\n',
    )
    process.exit(1)
  }
}
