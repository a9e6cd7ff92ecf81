/**
 * What each import kind can hold: one table of field definitions per kind, fed to the
 * mapper, the row reader, the exporter and the UI (labels, required marks, examples).
 *
 * Field names are the domain model's property names and so the canonical CSV headers.
 * Invoice lines and claim items share a row with their document; their fields are
 * prefixed `line.` and `item.` (`line.quantity`, `item.amount`) because some names
 * exist on both levels (`projectNumber`, `date`).
 *
 * Defaults for unmapped optional fields of NEW records are in the table (`default`);
 * an updated record keeps its stored value for every field the import does not map.
 * Assumptions written down here: customers get 14 days payment terms, imported invoices
 * are `finalized` and `to-transfer`, imported claims are `submitted`, time records are
 * billable and not approved, projects billable, users internal.
 */
import type { Company, CompanyData } from '../domain/types.ts';
import { ACCOUNT_KINDS, CLAIM_STATUSES, EXPORT_STATUSES, INVOICE_STATUSES, INVOICE_TYPES } from '../domain/types.ts';

export const IMPORT_KINDS = [
  'customers',
  'projects',
  'users',
  'accounts',
  'vatCodes',
  'expenseTypes',
  'invoices',
  'timeRecords',
  'claims',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number] & keyof CompanyData;

export function isImportKind(value: unknown): value is ImportKind {
  return typeof value === 'string' && (IMPORT_KINDS as readonly string[]).includes(value);
}

export type FieldType = 'text' | 'integer' | 'decimal' | 'money' | 'date' | 'datetime' | 'boolean' | 'enum';

/** Which other table a field's value must exist in. */
export type Reference = 'customers' | 'projects' | 'users' | 'accounts' | 'vatCodes' | 'expenseTypes' | 'invoices';

export interface FieldDef {
  /** Canonical header: the domain property, prefixed `line.` / `item.` for child rows. */
  name: string;
  /** The domain property the value goes to. */
  property: string;
  /** `record` for the document or master record, `child` for an invoice line / claim item. */
  level: 'record' | 'child';
  label: string;
  type: FieldType;
  /** Must have a value (for child fields: on every row that has a line / item). */
  required: boolean;
  example: string;
  /** Common headers in other systems (Norwegian, Swedish, English); matched loosely. */
  aliases: readonly string[];
  /** Allowed values of an enum, with their accepted spellings. */
  values?: Readonly<Record<string, readonly string[]>>;
  /** For `decimal`: at most this many decimals. */
  decimals?: number;
  /** For `money`: the field holding the currency (else the company currency). */
  currencyField?: string;
  /** Empty means null rather than a default (`rate`). */
  nullable?: boolean;
  reference?: Reference;
  /** Value of an unmapped optional field on a new record. */
  default?: string | number | boolean | ((context: DefaultContext) => string | number | boolean);
}

export interface DefaultContext {
  company: Company;
  /** The record's values read so far (for defaults that copy another field). */
  record: Readonly<Record<string, unknown>>;
}

