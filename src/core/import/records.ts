/** Keys and equality of the records an import produces. */
import type {
  Account,
  Claim,
  Customer,
  ExpenseType,
  Invoice,
  Project,
  TimeRecord,
  User,
  VatCode,
} from '../domain/types.ts';
import type { ImportKind } from './fields.ts';
import { keyOf } from '../validation/text.ts';

export interface KindRecords {
  customers: Customer;
  projects: Project;
  users: User;
  accounts: Account;
  vatCodes: VatCode;
  expenseTypes: ExpenseType;
  invoices: Invoice;
  timeRecords: TimeRecord;
  claims: Claim;
}

export type AnyImportRecord = KindRecords[ImportKind];

/** Keys compare without invisible characters, in NFC (validation/text.ts). */
const s = keyOf;

/**
 * The key users think in: customer/project/account number, employeeNumber, VAT code,
 * expense type code, invoice number, claim number; for a time record the combination
 * employee + date + project + hours + activity (its id is matched separately).
 */
export function naturalKey<K extends ImportKind>(kind: K, record: Partial<KindRecords[K]>): string {
  const r = record as Record<string, unknown>;
  switch (kind) {
    case 'users':
      return s(r['employeeNumber']);
    case 'vatCodes':
    case 'expenseTypes':
      return s(r['code']);
    case 'claims':
      return s(r['claimNumber']);
    case 'timeRecords':
      return [s(r['employeeNumber']), s(r['date']), s(r['projectNumber']), s(r['hours']), s(r['activity'])].join(
        '\u001f',
      );
    default:
      return s(r['number']);
  }
}

/** How a stored record is found again: the id for invoices and time records, else the natural key. */
export function identityKey<K extends ImportKind>(kind: K, record: KindRecords[K]): string {
  const r = record as unknown as Record<string, unknown>;
  return kind === 'invoices' || kind === 'timeRecords' ? s(r['id']) : naturalKey(kind, record);
}

/**
 * Deep equality of plain JSON-like values (key order does not matter). A key holding
 * `undefined` equals an absent key, as in JSON: a record stored before an optional field
 * existed (`TimeRecord.payRate`) is unchanged by an import that does not map that field.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = definedKeys(a);
  const kb = definedKeys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka)
    if (!sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

function definedKeys(value: object): string[] {
  return Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined);
}
