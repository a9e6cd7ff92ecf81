/** A small argument reader: positionals, `--flag value`, `--flag=value`, repeatable flags, booleans. */
export class UsageError extends Error {}
export class InputError extends Error {}

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string[]>;
  flags: Set<string>;
}

export function parseArgs(argv: readonly string[], booleanFlags: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string[]>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq >= 0 ? eq : undefined);
    if (booleanFlags.includes(name)) {
      flags.add(name);
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value.`);
    options.set(name, [...(options.get(name) ?? []), value]);
  }
  return { positionals, options, flags };
}

export function option(args: ParsedArgs, name: string): string | undefined {
  const values = args.options.get(name);
  return values?.[values.length - 1];
}

export function requiredOption(args: ParsedArgs, name: string): string {
  const value = option(args, name);
  if (value === undefined) throw new UsageError(`--${name} is required.`);
  return value;
}

export function checkKnown(args: ParsedArgs, known: readonly string[]): void {
  for (const name of [...args.options.keys(), ...args.flags]) {
    if (!known.includes(name)) throw new UsageError(`Unknown option --${name}.`);
  }
}
