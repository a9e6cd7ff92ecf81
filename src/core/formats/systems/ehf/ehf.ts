/**
 * EHF / PEPPOL BIS Billing 3.0 (https://docs.peppol.eu/poacc/billing/3.0/): one UBL 2.1 `Invoice`
 * (type code 380) or `CreditNote` (381) per finalized invoice whose customer has a PEPPOL id; the
 * pipeline bundles several files as a ZIP. In Norway EHF Billing 3.0 is this specification, with the
 * Norwegian rules NO-R-001/002 in the PEPPOL rule set (../shared/research/formats.md §3).
 *
 * Assumptions where the specification leaves the choice to the sender:
 * - amounts are the invoice's own (`invoiceAmounts`, docs/decisions/0001): LineExtensionAmount per
 *   line is the line net; the VAT breakdown is the per-rate breakdown (BR-CO-17), one subtotal per
 *   rate for rates above 0 (category S), and per category for 0 % (Z unless `zeroRateCategories`
 *   maps the VAT code to E or G, which write the VAT code's description as exemption reason);
 * - a credit note is a `CreditNote` with positive amounts (the invoice's lines as stored), and a
 *   `BillingReference` to the invoice it credits when it names one;
 * - a line's discount is a price discount (`Price/AllowanceCharge`): the net price is the unit price
 *   less the discount, exactly (up to 8 decimals), so quantity × net price is the line net before
 *   its rounding (PEPPOL-EN16931-R120 allows 0.02); a negative unit price (a deduction line) is
 *   written as a positive price on a negative quantity, since a price must not be negative (BR-27);
 * - every line has the unit `unitCode` (setting, EA); the item name is the line's description and
 *   the seller's item id its product code;
 * - the seller is the company: endpoint and legal id `0192` + organisation number, VAT id
 *   `NO<org.no.>MVA` (NO-R-001), "Foretaksregisteret" when set (NO-R-002); payment means 30 (credit
 *   transfer) to the company's bank account with the KID as payment id when the invoice has one;
 * - the buyer's endpoint is its PEPPOL id (`scheme:identifier`); its legal id its organisation number
 *   (0192) when that is a valid Norwegian one; BuyerReference is the customer's buyer reference and
 *   OrderReference the invoice's order reference; one of them is required (PEPPOL-EN16931-R003).
 * Only Norwegian, VAT-registered sellers are supported; other cases are pre-flight errors.
 */
import { isValidNorwegianOrgNumber } from '../../../demo/check-digits.ts';
import { invoiceAmounts, type InvoiceAmounts } from '../../../domain/invoice-amounts.ts';
import { currencyDecimals, formatMinor, toScaled } from '../../../domain/money.ts';
import type { CompanyData, Customer, Invoice, InvoiceLine, Minor, VatCode } from '../../../domain/types.ts';
import { checkInvoiceRecords } from '../../../ledger/invoice-checks.ts';
import { masterIndex, type MasterIndex } from '../../../ledger/invoice-lines.ts';
import { pushAll } from '../../../push-all.ts';
import { encodeFile } from '../../builders/encode-file.ts';
import { el, invalidXmlCharacters, optionalText, writeXml, type XmlElement } from '../../builders/xml.ts';
import { issue } from '../../issues.ts';
import { parseCodeMapping } from '../../kit/code-mapping.ts';
import { booleanSetting, defineFormat, stringSetting } from '../../kit/format-kit.ts';
import type { ExportFile, ExportIssue, FormatSettings } from '../../types.ts';
import { ehfInfo } from './info.ts';
import { invalidSettingIssue } from '../../kit/settings.ts';

export const CUSTOMIZATION_ID = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';
const NS = {
  Invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  CreditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
};
/** UNCL4461: credit transfer. */
const PAYMENT_MEANS_CREDIT_TRANSFER = '30';
/** The ICD of Norwegian organisation numbers (Enhetsregisteret). */
const NORWEGIAN_ORG_SCHEME = '0192';
const ZERO_RATE_CATEGORIES = ['Z', 'E', 'G'] as const;
type TaxCategory = 'S' | (typeof ZERO_RATE_CATEGORIES)[number];
const EXEMPTION_FALLBACK: Record<TaxCategory, string> = {
  S: '',
  Z: '',
  E: 'Exempt from VAT',
  G: 'Export outside the EEA',
};

