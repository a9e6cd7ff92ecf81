/**
 * The scripting CLI over the same core as the app (Node, no browser).
 * Exit codes: 0 success, 1 bad input (with a message saying where and why), 2 wrong usage.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { InputError, UsageError, checkKnown, option, parseArgs, requiredOption, type ParsedArgs } from './args.ts';
import { generateDemoCompany } from '../core/demo/demo-company.ts';
import { demoExportConfigs } from '../core/export/demo-export-configs.ts';
import {
  parseCompanyFile,
  serializeCompanyFile,
  toCompanyFile,
  type CompanyFile,
} from '../core/company-file/company-file.ts';
import { isIsoDate, toIsoDateTime } from '../core/domain/dates.ts';
import { runCliExport } from './export-command.ts';
import { runCliImport } from './import-command.ts';
import { runCliInit } from './init-command.ts';
import { listFormats } from '../core/formats/registry.ts';
import { maxOf } from '../core/push-all.ts';

const USAGE = `Usage: exportdesk <command> [options]

Commands:
  init --company company.json --name NAME --org-number N --country NO|SE [--currency CODE] [--force]
      Write a new company file for your own firm, as the app's "Set up your company" does: the organisation
      number is checked (MOD11 for NO, Luhn NNNNNN-NNNN for SE), and the country's starter chart of accounts
      (NS 4102 or BAS), VAT codes and expense types are added. The currency follows the country unless given.
      An existing file is kept unless --force is given; --now YYYY-MM-DDTHH:mm:ss fixes its saved time.
  demo --out company.json [--size N] [--country NO|SE] [--seed N] [--today YYYY-MM-DD]
      Write a demo company file (N = number of time records, default about 3,000).
  formats [--json]
      List the export formats.
  export <format-id> --company company.json --out DIR [--settings settings.json] [--set key=value ...]
         [--from YYYY-MM-DD --to YYYY-MM-DD] [--now YYYY-MM-DDTHH:mm:ss] [--include-external] [--only-approved]
  export --template template.json --company company.json --out DIR [same options]
      Write the files of an export (invoices waiting for export, or the time records/claims of the period).
  import <kind> <file.csv> --company company.json [--preset preset.json] [--encoding E] [--delimiter D]
         [--decimal , | .] [--date-format F] [--on-duplicate skip|update|stop] [--blank-cells keep|clear]
      Import a CSV file into the company file; on any error nothing is written. Defaults: --on-duplicate stop,
      --blank-cells keep (an empty cell keeps the stored value of an updated record).
`;

export async function main(
  argv: readonly string[],
  out: (text: string) => void = (t) => process.stdout.write(t),
  err: (text: string) => void = (t) => process.stderr.write(t),
): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'init':
        return runCliInit(parseArgs(rest, ['force']), out, err);
      case 'demo':
        return demoCommand(parseArgs(rest, []), out);
      case 'formats':
        return formatsCommand(parseArgs(rest, ['json']), out);
      case 'export':
        return await runCliExport(parseArgs(rest, ['include-external', 'only-approved', 'all-statuses']), out);
      case 'import':
        return await runCliImport(parseArgs(rest, []), out, err);
      case undefined:
      case 'help':
      case '--help':
        out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      err(`exportdesk: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof InputError) {
      err(`exportdesk: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

function demoCommand(args: ParsedArgs, out: (text: string) => void): number {
  checkKnown(args, ['out', 'size', 'country', 'seed', 'today']);
  const target = requiredOption(args, 'out');
  const country = option(args, 'country') ?? 'NO';
  if (country !== 'NO' && country !== 'SE') throw new UsageError('--country must be NO or SE.');
  const size = option(args, 'size');
  if (size !== undefined && !/^\d+$/.test(size)) throw new UsageError('--size must be a whole number of time records.');
  const seed = Number(option(args, 'seed') ?? '1');
  if (!Number.isInteger(seed)) throw new UsageError('--seed must be a whole number.');
  const today = option(args, 'today') ?? toIsoDateTime(new Date()).slice(0, 10);
  if (!isIsoDate(today)) throw new UsageError('--today must be a date YYYY-MM-DD.');
  const data = generateDemoCompany({
    seed,
    country,
    today,
    ...(size !== undefined ? { timeRecords: Number(size) } : {}),
  });
  writeFileSync(target, serializeCompanyFile(toCompanyFile(data, { exportConfigs: demoExportConfigs(country) })));
  out(
    `Wrote ${target}: ${data.customers.length} customers, ${data.projects.length} projects, ${data.users.length} users, ` +
      `${data.invoices.length} invoices, ${data.timeRecords.length} time records, ${data.claims.reduce((n, c) => n + c.items.length, 0)} claim items.\n`,
  );
  return 0;
}

function formatsCommand(args: ParsedArgs, out: (text: string) => void): number {
  checkKnown(args, ['json']);
  const formats = listFormats();
  if (args.flags.has('json')) {
    out(JSON.stringify(formats, null, 2) + '\n');
    return 0;
  }
  const width = (pick: (f: (typeof formats)[number]) => string) =>
    maxOf(
      formats.map((f) => pick(f).length),
      0,
    );
  const [idWidth, nameWidth, typeWidth] = [width((f) => f.id), width((f) => f.name), width((f) => f.dataType)];
  for (const f of formats)
    out(`${f.id.padEnd(idWidth)}  ${f.name.padEnd(nameWidth)}  ${f.dataType.padEnd(typeWidth)}  ${f.fileKind}\n`);
  return 0;
}

/** Reads and checks a company file, or throws an InputError that says why. */
export function readCompanyFileOrFail(path: string): CompanyFile {
  if (!existsSync(path))
    throw new InputError(
      `${path}: no such file. Make it first with \`exportdesk init --company ${path} --name NAME --org-number N --country NO|SE\`.`,
    );
  const parsed = parseCompanyFile(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new InputError(`${path} is not a usable company file:\n  ${parsed.errors.join('\n  ')}`);
  return parsed.file;
}

/**
 * Writes the files into `dir`, and nowhere else: each path is resolved and must be a direct child
 * of the resolved folder, whatever the name holds (`..`, `/`, an absolute path). The core's name
 * gate (src/core/export/file-names.ts) refuses such names first; this holds even if it is bypassed.
 * Nothing is written unless every path is inside.
 */
export function writeOutputFiles(dir: string, files: readonly { name: string; bytes: Uint8Array }[]): string[] {
  const root = resolve(dir);
  const paths = files.map((file) => {
    const path = resolve(root, file.name);
    if (dirname(path) !== root || basename(path) !== file.name)
      throw new InputError(`Refused to write "${file.name}": the file would land outside ${root}.`);
    return path;
  });
  mkdirSync(root, { recursive: true });
  files.forEach((file, i) => writeFileSync(paths[i]!, file.bytes));
  return paths;
}

export const newId = (): string => randomUUID();

/** `exportdesk formats | head` closes the pipe early; that is not an error worth a stack trace. */
export function exitQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  exitQuietlyOnClosedPipe();
  process.exitCode = await main(process.argv.slice(2));
}
