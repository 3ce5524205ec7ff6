// `korrigo <command> …` — a thin dispatcher; each command lives in commands/<name>.ts and
// exports `run(argv): Promise<number>` (the exit code).
type Command = { summary: string; load: () => Promise<{ run: (argv: string[]) => Promise<number> }> }

const commands: Record<string, Command> = {
  process: { summary: 'split a batch PDF of scans into one PDF per copy', load: () => import('./commands/process.js') },
}

const usage = (): string =>
  ['usage: korrigo <command> [options]', '', 'commands:', ...Object.entries(commands).map(([n, c]) => `  ${n.padEnd(14)} ${c.summary}`)].join('\n')

const main = async (argv: string[]): Promise<number> => {
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

process.exitCode = await main(process.argv.slice(2))

export {}