/** `0192:923456783` → scheme and identifier; undefined when it is not `scheme:identifier`. */
export function parsePeppolId(peppolId: string): { scheme: string; id: string } | undefined {
  const match = /^(\d{4}):(\S+)$/.exec(peppolId.trim());
  return match ? { scheme: match[1]!, id: match[2]! } : undefined;
}

function peppolIdProblem(peppolId: string): string | undefined {
  const parsed = parsePeppolId(peppolId);
  if (!parsed) return 'not scheme:identifier';
  if (parsed.scheme === NORWEGIAN_ORG_SCHEME && !isValidNorwegianOrgNumber(parsed.id))
    return 'not a valid Norwegian organisation number after 0192:';
  return undefined;
}

/** Whether an invoice of this customer goes out as EHF: it has a PEPPOL id. */
export function hasPeppolId(customer: Pick<Customer, 'peppolId'> | undefined): boolean {
  return (customer?.peppolId ?? '').trim() !== '';
}

function categoryMap(settings: FormatSettings): { map: Map<string, TaxCategory>; invalid: string[] } {
  const parsed = parseCodeMapping(stringSetting(settings, 'zeroRateCategories'));
  const map = new Map<string, TaxCategory>();
  const invalid = [...parsed.invalid];
  for (const [code, category] of parsed.map) {
    const upper = category.toUpperCase();
    if ((ZERO_RATE_CATEGORIES as readonly string[]).includes(upper)) map.set(code, upper as TaxCategory);
    else invalid.push(`${code}=${category}`);
  }
  return { map, invalid };
}

function categoryOf(vatCode: string, ratePercent: number, categories: ReadonlyMap<string, TaxCategory>): TaxCategory {
  return ratePercent !== 0 ? 'S' : (categories.get(vatCode) ?? 'Z');
}

/** A decimal text from a scaled integer: `12345` with 4 digits → `1.2345`; trailing zeros dropped. */
function scaledText(value: bigint, digits: number): string {
  const negative = value < 0n;
  const text = (negative ? -value : value).toString().padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const fraction = text.slice(text.length - digits).replace(/0+$/, '');
  return (negative ? '-' : '') + whole + (fraction ? '.' + fraction : '');
}

/** Price, price discount and quantity of a line, as written (see the doc comment: exact, price ≥ 0). */
function linePrice(line: InvoiceLine, decimals: number) {
  const flip = line.unitPrice < 0 ? -1n : 1n;
  const quantity = toScaled(line.quantity, 4) * flip;
  const gross = BigInt(line.unitPrice) * flip; // minor units
  // Discount kept with 4 decimals of a percent: fractions of 1 scaled by 10^6.
  const keep = 1_000_000n - toScaled(line.discountPercent, 4);
  const digits = decimals + 6;
  return {
    quantity: scaledText(quantity, 4),
    net: scaledText(gross * keep, digits),
    discount: line.discountPercent !== 0 ? scaledText(gross * 1_000_000n - gross * keep, digits) : undefined,
    gross: scaledText(gross, decimals),
  };
}

interface Party {
  endpoint: { scheme: string; id: string };
  name: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  postalCode: string;
  countryCode: string;
  vatId?: string;
  foretaksregisteret?: boolean;
  legalId?: string;
}

function partyElement(role: 'cac:AccountingSupplierParty' | 'cac:AccountingCustomerParty', p: Party): XmlElement {
  const scheme = (id: string) => el('cac:TaxScheme', undefined, el('cbc:ID', undefined, id));
  return el(
    role,
    undefined,
    el(
      'cac:Party',
      undefined,
      el('cbc:EndpointID', { schemeID: p.endpoint.scheme }, p.endpoint.id),
      el('cac:PartyName', undefined, el('cbc:Name', undefined, p.name)),
      el(
        'cac:PostalAddress',
        undefined,
        optionalText('cbc:StreetName', p.addressLine1),
        optionalText('cbc:AdditionalStreetName', p.addressLine2),
        optionalText('cbc:CityName', p.city),
        optionalText('cbc:PostalZone', p.postalCode),
        el('cac:Country', undefined, el('cbc:IdentificationCode', undefined, p.countryCode)),
      ),
      p.vatId !== undefined &&
        el('cac:PartyTaxScheme', undefined, el('cbc:CompanyID', undefined, p.vatId), scheme('VAT')),
      p.foretaksregisteret &&
        el('cac:PartyTaxScheme', undefined, el('cbc:CompanyID', undefined, 'Foretaksregisteret'), scheme('TAX')),
      el(
        'cac:PartyLegalEntity',
        undefined,
        el('cbc:RegistrationName', undefined, p.name),
        p.legalId !== undefined && el('cbc:CompanyID', { schemeID: NORWEGIAN_ORG_SCHEME }, p.legalId),
      ),
    ),
  );
}

