/**
 * `exportdesk init --company <file> --name <name> --org-number <n> --country NO|SE`: a firm's own
 * company file, as the app's "Set up your company" makes it (src/core/company-file/new-company.ts):
 * the same rule set as the form (src/core/validation), the country's starter chart, VAT codes and
 * expense types, no records. An existing file is kept unless `--force` is given.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { InputError, UsageError, checkKnown, option, requiredOption, type ParsedArgs } from './args.ts';
import { serializeCompanyFile, toCompanyFile } from '../core/company-file/company-file.ts';
import { homeCurrency, newCompanyData, newCompanyRecord } from '../core/company-file/new-company.ts';
import { emptyCompanyData, type Company } from '../core/domain/types.ts';
import { isIsoDate, toIsoDateTime } from '../core/domain/dates.ts';
import { validateRegisterRecord } from '../core/validation/index.ts';

const KNOWN = ['company', 'name', 'org-number', 'country', 'currency', 'now', 'force'];

/** The option that sets each company field the rule set may find a problem in. */
const OPTION_OF: Readonly<Record<string, string>> = {
  name: '--name',
  orgNumber: '--org-number',
  countryCode: '--country',
  currency: '--currency',
};

export function runCliInit(args: ParsedArgs, out: (text: string) => void, err: (text: string) => void): number {
  checkKnown(args, KNOWN);
  if (args.positionals.length > 0) throw new UsageError(`Unexpected argument "${args.positionals[0]}".`);
  const path = requiredOption(args, 'company');
  const country = requiredOption(args, 'country').trim();
  const company: Company = {
    ...newCompanyRecord(),
    name: requiredOption(args, 'name').trim(),
    orgNumber: requiredOption(args, 'org-number').trim(),
    countryCode: country,
    currency: (option(args, 'currency') ?? homeCurrency(country) ?? '').trim(),
  };
  const now = option(args, 'now') ?? toIsoDateTime(new Date());
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(now) || !isIsoDate(now.slice(0, 10)))
    throw new UsageError('--now must be YYYY-MM-DDTHH:mm:ss.');

  // The form's check of a new company: no registers yet, so nothing to refer to.
  const problems = validateRegisterRecord(
    'company',
    company as unknown as Record<string, unknown>,
    emptyCompanyData(),
  ).filter(
    // A country without a home currency leaves the currency empty; the country's own error says what is wrong.
    (p) => !(p.field === 'currency' && company.currency === '' && option(args, 'currency') === undefined),
  );
  const describe = (p: (typeof problems)[number]) => `${OPTION_OF[p.field] ?? p.field}: ${p.message}`;
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new InputError(`${path} was not written:\n  ${errors.map(describe).join('\n  ')}`);
  if (existsSync(path) && !args.flags.has('force'))
    throw new InputError(`${path} already exists; give --force to replace it (its contents are lost).`);
  // What is left may be right but looks odd: written, and said, as the form shows it without blocking Save.
  for (const warning of problems) err(`warning: ${describe(warning)}\n`);

  const data = newCompanyData(company, now);
  try {
    writeFileSync(path, serializeCompanyFile(toCompanyFile(data)));
  } catch (error) {
    throw new InputError(`${path} could not be written: ${(error as Error).message}`);
  }
  out(
    `Wrote ${path}: ${company.name} (${company.countryCode}, ${company.currency}) with ${data.accounts.length} accounts, ` +
      `${data.vatCodes.length} VAT codes and ${data.expenseTypes.length} expense types.\n`,
  );
  return 0;
}