const NAME = ['Navn', 'Namn', 'Name', 'Benevnelse', 'Benämning'];
const EMAIL = ['E-post', 'Epost', 'E-mail', 'Email', 'Mail', 'E-postadresse', 'E-postadress'];
const CUSTOMER_NUMBER = [
  'Kundenummer',
  'Kundenr',
  'Kundnr',
  'Kundnummer',
  'Kunde-ID',
  'Kund-ID',
  'Customer number',
  'Customer no',
  'Customer ID',
  'Customer',
  'Kunde',
  'Kund',
];
const PROJECT_NUMBER = [
  'Prosjektnummer',
  'Prosjektnr',
  'Prosjekt',
  'Projektnummer',
  'Projektnr',
  'Projekt',
  'Project number',
  'Project no',
  'Project',
];
const EMPLOYEE_NUMBER = [
  'Ansattnr',
  'Ansattnummer',
  'Ansatt-ID',
  'Anställningsnr',
  'Anställningsnummer',
  'Anstnr',
  'Anställd-ID',
  'Employee number',
  'Employee no',
  'Employee ID',
  'Lønnsnummer',
];
const DEPARTMENT = [
  'Avdeling',
  'Avdelingsnummer',
  'Avdelingsnr',
  'Avdelning',
  'Avdelningsnummer',
  'Department',
  'Department number',
  'Dept',
  'Kostnadssted',
  'Kostnadsställe',
  'Cost center',
];
const ACCOUNT = ['Konto', 'Kontonummer', 'Kontonr', 'Account', 'Account number', 'Account no'];
const VAT_CODE = [
  'Mva-kode',
  'Mvakode',
  'Mva',
  'Momskod',
  'Momskode',
  'Moms',
  'VAT code',
  'VAT',
  'Tax code',
  'Skattekode',
];
const WAGE_CODE = [
  'Lønnsart',
  'Lønnart',
  'Lønnskode',
  'Löneart',
  'Lönart',
  'Lönekod',
  'Wage code',
  'Wage type',
  'Pay code',
  'Salary code',
];
const CURRENCY = ['Valuta', 'Currency', 'Valutakode', 'Currency code'];
const DESCRIPTION = ['Beskrivelse', 'Beskrivning', 'Description', 'Tekst', 'Text'];
const BILLABLE = ['Fakturerbar', 'Fakturerbart', 'Fakturerbara', 'Billable', 'Chargeable'];
const NUMBER = ['Nummer', 'Nr', 'Number', 'No', 'ID'];

const BOOLEAN_EXAMPLE = 'true';

type Def = Omit<FieldDef, 'property' | 'level' | 'required' | 'aliases'> & {
  required?: boolean;
  aliases?: readonly string[];
};

function fields(defs: readonly Def[]): FieldDef[] {
  return defs.map((d) => {
    const dot = d.name.indexOf('.');
    return {
      ...d,
      property: dot === -1 ? d.name : d.name.slice(dot + 1),
      level: dot === -1 ? 'record' : 'child',
      required: d.required ?? false,
      aliases: d.aliases ?? [],
    };
  });
}

const companyCurrency = ({ company }: DefaultContext) => company.currency;

const enumOf = (values: readonly string[], spellings: Record<string, readonly string[]> = {}) =>
  Object.fromEntries(values.map((v) => [v, spellings[v] ?? []]));