function taxCategoryElement(name: string, category: TaxCategory, ratePercent: number, reason?: string): XmlElement {
  return el(
    name,
    undefined,
    el('cbc:ID', undefined, category),
    el('cbc:Percent', undefined, String(ratePercent)),
    reason ? el('cbc:TaxExemptionReason', undefined, reason) : undefined,
    el('cac:TaxScheme', undefined, el('cbc:ID', undefined, 'VAT')),
  );
}

export interface EhfSubtotal {
  category: TaxCategory;
  ratePercent: number;
  net: Minor;
  vat: Minor;
  reason: string;
}

/**
 * The VAT breakdown (BG-23) of an invoice, from its per-rate breakdown: a rate above 0 is one S
 * subtotal with the rate's VAT as rounded once; 0 % is split by category (its VAT is 0 anyway).
 */
export function ehfSubtotals(
  invoice: Invoice,
  amounts: InvoiceAmounts,
  categories: ReadonlyMap<string, TaxCategory>,
  vatCode: (code: string) => VatCode | undefined,
): EhfSubtotal[] {
  const out: EhfSubtotal[] = [];
  for (const rate of amounts.rates) {
    if (rate.ratePercent !== 0) {
      out.push({ category: 'S', ratePercent: rate.ratePercent, net: rate.net, vat: rate.vat, reason: '' });
      continue;
    }
    const byCategory = new Map<TaxCategory, EhfSubtotal>();
    invoice.lines.forEach((line, i) => {
      if (amounts.lines[i]!.ratePercent !== 0) return;
      const category = categoryOf(line.vatCode, 0, categories);
      const reason =
        category === 'E' || category === 'G' ? vatCode(line.vatCode)?.description || EXEMPTION_FALLBACK[category] : '';
      const subtotal = byCategory.get(category) ?? { category, ratePercent: 0, net: 0, vat: 0, reason };
      subtotal.net += amounts.lines[i]!.net;
      byCategory.set(category, subtotal);
    });
    pushAll(out, [...byCategory.values()]);
  }
  return out;
}

interface EhfContext {
  data: CompanyData;
  index: MasterIndex;
  settings: FormatSettings;
  categories: ReadonlyMap<string, TaxCategory>;
}

