/**
 * The domain model. Field names double as the canonical CSV headers (see the import
 * issue), so renaming a field is a breaking change for users' files and presets.
 *
 * Conventions (docs/decisions/0001-money-dates-rounding.md):
 * - money is integer minor units (øre, öre, cents), type `Minor`;
 * - dates are ISO `YYYY-MM-DD` strings, type `IsoDate`; timestamps are ISO
 *   `YYYY-MM-DDTHH:mm:ss` strings in the user's local time, type `IsoDateTime`;
 * - quantities and hours are plain numbers with at most 4 decimals.
 */

/** Integer amount in minor units (1 NOK = 100 øre). Never a float. */
export type Minor = number;
/** `YYYY-MM-DD` */
export type IsoDate = string;
/** `YYYY-MM-DDTHH:mm:ss` (local time, no zone) */
export type IsoDateTime = string;
/** ISO 4217 code, e.g. `NOK`. */
export type CurrencyCode = string;

export interface Company {
  name: string;
  orgNumber: string;
  addressLine1: string;
  addressLine2: string;
  postalCode: string;
  city: string;
  /** ISO 3166 alpha-2 */
  countryCode: string;
  phone: string;
  email: string;
  currency: CurrencyCode;
  /** First day of the fiscal year as `MM-DD` (almost always `01-01`). */
  fiscalYearStart: string;
  /** The person to contact about the books (SIE `#ADRESS`); absent in files made before it existed. */
  contactPerson?: string;
  /** Whether the firm is registered for VAT; absent in files made before it existed. */
  vatRegistered?: boolean;
  /** The invoice number series and KID layout (Settings → Invoice numbering); absent until first used. */
  invoiceNumbering?: InvoiceNumbering;
  /**
   * How invoice VAT is rounded (docs/decisions/0001): `per-rate` by the book (EHF BR-CO-17), or
   * `per-line` for a firm whose billing system rounds each line. Absent (every company stored before
   * the setting existed, and a new one until its form is saved) means `per-rate`.
   */
  vatRounding?: VatRounding;
  /** The bank account invoices are paid to (Norwegian 11 digits, or an IBAN); absent or empty for none. */
  bankAccount?: string;
  /** When the record was last saved in a form; absent on records never edited by hand. */
  updatedAt?: IsoDateTime;
}

export const KID_SCHEMES = ['mod10', 'mod11'] as const;
/** MOD10 (Luhn) or MOD11, the two check digits Norwegian banks accept on a KID. */
export type KidScheme = (typeof KID_SCHEMES)[number];

/**
 * How a KID is laid out: the customer number, then the invoice number, each left-padded with
 * zeros to its width (a width of 0 leaves the customer number out), then the check digit.
 */
export interface KidLayout {
  scheme: KidScheme;
  customerDigits: number;
  invoiceDigits: number;
}

/**
 * The invoice number series (src/core/domain/invoice-numbering.ts): the number the next
 * finalized invoice or credit note gets, advanced in the same transaction, so a number is never
 * given twice. `kid` null: the company does not use KID.
 */
export interface InvoiceNumbering {
  /** Digits only. */
  nextNumber: string;
  kid: KidLayout | null;
}

/** The rounding rules of invoice VAT (src/core/domain/invoice-amounts.ts). */
export const VAT_ROUNDINGS = ['per-rate', 'per-line'] as const;
export type VatRounding = (typeof VAT_ROUNDINGS)[number];

export interface Customer {
  number: string;
  name: string;
  orgNumber: string;
  email: string;
  phone: string;
  addressLine1: string;
  addressLine2: string;
  postalCode: string;
  city: string;
  countryCode: string;
  currency: CurrencyCode;
  paymentTermsDays: number;
  peppolId: string;
  /** Receivable (customer ledger) account; empty means the export's default. */
  ledgerAccount: string;
  /** When the record was last saved in a form; absent on records never edited by hand. */
  updatedAt?: IsoDateTime;
  /** Marked for factoring: a factoring export set to take marked customers takes this one's invoices. */
  factoring?: boolean;
  /**
   * The reference the buyer wants on every invoice (EHF BuyerReference, "Deres ref."; Norwegian public
   * buyers require one); absent in files made before it existed.
   */
  buyerReference?: string;
}

