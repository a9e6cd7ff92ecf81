/**
 * Starter registers per country (issue 13): the chart of accounts, VAT codes and expense
 * types a new company gets from its country, and that the demo company uses too. NS 4102
 * and SAF-T codes for Norway (norway.ts), BAS for Sweden (sweden.ts).
 */
import type { Account, ExpenseType, VatCode } from '../domain/types.ts';
import { NORWAY_ACCOUNTS, NORWAY_EXPENSE_TYPES, NORWAY_VAT_CODES } from './norway.ts';
import { SWEDEN_ACCOUNTS, SWEDEN_EXPENSE_TYPES, SWEDEN_VAT_CODES } from './sweden.ts';

export type StarterCountry = 'NO' | 'SE';

export interface StarterRegisters {
  accounts: Account[];
  vatCodes: VatCode[];
  expenseTypes: ExpenseType[];
}

/** Fresh copies of the country's starter registers (the caller may change them). */
export function starterRegisters(country: StarterCountry): StarterRegisters {
  const [accounts, vatCodes, expenseTypes] =
    country === 'SE'
      ? [SWEDEN_ACCOUNTS, SWEDEN_VAT_CODES, SWEDEN_EXPENSE_TYPES]
      : [NORWAY_ACCOUNTS, NORWAY_VAT_CODES, NORWAY_EXPENSE_TYPES];
  return {
    accounts: accounts.map((a) => ({ ...a })),
    vatCodes: vatCodes.map((v) => ({ ...v })),
    expenseTypes: expenseTypes.map((e) => ({ ...e })),
  };
}

export { NORWAY_ACCOUNTS, NORWAY_EXPENSE_TYPES, NORWAY_VAT_CODES } from './norway.ts';
export { SWEDEN_ACCOUNTS, SWEDEN_EXPENSE_TYPES, SWEDEN_VAT_CODES } from './sweden.ts';
export {
  NORWEGIAN_RATE_OF_CLASS,
  SAFT_GROUPING_CATEGORIES,
  STANDARD_TAX_CODES,
  type StandardRateClass,
} from './saft-codes.ts';