/** The UBL document of one invoice or credit note. */
export function ehfDocument(invoice: Invoice, customer: Customer, c: EhfContext): XmlElement {
  const { data, settings } = c;
  const credit = invoice.type === 'credit';
  const root = credit ? 'CreditNote' : 'Invoice';
  const currency = invoice.currency || data.company.currency || 'NOK';
  const decimals = currencyDecimals(currency);
  // A credit note carries positive amounts: its lines' amounts as an invoice's.
  const amounts = invoiceAmounts({ ...invoice, type: 'invoice' }, c.index.amountRules);
  const money = (name: string, value: Minor) =>
    el(name, { currencyID: currency }, formatMinor(value, { decimals }, decimals));
  const org = data.company.orgNumber.replace(/\s/g, '');
  const buyerEndpoint = parsePeppolId(customer.peppolId)!;
  const buyerOrg = customer.orgNumber.replace(/\s/g, '');
  const unitCode = stringSetting(settings, 'unitCode') || 'EA';

  const lines = invoice.lines.map((line, i) => {
    const price = linePrice(line, decimals);
    const category = categoryOf(line.vatCode, amounts.lines[i]!.ratePercent, c.categories);
    return el(
      credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine',
      undefined,
      el('cbc:ID', undefined, String(i + 1)),
      el(credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity', { unitCode }, price.quantity),
      money('cbc:LineExtensionAmount', amounts.lines[i]!.net),
      el(
        'cac:Item',
        undefined,
        el('cbc:Name', undefined, line.description),
        line.productCode
          ? el('cac:SellersItemIdentification', undefined, el('cbc:ID', undefined, line.productCode))
          : undefined,
        taxCategoryElement('cac:ClassifiedTaxCategory', category, amounts.lines[i]!.ratePercent),
      ),
      el(
        'cac:Price',
        undefined,
        el('cbc:PriceAmount', { currencyID: currency }, price.net),
        price.discount !== undefined &&
          el(
            'cac:AllowanceCharge',
            undefined,
            el('cbc:ChargeIndicator', undefined, 'false'),
            el('cbc:Amount', { currencyID: currency }, price.discount),
            el('cbc:BaseAmount', { currencyID: currency }, price.gross),
          ),
      ),
    );
  });

  const subtotals = ehfSubtotals(invoice, amounts, c.categories, c.index.vatCode);
  return el(
    root,
    { xmlns: NS[root], 'xmlns:cac': NS.cac, 'xmlns:cbc': NS.cbc },
    el('cbc:CustomizationID', undefined, CUSTOMIZATION_ID),
    el('cbc:ProfileID', undefined, PROFILE_ID),
    el('cbc:ID', undefined, invoice.number),
    el('cbc:IssueDate', undefined, invoice.issueDate),
    !credit && optionalText('cbc:DueDate', invoice.dueDate),
    el(credit ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode', undefined, credit ? '381' : '380'),
    el('cbc:DocumentCurrencyCode', undefined, currency),
    optionalText('cbc:BuyerReference', customer.buyerReference?.trim()),
    invoice.orderReference
      ? el('cac:OrderReference', undefined, el('cbc:ID', undefined, invoice.orderReference))
      : undefined,
    credit &&
      invoice.creditedInvoiceNumber !== '' &&
      el(
        'cac:BillingReference',
        undefined,
        el('cac:InvoiceDocumentReference', undefined, el('cbc:ID', undefined, invoice.creditedInvoiceNumber)),
      ),
    partyElement('cac:AccountingSupplierParty', {
      endpoint: { scheme: NORWEGIAN_ORG_SCHEME, id: org },
      name: data.company.name,
      addressLine1: data.company.addressLine1,
      addressLine2: data.company.addressLine2,
      city: data.company.city,
      postalCode: data.company.postalCode,
      countryCode: data.company.countryCode || 'NO',
      vatId: `NO${org}MVA`,
      foretaksregisteret: booleanSetting(settings, 'foretaksregisteret'),
      legalId: org,
    }),
    partyElement('cac:AccountingCustomerParty', {
      endpoint: buyerEndpoint,
      name: customer.name,
      addressLine1: customer.addressLine1,
      addressLine2: customer.addressLine2,
      city: customer.city,
      postalCode: customer.postalCode,
      countryCode: customer.countryCode || data.company.countryCode || 'NO',
      ...(isValidNorwegianOrgNumber(buyerOrg) ? { legalId: buyerOrg } : {}),
    }),
    !credit &&
      el(
        'cac:PaymentMeans',
        undefined,
        el('cbc:PaymentMeansCode', undefined, PAYMENT_MEANS_CREDIT_TRANSFER),
        optionalText('cbc:PaymentID', invoice.kid),
        el(
          'cac:PayeeFinancialAccount',
          undefined,
          el('cbc:ID', undefined, (data.company.bankAccount ?? '').replace(/[\s.]/g, '')),
        ),
      ),
    el(
      'cac:TaxTotal',
      undefined,
      money('cbc:TaxAmount', amounts.vat),
      subtotals.map((s) =>
        el(
          'cac:TaxSubtotal',
          undefined,
          money('cbc:TaxableAmount', s.net),
          money('cbc:TaxAmount', s.vat),
          taxCategoryElement('cac:TaxCategory', s.category, s.ratePercent, s.reason),
        ),
      ),
    ),
    el(
      'cac:LegalMonetaryTotal',
      undefined,
      money('cbc:LineExtensionAmount', amounts.net),
      money('cbc:TaxExclusiveAmount', amounts.net),
      money('cbc:TaxInclusiveAmount', amounts.gross),
      money('cbc:PayableAmount', amounts.gross),
    ),
    lines,
  );
}

function fileName(invoice: Invoice): string {
  const safe = invoice.number.replace(/[^0-9A-Za-z_-]/g, '_');
  return `${invoice.type === 'credit' ? 'CreditNote' : 'Invoice'}_${safe}.xml`;
}

function checks(data: CompanyData, settings: FormatSettings): ExportIssue[] {
  const index = masterIndex(data);
  const issues = checkInvoiceRecords(
    data,
    { linesRequired: true, uniqueNumbers: true, knownCustomers: true, knownVatCodes: true, creditReference: true },
    index,
  );
  const company = { kind: 'company' as const, key: 'company' };
  const org = data.company.orgNumber.replace(/\s/g, '');
  if ((data.company.countryCode || 'NO').toUpperCase() !== 'NO')
    issues.push(
      issue('error', 'ehf-seller-not-norwegian', { country: data.company.countryCode }, company, 'countryCode'),
    );
  else if (!isValidNorwegianOrgNumber(org))
    issues.push(issue('error', 'ehf-seller-org-number', { orgNumber: data.company.orgNumber }, company, 'orgNumber'));
  if (data.company.vatRegistered === false)
    issues.push(issue('error', 'ehf-not-vat-registered', {}, company, 'vatRegistered'));
  const sending = data.invoices.filter((i) => hasPeppolId(index.customer(i.customerNumber)));
  if (sending.some((i) => i.type !== 'credit') && !(data.company.bankAccount ?? '').trim())
    issues.push(issue('error', 'ehf-missing-bank-account', {}, company, 'bankAccount'));
  for (const bad of categoryMap(settings).invalid)
    issues.push(invalidSettingIssue(ehfInfo.settings, 'zeroRateCategories', bad));

  const checkedCustomers = new Set<string>();
  for (const invoice of data.invoices) {
    const customer = index.customer(invoice.customerNumber);
    if (!customer) continue; // reported as unknown-customer
    const key = invoice.number || invoice.id;
    const record = { kind: 'invoice' as const, key };
    const crecord = { kind: 'customer' as const, key: customer.number };
    if (!hasPeppolId(customer)) {
      issues.push(
        issue('warning', 'ehf-no-peppol-id', { invoice: key, customer: customer.number }, crecord, 'peppolId'),
      );
      continue;
    }
    if (!checkedCustomers.has(customer.number)) {
      checkedCustomers.add(customer.number);
      const problem = peppolIdProblem(customer.peppolId);
      if (problem)
        issues.push(
          issue(
            'error',
            'ehf-invalid-peppol-id',
            { customer: customer.number, value: customer.peppolId, problem },
            crecord,
            'peppolId',
          ),
        );
      if (!customer.name.trim()) issues.push(issue('error', 'missing-name', { customer: customer.number }, crecord));
    }
    if (!invoice.orderReference.trim() && !customer.buyerReference?.trim())
      issues.push(
        issue('error', 'ehf-missing-reference', { invoice: key, customer: customer.number }, crecord, 'buyerReference'),
      );
    if (invoice.type !== 'credit' && !invoice.dueDate)
      issues.push(issue('error', 'missing-due-date', { invoice: key }, record, 'dueDate'));
    invoice.lines.forEach((line, i) => {
      if (!line.description.trim())
        issues.push(issue('error', 'missing-description', { invoice: key, line: i + 1 }, record, 'description'));
    });
    const texts: [string, string][] = [
      [customer.name, 'customer name'],
      [invoice.orderReference, 'order reference'],
      ...invoice.lines.map((l): [string, string] => [l.description, 'line description']),
    ];
    for (const [value, label] of texts)
      if (invalidXmlCharacters(value).length > 0)
        issues.push(issue('error', 'invalid-xml-character', { label, value }, record));
  }
  return issues;
}

function build(data: CompanyData, settings: FormatSettings) {
  const index = masterIndex(data);
  const context: EhfContext = { data, index, settings, categories: categoryMap(settings).map };
  const files: ExportFile[] = [];
  const issues: ExportIssue[] = [];
  for (const invoice of data.invoices) {
    const customer = index.customer(invoice.customerNumber);
    // Left out: customers without a PEPPOL id (a pre-flight warning names them) or with a broken one (an error).
    if (!customer || !hasPeppolId(customer) || !parsePeppolId(customer.peppolId)) continue;
    const text = writeXml(ehfDocument(invoice, customer, context), { declaration: 'UTF-8', lineEnding: '\n' });
    const gross = invoiceAmounts({ ...invoice, type: 'invoice' }, index.amountRules).gross;
    const encoded = encodeFile({
      name: fileName(invoice),
      mimeType: 'application/xml',
      text,
      encoding: 'utf-8',
      recordCount: 1,
      controlTotals: { [`gross ${invoice.currency || data.company.currency}`]: gross },
    });
    pushAll(issues, encoded.issues);
    if (encoded.file) files.push(encoded.file);
  }
  return { files, issues, report: [] };
}

export const ehf = defineFormat({ ...ehfInfo, checks, build });
