// The command line of a benchmark, as the CLI's commands read theirs: `--help` prints the usage (exit 0), a
// wrong option or value prints what is wrong and the usage (exit 2).
import { parseArgs, type ParseArgsConfig } from 'node:util'

type Options = NonNullable<ParseArgsConfig['options']>

const refuse = ({ message, usage }: { message: string; usage: string }): never => {
  process.stderr.write(`${message}\n${usage}`)
  process.exit(2)
}

/** The options' values and the words after them (`positionals`, when the benchmark takes any), `--help` handled. */
export const benchCommand = <T extends Options>({ usage, options, positionals = false }: { usage: string; options: T; positionals?: boolean }) => {
  try {
    const parsed = parseArgs({ options: { ...options, help: { type: 'boolean', short: 'h' } } as T & { help: { type: 'boolean'; short: 'h' } }, allowPositionals: positionals })
    if ((parsed.values as { help?: boolean }).help) {
      process.stdout.write(usage)
      process.exit(0)
    }
    return parsed
  } catch (error) {
    return refuse({ message: (error as Error).message, usage })
  }
}

/** The options' values, `--help` handled. */
export const benchArgs = <T extends Options>({ usage, options }: { usage: string; options: T }) => benchCommand({ usage, options }).values

/** Refuses the command line, saying what is wrong, with the usage (exit 2). */
export const refuseArgs = refuse

/** A whole-number option (`--seed`), or the fallback when it is absent. */
export const wholeNumber = ({ name, value, fallback, usage }: { name: string; value: unknown; fallback?: number; usage: string }): number | undefined => {
  if (value === undefined) return fallback
  const n = Number(value)
  return Number.isInteger(n) ? n : refuse({ message: `--${name} takes a whole number, not "${String(value)}"`, usage })
}
