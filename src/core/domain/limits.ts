/**
 * The limits every value that enters the books must keep, in one place (issue 16). The import
 * reader, the shared rule set (src/core/validation: forms and the importer) and the wizard read
 * them from here, so a value is refused at the door with a coded error, never deep inside a
 * page or an export format (`RangeError: amount must be a whole number of minor units`).
 *
 * Numbers. Amounts are integer minor units and must stay exact in a JavaScript number (below
 * 2^53 ≈ 9.007e15). A single stored amount, and every amount derived from stored ones (a line's
 * quantity × unit price, hours × rate, a document's total), is held to MAX_AMOUNT = 10^15 minor
 * units (10 000 000 000 000.00 NOK). With VAT of at most 100 % a gross amount is at most twice a
 * net one, so net + VAT and the sums the formats write still stay below 2^53.
 */

/** The largest amount in minor units: one stored amount, or one derived from stored values. */
export const MAX_AMOUNT = 1_000_000_000_000_000;

/** Quantities beyond this are a slip (an amount in the quantity column), not work sold. */
export const MAX_QUANTITY = 1_000_000_000;

/** Hours in one time record: a day has no more. */
export const MAX_HOURS_PER_RECORD = 24;

/** Payment terms in days (a year). */
export const MAX_PAYMENT_TERMS_DAYS = 365;

/** A number typed with more integer digits than this is not read: `Number` would change its last digits. */
export const MAX_NUMBER_DIGITS = 15;

/**
 * Text. The longest a text field may be, by field (property) name; fields not listed get
 * MAX_TEXT_LENGTH. Counted in UTF-16 code units, as the formats that cut text count them.
 * Keys are short (the systems we export to take 10–30 characters); free text may be long.
 */
export const MAX_TEXT_LENGTH = 500;
export const MAX_LONG_TEXT_LENGTH = 4000;
export const MAX_KEY_LENGTH = 100;

const LONG_TEXT_FIELDS = new Set(['description', 'notes', 'note', 'comment', 'text', 'address', 'activity']);
const KEY_FIELDS = new Set([
  'number',
  'employeeNumber',
  'code',
  'claimNumber',
  'customerNumber',
  'projectNumber',
  'accountNumber',
  'vatCode',
  'expenseType',
  'ledgerAccount',
  'creditedInvoiceNumber',
  'departmentNumber',
  'wageCode',
]);

/** The longest text a field may hold (see MAX_TEXT_LENGTH). */
export function maxTextLength(field: string): number {
  const name = field.slice(field.lastIndexOf('.') + 1);
  if (KEY_FIELDS.has(name)) return MAX_KEY_LENGTH;
  if (LONG_TEXT_FIELDS.has(name)) return MAX_LONG_TEXT_LENGTH;
  return MAX_TEXT_LENGTH;
}

/** A field that identifies or refers to a record: compared after removing invisible characters. */
export function isKeyField(field: string): boolean {
  return KEY_FIELDS.has(field.slice(field.lastIndexOf('.') + 1));
}

/**
 * Files. A cell longer than MAX_CELL_CHARS (a header cell longer than MAX_HEADER_CHARS) is refused when the file is read, before any field
 * rule (no field allows as much; a 50 MB cell would otherwise travel through the whole plan).
 * A file with more than MAX_COLUMNS columns is refused (no kind has more than about 40
 * fields); the wizard offers at most MAX_OFFERED_COLUMNS of them to map.
 */
export const MAX_CELL_CHARS = 10_000;
/** A column name longer than this is no header (the wizard shows every name in its choices). */
export const MAX_HEADER_CHARS = 200;
export const MAX_COLUMNS = 10_000;
export const MAX_OFFERED_COLUMNS = 500;
