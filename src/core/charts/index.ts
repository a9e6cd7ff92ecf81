/**
 * Starter registers for a new company: the chart of accounts, VAT codes and expense types a
 * firm in the country starts from (NS 4102 for Norway, BAS for Sweden). The tables are the demo
 * company's, so a firm set up by hand and the demo share one chart.
 */
import type { Account, ExpenseType, VatCode } from '../domain/types.ts';
import { DEMO_PROFILES } from '../demo/profiles/index.ts';

export function starterRegisters(country: 'NO' | 'SE'): {
  accounts: Account[];
  vatCodes: VatCode[];
  expenseTypes: ExpenseType[];
} {
  const profile = DEMO_PROFILES[country];
  return {
    accounts: profile.accounts.map((account) => ({ ...account })),
    vatCodes: profile.vatCodes.map((vatCode) => ({ ...vatCode })),
    // Demo expense types also carry how the demo makes up amounts: only the register fields are kept.
    expenseTypes: profile.expenseTypes.map(({ code, name, accountNumber, vatCode, wageCode }) => ({
      code,
      name,
      accountNumber,
      vatCode,
      wageCode,
    })),
  };
}