export interface Project {
  number: string;
  name: string;
  customerNumber: string;
  departmentNumber: string;
  billable: boolean;
  /** When the record was last saved in a form; absent on records never edited by hand. */
  updatedAt?: IsoDateTime;
}

export interface User {
  /** The external employee number used by payroll; also the key of the co-worker. */
  employeeNumber: string;
  name: string;
  email: string;
  departmentNumber: string;
  /** External co-workers (subcontractors) are left out of payroll exports by default. */
  external: boolean;
  /**
   * Default pay (wage) rate per hour by wage code, minor units: what payroll formats write for a
   * time record of that wage code that carries no pay rate of its own. A wage code without an
   * entry has no rate here, and the payroll system uses the one it holds for the employee.
   * Optional because co-workers stored before pay rates existed have none (same meaning as `{}`).
   */
  payRates?: Readonly<Record<string, Minor>>;
  /** When the record was last saved in a form; absent on records never edited by hand. */
  updatedAt?: IsoDateTime;
}

export const ACCOUNT_KINDS = ['revenue', 'expense', 'asset', 'liability', 'equity'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/**
 * What an account is for, where an export needs to find it in the chart: `customer-receivables`
 * is the default receivable account of invoice postings (NS 4102 1500, BAS 1510).
 */
export const ACCOUNT_ROLES = ['customer-receivables'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export interface Account {
  number: string;
  name: string;
  kind: AccountKind;
  /** Default VAT code for postings to this account; empty for none. */
  vatCode: string;
  /** Marks the account that exports use by default for this role; absent for most accounts. */
  role?: AccountRole;
  /**
   * Norwegian SAF-T Financial 1.30 `GroupingCategory` (næringsspesifikasjon, e.g. `salgsinntekt`),
   * mandatory there; absent for accounts without a mapping (and in files made before it existed).
   */
  saftGroupingCategory?: string;
  /** The SAF-T `GroupingCode` within the category, e.g. `3000`. */
  saftGroupingCode?: string;
  /** When the record was last saved in a form; absent on records never edited by hand. */
  updatedAt?: IsoDateTime;
}

export interface VatCode {
  code: string;
  /** e.g. 25, 15, 12, 0 (decimals allowed, e.g. 11.11) */
  ratePercent: number;
  description: string;
  /** The VAT ledger account (output VAT), e.g. 2700. */
  accountNumber: string;
  /** The Norwegian SAF-T standard tax code, e.g. `3`. */
  standardTaxCode: string;
  /** When the record was last saved in a form; absent on records never edited by hand. */
  updatedAt?: IsoDateTime;
}

export const INVOICE_TYPES = ['invoice', 'credit'] as const;
export type InvoiceType = (typeof INVOICE_TYPES)[number];
export const INVOICE_STATUSES = ['draft', 'finalized'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export const EXPORT_STATUSES = ['to-transfer', 'transferred', 'do-not-transfer'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/**
 * What an invoice's export status is kept for: each purpose has a status of its own, since a
 * firm that uses factoring sends every invoice to both (issue 15), and EHF is sent to the customer as
 * well (issue 19). Payroll exports periods, not
 * invoices, and needs none.
 */
export const STATUS_PURPOSES = ['accounting', 'factoring', 'ehf'] as const;
export type StatusPurpose = (typeof STATUS_PURPOSES)[number];

export interface InvoiceLine {
  description: string;
  productCode: string;
  quantity: number;
  /** Net unit price in minor units, excluding VAT. */
  unitPrice: Minor;
  /** 0–100, at most 2 decimals. */
  discountPercent: number;
  accountNumber: string;
  vatCode: string;
  departmentNumber: string;
  projectNumber: string;
}

export interface Invoice {
  /** Internal, stable id (drafts have no number yet). */
  id: string;
  /** Empty while draft. */
  number: string;
  type: InvoiceType;
  creditedInvoiceNumber: string;
  customerNumber: string;
  projectNumber: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  currency: CurrencyCode;
  /** Norwegian KID / Swedish OCR payment reference. */
  kid: string;
  orderReference: string;
  status: InvoiceStatus;
  /** Empty while draft. */
  finalizedAt: IsoDateTime | '';
  /** The export status for accounting (the field's name predates factoring's own status). */
  exportStatus: ExportStatus;
  /** The export status for factoring; invoices stored before it existed start as Has been transferred. */
  factoringStatus: ExportStatus;
  /**
   * The status for sending as EHF (issue 19). Not indexed (src/db/export-status.ts reads it by a
   * filter); absent on invoices stored before it existed, which counts as Has been transferred, so
   * that old invoices are not all sent again.
   */
  ehfStatus?: ExportStatus;
  /**
   * Lines are stored as entered, with positive quantities on a credit note too;
   * the sign of a credit note is applied when amounts are derived
   * (src/core/domain/invoice-amounts.ts).
   */
  lines: InvoiceLine[];
}

export interface TimeRecord {
  id: string;
  date: IsoDate;
  employeeNumber: string;
  projectNumber: string;
  activity: string;
  hours: number;
  /** The external salary code (payroll wage type). */
  wageCode: string;
  /**
   * The hourly billing rate (the invoice unit price) in minor units; null when not set. Never
   * written to payroll files: that is `payRate`.
   */
  rate: Minor | null;
  /**
   * The hourly pay (wage) rate for payroll in minor units; null or absent when the record has
   * none, and then the co-worker's default for the wage code applies (`User.payRates`), else the
   * payroll system's own rate. Optional because records stored before pay rates existed lack it.
   */
  payRate?: Minor | null;
  billable: boolean;
  approved: boolean;
  comment: string;
}

export interface ExpenseType {
  code: string;
  name: string;
  accountNumber: string;
  vatCode: string;
  wageCode: string;
  /** When the record was last saved in a form; absent on records never edited by hand. */
  updatedAt?: IsoDateTime;
}

export const CLAIM_STATUSES = ['draft', 'submitted', 'approved', 'paid', 'rejected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export interface ClaimItem {
  date: IsoDate;
  expenseType: string;
  description: string;
  /** Gross, in minor units of `currency`. */
  amount: Minor;
  vatAmount: Minor;
  currency: CurrencyCode;
  projectNumber: string;
}

export interface Claim {
  claimNumber: string;
  employeeNumber: string;
  date: IsoDate;
  status: ClaimStatus;
  items: ClaimItem[];
}

/** Everything a company holds that formats and templates read. */
export interface CompanyData {
  company: Company;
  customers: Customer[];
  projects: Project[];
  users: User[];
  accounts: Account[];
  vatCodes: VatCode[];
  expenseTypes: ExpenseType[];
  invoices: Invoice[];
  timeRecords: TimeRecord[];
  claims: Claim[];
}

/** A company's data with no record in any register: a start for a new firm, or for checking one record. */
export function emptyCompanyData(company: Company = emptyCompany()): CompanyData {
  return {
    company,
    customers: [],
    projects: [],
    users: [],
    accounts: [],
    vatCodes: [],
    expenseTypes: [],
    invoices: [],
    timeRecords: [],
    claims: [],
  };
}

export function emptyCompany(): Company {
  return {
    name: '',
    orgNumber: '',
    addressLine1: '',
    addressLine2: '',
    postalCode: '',
    city: '',
    countryCode: 'NO',
    phone: '',
    email: '',
    currency: 'NOK',
    fiscalYearStart: '01-01',
    contactPerson: '',
  };
}