const FIELDS: Readonly<Record<ImportKind, readonly FieldDef[]>> = {
  customers: fields([
    {
      name: 'number',
      label: 'Customer number',
      type: 'text',
      required: true,
      example: '10001',
      aliases: [...CUSTOMER_NUMBER, ...NUMBER],
    },
    {
      name: 'name',
      label: 'Name',
      type: 'text',
      required: true,
      example: 'Fjordkraft Rør AS',
      aliases: [
        ...NAME,
        'Kundenavn',
        'Kundnamn',
        'Customer name',
        'Firmanavn',
        'Företagsnamn',
        'Company',
        'Company name',
      ],
    },
    {
      name: 'orgNumber',
      label: 'Organisation number',
      type: 'text',
      example: '923456783',
      aliases: [
        'Org.nr',
        'Orgnr',
        'Org nr',
        'Organisasjonsnummer',
        'Organisationsnummer',
        'Organization number',
        'Foretaksnummer',
        'Company number',
      ],
    },
    { name: 'email', label: 'E-mail', type: 'text', example: 'post@fjordkraft-ror.no', aliases: EMAIL },
    {
      name: 'phone',
      label: 'Phone',
      type: 'text',
      example: '+47 22 33 44 55',
      aliases: ['Telefon', 'Tlf', 'Telefonnummer', 'Phone', 'Phone number', 'Mobil', 'Mobile'],
    },
    {
      name: 'addressLine1',
      label: 'Address line 1',
      type: 'text',
      example: 'Storgata 1',
      aliases: [
        'Adresse',
        'Adress',
        'Address',
        'Adresse 1',
        'Address 1',
        'Address line 1',
        'Gateadresse',
        'Postadresse',
        'Utdelningsadress',
        'Gatuadress',
      ],
    },
    {
      name: 'addressLine2',
      label: 'Address line 2',
      type: 'text',
      example: 'Postboks 12',
      aliases: ['Adresse 2', 'Adress 2', 'Address 2', 'Address line 2', 'c/o'],
    },
    {
      name: 'postalCode',
      label: 'Postal code',
      type: 'text',
      example: '0150',
      aliases: ['Postnr', 'Postnummer', 'Zip', 'Zip code', 'Postal code', 'Postcode'],
    },
    {
      name: 'city',
      label: 'City',
      type: 'text',
      example: 'Oslo',
      aliases: ['Poststed', 'Ort', 'Postort', 'Sted', 'City', 'Town'],
    },
    {
      name: 'countryCode',
      label: 'Country code (ISO)',
      type: 'text',
      example: 'NO',
      aliases: ['Land', 'Landkode', 'Landskod', 'Country', 'Country code'],
      default: ({ company }) => company.countryCode,
    },
    { name: 'currency', label: 'Currency', type: 'text', example: 'NOK', aliases: CURRENCY, default: companyCurrency },
    {
      name: 'paymentTermsDays',
      label: 'Payment terms (days)',
      type: 'integer',
      example: '14',
      aliases: [
        'Betalingsbetingelser',
        'Betalingsfrist',
        'Betalningsvillkor',
        'Kredittid',
        'Kredittdager',
        'Payment terms',
        'Payment terms days',
      ],
      default: 14,
    },
    {
      name: 'peppolId',
      label: 'Peppol ID',
      type: 'text',
      example: '0192:923456783',
      aliases: ['Peppol', 'Peppol-ID', 'EHF-adresse', 'Peppol address'],
    },
    {
      name: 'ledgerAccount',
      label: 'Receivable account',
      type: 'text',
      example: '1500',
      aliases: ['Reskontrokonto', 'Kundereskontro', 'Kundreskontra', 'Receivable account'],
      reference: 'accounts',
    },
  ]),
  projects: fields([
    {
      name: 'number',
      label: 'Project number',
      type: 'text',
      required: true,
      example: 'P-100',
      aliases: [...PROJECT_NUMBER, ...NUMBER],
    },
    {
      name: 'name',
      label: 'Name',
      type: 'text',
      required: true,
      example: 'Rehabilitering bad',
      aliases: [...NAME, 'Prosjektnavn', 'Projektnamn', 'Project name'],
    },
    {
      name: 'customerNumber',
      label: 'Customer number',
      type: 'text',
      example: '10001',
      aliases: CUSTOMER_NUMBER,
      reference: 'customers',
    },
    { name: 'departmentNumber', label: 'Department', type: 'text', example: '20', aliases: DEPARTMENT },
    {
      name: 'billable',
      label: 'Billable',
      type: 'boolean',
      example: BOOLEAN_EXAMPLE,
      aliases: BILLABLE,
      default: true,
    },
  ]),
  users: fields([
    {
      name: 'employeeNumber',
      label: 'Employee number',
      type: 'text',
      required: true,
      example: '1001',
      aliases: [...EMPLOYEE_NUMBER, ...NUMBER],
    },
    {
      name: 'name',
      label: 'Name',
      type: 'text',
      required: true,
      example: 'Kari Nordmann',
      aliases: [...NAME, 'Ansatt', 'Anställd', 'Employee', 'Employee name', 'Fullt navn', 'Full name'],
    },
    { name: 'email', label: 'E-mail', type: 'text', example: 'kari@firma.no', aliases: EMAIL },
    { name: 'departmentNumber', label: 'Department', type: 'text', example: '20', aliases: DEPARTMENT },
    {
      name: 'external',
      label: 'External (subcontractor)',
      type: 'boolean',
      example: 'false',
      aliases: ['Ekstern', 'Extern', 'External', 'Underleverandør', 'Underleverantör', 'Subcontractor'],
      default: false,
    },
  ]),
  accounts: fields([
    {
      name: 'number',
      label: 'Account number',
      type: 'text',
      required: true,
      example: '3000',
      aliases: [...ACCOUNT, ...NUMBER],
    },
    {
      name: 'name',
      label: 'Name',
      type: 'text',
      required: true,
      example: 'Salgsinntekt, avgiftspliktig',
      aliases: [...NAME, 'Kontonavn', 'Kontonamn', 'Account name'],
    },
    {
      name: 'kind',
      label: 'Kind',
      type: 'enum',
      required: true,
      example: 'revenue',
      aliases: ['Kontotype', 'Kontotyp', 'Type', 'Typ', 'Kind', 'Account type'],
      values: enumOf(ACCOUNT_KINDS, {
        revenue: ['inntekt', 'intäkt', 'income'],
        expense: ['kostnad', 'cost'],
        asset: ['eiendel', 'tillgång'],
        liability: ['gjeld', 'skuld'],
        equity: ['egenkapital', 'eget kapital'],
      }),
    },
    {
      name: 'vatCode',
      label: 'Default VAT code',
      type: 'text',
      example: '3',
      aliases: VAT_CODE,
      reference: 'vatCodes',
    },
  ]),
  vatCodes: fields([
    {
      name: 'code',
      label: 'VAT code',
      type: 'text',
      required: true,
      example: '3',
      aliases: [...VAT_CODE, 'Kode', 'Kod', 'Code'],
    },
    {
      name: 'ratePercent',
      label: 'Rate (%)',
      type: 'decimal',
      decimals: 4,
      required: true,
      example: '25',
      aliases: ['Sats', 'Mva-sats', 'Momssats', 'Prosent', 'Procent', 'Percent', 'Rate', 'VAT rate'],
    },
    {
      name: 'description',
      label: 'Description',
      type: 'text',
      example: 'Utgående mva, høy sats',
      aliases: [...DESCRIPTION, ...NAME],
    },
    // Not checked against accounts: accounts refer to VAT codes, and the cycle would make a first import impossible.
    { name: 'accountNumber', label: 'VAT account', type: 'text', example: '2700', aliases: ACCOUNT },
    {
      name: 'standardTaxCode',
      label: 'SAF-T standard tax code',
      type: 'text',
      example: '3',
      aliases: ['Standard mva-kode', 'SAF-T kode', 'SAF-T', 'Standard tax code'],
    },
  ]),
  expenseTypes: fields([
    {
      name: 'code',
      label: 'Code',
      type: 'text',
      required: true,
      example: 'TAXI',
      aliases: ['Kode', 'Kod', 'Code', 'Utleggstype', 'Utläggstyp', 'Expense type'],
    },
    { name: 'name', label: 'Name', type: 'text', required: true, example: 'Taxi', aliases: [...NAME, ...DESCRIPTION] },
    { name: 'accountNumber', label: 'Account', type: 'text', example: '7140', aliases: ACCOUNT, reference: 'accounts' },
    { name: 'vatCode', label: 'VAT code', type: 'text', example: '1', aliases: VAT_CODE, reference: 'vatCodes' },
    { name: 'wageCode', label: 'Wage code', type: 'text', example: '710', aliases: WAGE_CODE },
  ]),
  invoices: fields([
    { name: 'id', label: 'Internal id', type: 'text', example: '', aliases: ['Intern ID', 'Internal id'] },
    {
      name: 'number',
      // Required on finalized invoices (checked in plan.ts); drafts have none.
      label: 'Invoice number (empty only on drafts)',
      type: 'text',
      example: '20240017',
      aliases: ['Fakturanr', 'Fakturanummer', 'Faktura', 'Invoice number', 'Invoice no', 'Invoice', ...NUMBER],
    },
    {
      name: 'type',
      label: 'Type (invoice/credit)',
      type: 'enum',
      example: 'invoice',
      aliases: ['Type', 'Typ', 'Fakturatype', 'Fakturatyp', 'Document type'],
      values: enumOf(INVOICE_TYPES, {
        invoice: ['faktura'],
        credit: ['kreditnota', 'kreditfaktura', 'credit note', 'kredit'],
      }),
      default: 'invoice',
    },
    {
      name: 'creditedInvoiceNumber',
      label: 'Credited invoice number',
      type: 'text',
      example: '',
      aliases: [
        'Kreditert faktura',
        'Krediterer faktura',
        'Krediterad faktura',
        'Credited invoice',
        'Original invoice',
        'Opprinnelig faktura',
      ],
      reference: 'invoices',
    },
    {
      name: 'customerNumber',
      label: 'Customer number',
      type: 'text',
      required: true,
      example: '10001',
      aliases: CUSTOMER_NUMBER,
      reference: 'customers',
    },
    {
      name: 'projectNumber',
      label: 'Project number',
      type: 'text',
      example: 'P-100',
      aliases: PROJECT_NUMBER,
      reference: 'projects',
    },
    {
      name: 'issueDate',
      label: 'Invoice date',
      type: 'date',
      required: true,
      example: '2024-03-01',
      aliases: ['Fakturadato', 'Fakturadatum', 'Dato', 'Datum', 'Date', 'Invoice date', 'Issue date'],
    },
    {
      name: 'dueDate',
      label: 'Due date',
      type: 'date',
      required: true,
      example: '2024-03-15',
      aliases: ['Forfallsdato', 'Forfall', 'Förfallodatum', 'Förfallodag', 'Due date'],
    },
    { name: 'currency', label: 'Currency', type: 'text', example: 'NOK', aliases: CURRENCY, default: companyCurrency },
    {
      name: 'kid',
      label: 'KID / OCR',
      type: 'text',
      example: '2024001710',
      aliases: ['KID', 'KID-nummer', 'OCR', 'OCR-nummer', 'Payment reference'],
    },
    {
      name: 'orderReference',
      label: 'Order reference',
      type: 'text',
      example: 'PO-4411',
      aliases: [
        'Ordrenr',
        'Ordrenummer',
        'Ordernummer',
        'Bestillingsnummer',
        'Deres ref',
        'Er referens',
        'Order reference',
        'PO number',
      ],
    },
    {
      name: 'status',
      label: 'Status (draft/finalized)',
      type: 'enum',
      example: 'finalized',
      aliases: ['Status'],
      values: enumOf(INVOICE_STATUSES, { draft: ['utkast'], finalized: ['ferdig', 'fakturert', 'sendt'] }),
      default: 'finalized',
    },
    {
      name: 'finalizedAt',
      label: 'Finalized at',
      type: 'datetime',
      example: '2024-03-01T10:15:00',
      aliases: ['Finalized at', 'Ferdigstilt'],
    },
    {
      name: 'exportStatus',
      label: 'Export status',
      type: 'enum',
      example: 'to-transfer',
      aliases: ['Eksportstatus', 'Exportstatus', 'Export status'],
      values: enumOf(EXPORT_STATUSES),
      default: 'to-transfer',
    },
    {
      // The factoring status (issue 15); `exportStatus` above is the accounting one.
      name: 'factoringStatus',
      label: 'Factoring export status',
      type: 'enum',
      example: 'to-transfer',
      aliases: ['Factoringstatus', 'Factoring status', 'Factoring export status'],
      values: enumOf(EXPORT_STATUSES),
      default: 'to-transfer',
    },
    {
      name: 'line.description',
      label: 'Line description',
      type: 'text',
      example: 'Rørlegging, timer',
      aliases: [...DESCRIPTION, 'Varetekst', 'Linjetekst', 'Line description'],
    },
    {
      name: 'line.productCode',
      label: 'Product code',
      type: 'text',
      example: 'ARB-1',
      aliases: [
        'Varenr',
        'Varenummer',
        'Artikkelnr',
        'Artikelnr',
        'Artikelnummer',
        'Produktkode',
        'Product code',
        'Item number',
        'SKU',
      ],
    },
    {
      name: 'line.quantity',
      label: 'Quantity',
      type: 'decimal',
      decimals: 4,
      required: true,
      example: '7.5',
      aliases: ['Antall', 'Antal', 'Mengde', 'Quantity', 'Qty'],
    },
    {
      name: 'line.unitPrice',
      label: 'Unit price (excl. VAT)',
      type: 'money',
      currencyField: 'currency',
      required: true,
      example: '950.00',
      aliases: ['Pris', 'Enhetspris', 'A-pris', 'À-pris', 'Styckpris', 'Unit price', 'Price'],
    },
    {
      name: 'line.discountPercent',
      label: 'Discount (%)',
      type: 'decimal',
      decimals: 2,
      example: '0',
      aliases: ['Rabatt', 'Rabatt %', 'Rabattprosent', 'Discount', 'Discount %'],
      default: 0,
    },
    {
      name: 'line.accountNumber',
      label: 'Line account',
      type: 'text',
      example: '3000',
      aliases: [...ACCOUNT, 'Inntektskonto', 'Intäktskonto'],
      reference: 'accounts',
    },
    {
      name: 'line.vatCode',
      label: 'Line VAT code',
      type: 'text',
      example: '3',
      aliases: VAT_CODE,
      reference: 'vatCodes',
    },
    { name: 'line.departmentNumber', label: 'Line department', type: 'text', example: '20', aliases: DEPARTMENT },
    {
      name: 'line.projectNumber',
      label: 'Line project',
      type: 'text',
      example: 'P-100',
      aliases: ['Linjeprosjekt', 'Radprojekt', 'Line project'],
      reference: 'projects',
    },
  ]),
  timeRecords: fields([
    { name: 'id', label: 'Id', type: 'text', example: '', aliases: ['ID', 'Intern ID'] },
    {
      name: 'date',
      label: 'Date',
      type: 'date',
      required: true,
      example: '2024-03-04',
      aliases: ['Dato', 'Datum', 'Date', 'Arbeidsdato', 'Work date'],
    },
    {
      name: 'employeeNumber',
      label: 'Employee number',
      type: 'text',
      required: true,
      example: '1001',
      aliases: EMPLOYEE_NUMBER,
      reference: 'users',
    },
    {
      name: 'projectNumber',
      label: 'Project number',
      type: 'text',
      example: 'P-100',
      aliases: PROJECT_NUMBER,
      reference: 'projects',
    },
    {
      name: 'activity',
      label: 'Activity',
      type: 'text',
      example: 'Montering',
      aliases: ['Aktivitet', 'Activity', 'Oppgave', 'Uppgift', 'Task'],
    },
    {
      name: 'hours',
      label: 'Hours',
      type: 'decimal',
      decimals: 4,
      required: true,
      example: '7.5',
      aliases: ['Timer', 'Timmar', 'Antall timer', 'Antal timmar', 'Hours', 'Tid'],
    },
    { name: 'wageCode', label: 'Wage code', type: 'text', example: '100', aliases: WAGE_CODE },
    {
      name: 'rate',
      label: 'Hourly rate',
      type: 'money',
      nullable: true,
      example: '950.00',
      aliases: ['Timesats', 'Timepris', 'Timpris', 'Sats', 'Rate', 'Hourly rate'],
    },
    {
      // The hourly wage for payroll, apart from the billing rate above (payroll files write
      // this one, or the co-worker's default for the wage code, never the billing rate).
      name: 'payRate',
      label: 'Pay rate (hourly wage)',
      type: 'money',
      nullable: true,
      example: '350.00',
      aliases: [
        'Lønnssats',
        'Timelønn',
        'Timelønnssats',
        'Lönesats',
        'Timlön',
        'Timlönesats',
        'Pay rate',
        'Hourly wage',
        'Wage rate',
      ],
    },
    {
      name: 'billable',
      label: 'Billable',
      type: 'boolean',
      example: BOOLEAN_EXAMPLE,
      aliases: BILLABLE,
      default: true,
    },
    {
      name: 'approved',
      label: 'Approved',
      type: 'boolean',
      example: 'false',
      aliases: ['Godkjent', 'Godkänd', 'Attestert', 'Attesterad', 'Approved'],
      default: false,
    },
    {
      name: 'comment',
      label: 'Comment',
      type: 'text',
      example: '',
      aliases: ['Kommentar', 'Comment', 'Notat', 'Note', ...DESCRIPTION],
    },
  ]),
  claims: fields([
    {
      name: 'claimNumber',
      label: 'Claim number',
      type: 'text',
      required: true,
      example: 'R-2024-014',
      aliases: [
        'Utleggsnr',
        'Utleggsnummer',
        'Reiseregningsnr',
        'Utläggsnr',
        'Utläggsnummer',
        'Refusjonsnr',
        'Claim number',
        'Claim no',
        'Claim',
        ...NUMBER,
      ],
    },
    {
      name: 'employeeNumber',
      label: 'Employee number',
      type: 'text',
      required: true,
      example: '1001',
      aliases: EMPLOYEE_NUMBER,
      reference: 'users',
    },
    {
      name: 'date',
      label: 'Claim date',
      type: 'date',
      required: true,
      example: '2024-03-05',
      aliases: ['Dato', 'Datum', 'Date', 'Claim date'],
    },
    {
      name: 'status',
      label: 'Status',
      type: 'enum',
      example: 'submitted',
      aliases: ['Status'],
      values: enumOf(CLAIM_STATUSES, {
        draft: ['utkast'],
        submitted: ['innsendt', 'inskickad'],
        approved: ['godkjent', 'godkänd'],
        paid: ['betalt', 'utbetalt', 'betald'],
        rejected: ['avvist', 'avslått', 'avvisad'],
      }),
      default: 'submitted',
    },
    {
      name: 'item.date',
      label: 'Receipt date',
      type: 'date',
      example: '2024-03-04',
      aliases: ['Utleggsdato', 'Kvitteringsdato', 'Kvittodatum', 'Receipt date', 'Item date'],
      default: ({ record }) => String(record['date'] ?? ''),
    },
    {
      name: 'item.expenseType',
      label: 'Expense type',
      type: 'text',
      required: true,
      example: 'TAXI',
      aliases: ['Utleggstype', 'Utläggstyp', 'Kostnadstype', 'Kostnadstyp', 'Expense type', 'Type', 'Typ'],
      reference: 'expenseTypes',
    },
    { name: 'item.description', label: 'Description', type: 'text', example: 'Taxi Gardermoen', aliases: DESCRIPTION },
    {
      name: 'item.amount',
      label: 'Amount incl. VAT',
      type: 'money',
      currencyField: 'item.currency',
      required: true,
      example: '412.00',
      aliases: ['Beløp', 'Belopp', 'Amount', 'Sum', 'Totalt', 'Total'],
    },
    {
      name: 'item.vatAmount',
      label: 'VAT amount',
      type: 'money',
      currencyField: 'item.currency',
      example: '44.14',
      aliases: ['Mva-beløp', 'Mvabeløp', 'Momsbelopp', 'VAT amount', 'Mva', 'Moms', 'VAT'],
      default: 0,
    },
    {
      name: 'item.currency',
      label: 'Currency',
      type: 'text',
      example: 'NOK',
      aliases: CURRENCY,
      default: companyCurrency,
    },
    {
      name: 'item.projectNumber',
      label: 'Project number',
      type: 'text',
      example: 'P-100',
      aliases: PROJECT_NUMBER,
      reference: 'projects',
    },
  ]),
};

/** Field definitions of a kind, in canonical column order. */
export function importFields(kind: ImportKind): readonly FieldDef[] {
  return FIELDS[kind];
}
