/**
 * The shape of a country profile: every name, account, VAT code and price range the demo
 * generator uses is data here, and the generator code is the same for every country.
 */
import type { Account, CurrencyCode, ExpenseType, VatCode } from '../../domain/types.ts';

export const DEMO_COUNTRIES = ['NO', 'SE'] as const;
export type DemoCountry = (typeof DEMO_COUNTRIES)[number];

export interface PostalPlace {
  postalCode: string;
  city: string;
}

/** An inclusive range of whole minor units (or hours) in steps. */
export interface SteppedRange {
  min: number;
  max: number;
  step: number;
}

export type OrgNumberScheme =
  /** 9 digits, MOD11 with weights 3,2,7,6,5,4,3,2. */
  | 'no-mod11'
  /** 10 digits, Luhn over all ten. */
  | 'se-luhn';

/**
 * An invoice line kind. Descriptions may hold `{month}`, `{year}`, `{project}`,
 * `{activity}` and `{employee}`, filled in by the generator.
 */
export interface InvoiceLineTemplate {
  productCode: string;
  vatCode: string;
  descriptions: readonly string[];
  quantity: SteppedRange;
  /** Net unit price in minor units. */
  unitPrice: SteppedRange;
}

export interface InvoiceLineTemplates {
  /** Consultancy hours at the project's hourly rate (unitPrice is ignored for these). */
  hours: InvoiceLineTemplate;
  fixedPrice: InvoiceLineTemplate;
  /** Re-invoiced domestic travel (reduced VAT). */
  travelDomestic: InvoiceLineTemplate;
  /** Re-invoiced international travel (zero-rated). */
  travelInternational: InvoiceLineTemplate;
  /** Food for a workshop (the medium/food VAT rate). */
  food: InvoiceLineTemplate;
  /** An outlay passed on outside the scope of VAT. */
  outlay: InvoiceLineTemplate;
}

export interface ForeignCustomerProfile {
  name: string;
  addressLine1: string;
  postalCode: string;
  city: string;
  countryCode: string;
  currency: CurrencyCode;
  phone: string;
  email: string;
  /** Prefix of the EU VAT id the demo puts in `orgNumber` (its digits are made up with a valid check digit). */
  vatIdPrefix: 'DE';
  /** How many invoices in the foreign currency the demo issues. */
  invoiceCount: number;
  /** The line used on invoices to this customer (hours, in the customer's currency). */
  line: InvoiceLineTemplate;
}

export interface DemoExpenseType extends ExpenseType {
  /** How the gross amount is made up: a receipt amount, or kilometres × the mileage rate. */
  amountKind: 'receipt' | 'mileage';
  /** Receipt amounts (gross, minor units) or, for mileage, kilometres. */
  amount: SteppedRange;
  descriptions: readonly string[];
}

export interface DemoDepartment {
  number: string;
  name: string;
}

export interface DemoProfile {
  country: DemoCountry;
  currency: CurrencyCode;
  orgNumberScheme: OrgNumberScheme;
  /** First digits of made-up organisation numbers. */
  orgNumberPrefixes: readonly string[];
  /** e.g. `no`, for e-mail domains. */
  topLevelDomain: string;
  /** Phone number patterns; `#` is replaced with a random digit. */
  phonePatterns: readonly string[];
  company: {
    name: string;
    addressLine1: string;
    postalCode: string;
    city: string;
    emailDomain: string;
    fiscalYearStart: string;
    contactPerson: string;
  };
  customerNames: {
    /** Distinctive first words (places, nature). */
    first: readonly string[];
    /** Trades. */
    second: readonly string[];
    legalForm: string;
  };
  /** Names with characters that break careless CSV writers: double quotes, a comma, a semicolon. */
  awkwardCustomerNames: readonly string[];
  foreignCustomer: ForeignCustomerProfile;
  customerEmailLocalParts: readonly string[];
  streets: readonly string[];
  /** e.g. `Postboks`; some customers get a post-box as the second address line. */
  postBoxLabel: string;
  postalPlaces: readonly PostalPlace[];
  paymentTermsDays: readonly number[];
  /** Sent as `<prefix>:<orgNumber>` for customers reachable by PEPPOL. */
  peppolScheme: string;
  firstNames: readonly string[];
  lastNames: readonly string[];
  /** E-mail domains of the external co-workers' own firms. */
  externalEmailDomains: readonly string[];
  departments: readonly DemoDepartment[];
  /** Department for invoice lines that belong to no project. */
  defaultDepartmentNumber: string;
  /** Department of internal projects and of the office manager. */
  internalDepartmentNumber: string;
  billableProjectNames: readonly string[];
  /** A customer project whose hours are not billed (warranty work). */
  nonBillableCustomerProjectName: string;
  internalProjectNames: readonly string[];
  billableActivities: readonly string[];
  internalActivities: readonly string[];
  /** Comments on time records; '' entries make blank comments common. */
  timeComments: readonly string[];
  wageCodes: { normal: string; overtime: string; external: string };
  /** Hourly billing rates for co-workers (the invoice unit price), minor units. */
  hourlyRate: SteppedRange;
  /**
   * Hourly pay (wage) rates for co-workers' normal hours, minor units: well below the billing
   * rates. Overtime pays `overtimePercent` more.
   */
  payRate: SteppedRange & { overtimePercent: number };
  monthNames: readonly string[];
  orderReferences: readonly string[];
  receivablesAccount: string;
  accounts: readonly Account[];
  vatCodes: readonly VatCode[];
  /** Revenue account for each output VAT code used on invoice lines. */
  salesAccountByVatCode: Readonly<Record<string, string>>;
  invoiceLines: InvoiceLineTemplates;
  expenseTypes: readonly DemoExpenseType[];
  /** Mileage allowance per kilometre, minor units. */
  mileageRatePerKm: number;
  claimNumberPrefix: string;
  /** The one claim item paid abroad; its VAT is 0 because foreign VAT is not deductible. */
  foreignClaim: { currency: CurrencyCode; expenseTypeCode: string; description: string; amount: number };
}
