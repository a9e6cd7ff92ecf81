import type { Account, AccountKind, AccountRole } from '../domain/types.ts';

/** One chart line; `grouping` is the SAF-T `[GroupingCategory, GroupingCode]`, absent where SAF-T does not apply. */
export function chartAccount(
  number: string,
  name: string,
  kind: AccountKind,
  vatCode: string,
  grouping?: readonly [category: string, code: string],
  role?: AccountRole,
): Account {
  const account: Account = { number, name, kind, vatCode };
  if (role !== undefined) account.role = role;
  if (grouping !== undefined) {
    account.saftGroupingCategory = grouping[0];
    account.saftGroupingCode = grouping[1];
  }
  return account;
}
