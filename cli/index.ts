// `korrigo <command> …` — a thin dispatcher; each command lives in commands/<name>.ts and
// exports `run(argv): Promise<number>` (the exit code).
type Command = { summary: string; load: () => Promise<{ run: (argv: string[]) => Promise<number> }> }

const commands: Record<string, Command> = {
  process: { summary: 'split a batch PDF of scans into one PDF per copy', load: () => import('./commands/process') },
  'import-roster': { summary: 'import a class list (CSV or Excel .xlsx) into the students', load: () => import('./commands/import-roster') },
  booklets: { summary: 'print an exam\'s prepared booklets (QR code on every page, names from the class list)', load: () => import('./commands/booklets') },
  export: { summary: 'export the results of an exam (CSV, Excel, Pronote, plugin formats)', load: () => import('./commands/export') },
  demo: { summary: 'fill an empty database with a demo exam made from generated scans', load: () => import('./commands/demo') },
  audit: { summary: 'check the audit trail\'s hash chain (audit verify)', load: () => import('./commands/audit') },
  backup: { summary: 'database and files as one archive (--out FILE), while the app runs', load: () => import('./commands/backup') },
  restore: { summary: 'restore a backup archive into an empty install', load: () => import('./commands/restore') },
}

const usage = (): string =>
  ['usage: korrigo <command> [options]', '', 'commands:', ...Object.entries(commands).map(([n, c]) => `  ${n.padEnd(14)} ${c.summary}`)].join('\n')

const run = async (argv: string[]): Promise<number> => {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(`${usage()}\n`)
    return name ? 0 : 2
  }
  const command = commands[name]
  if (!command) {
    process.stderr.write(`korrigo: unknown command "${name}"\n\n${usage()}\n`)
    return 2
  }
  return (await command.load()).run(rest)
}

// Run on import, without a top-level await (see cli/bin.js): `tsx cli/index.ts` and bin.js both start here.
run(process.argv.slice(2)).then(
  // Commands that boot the app (demo, import-roster…) leave database pools and timers behind once they
  // are done; the command has finished its work, so leave now rather than wait for them.
  (code) => void process.stdout.write('', () => process.exit(code)),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exit(1)
  },
)

export {}
