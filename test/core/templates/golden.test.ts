/**
 * A template copied from a built-in format writes the same bytes as the built-in, on the
 * canonical test company (test/fixtures/test-company.ts) and on the templates' own company.
 */
import { describe, expect, it } from 'vitest';
import type { CompanyData } from '../../../src/core/domain/types.ts';
import { sie4 } from '../../../src/core/formats/systems/sie4/sie4.ts';
import { xero } from '../../../src/core/formats/systems/xero/xero.ts';
import type { ExportContext, FormatSettings } from '../../../src/core/formats/types.ts';
import { layoutTemplateFromBuiltIn, textTemplateFromBuiltIn } from '../../../src/core/templates/built-in.ts';
import { renderTemplate } from '../../../src/core/templates/render.ts';
import { EXCHANGE_RATES, TEST_NOW, testCompany, testCompanySieSafe } from '../../fixtures/test-company.ts';
import { templateTestCompany, TEST_CONTEXT } from './company.ts';
import { messageOf } from '../../helpers/english-issue.ts';

const CANONICAL_CONTEXT: ExportContext = {
  now: TEST_NOW,
  locale: 'nb-NO',
  programName: 'Exportdesk',
  programVersion: '0.1.0',
};

const SIE_CASES: [string, () => CompanyData, ExportContext, FormatSettings][] = [
  [
    'canonical (SIE-safe), with exchange rates',
    testCompanySieSafe,
    CANONICAL_CONTEXT,
    { exchangeRates: EXCHANGE_RATES },
  ],
  [
    'canonical (SIE-safe), invoice numbers as voucher numbers, no checksum',
    testCompanySieSafe,
    CANONICAL_CONTEXT,
    { exchangeRates: EXCHANGE_RATES, voucherNumber: 'invoice-number', checksum: false, series: 'F' },
  ],
  [
    'canonical (SIE-safe), cost centre from project',
    testCompanySieSafe,
    CANONICAL_CONTEXT,
    { exchangeRates: EXCHANGE_RATES, departmentSource: 'project', receivableAccount: '1501' },
  ],
  ['template company', templateTestCompany, TEST_CONTEXT, {}],
];

describe('SIE 4 as a text template', () => {
  it.each(SIE_CASES)('%s: byte-identical to the built-in', (_name, company, context, settings) => {
    const data = company();
    const builtIn = sie4.generate(data, settings, context);
    expect(builtIn.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const template = textTemplateFromBuiltIn('sie4', settings)!;
    const result = renderTemplate(template, data, context);
    expect(result.issues).toEqual([]);
    expect(result.files).toHaveLength(1);
    expect(Buffer.from(result.files[0]!.bytes).toString('latin1')).toBe(
      Buffer.from(builtIn.files[0]!.bytes).toString('latin1'),
    );
    expect(result.files[0]!.bytes).toEqual(builtIn.files[0]!.bytes);
  });

  it('characters CP437 lacks are errors with their line and column (the template has no transliteration)', () => {
    const data = testCompany();
    const result = renderTemplate(
      textTemplateFromBuiltIn('sie4', { exchangeRates: EXCHANGE_RATES })!,
      data,
      CANONICAL_CONTEXT,
    );
    expect(result.files).toEqual([]);
    const unencodable = result.issues.filter((i) => i.code === 'unencodable-character');
    expect(unencodable.length).toBeGreaterThan(0);
    expect(messageOf(unencodable[0]!)).toMatch(/\(line \d+, column \d+\)/);
  });
});

/** The tax-rate names of both companies' VAT codes (the canonical 3/31/33/5, the template company's 25/12/0). */
const XERO_SETTINGS: FormatSettings = {
  taxTypes:
    '3=25% (VAT on Income); 31=15% (VAT on Income); 33=12% (VAT on Income); 5=No VAT; 25=25% (VAT on Income); 12=12% (VAT on Income); 0=Tax Exempt',
};

/** Invoices only: the built-in writes credit notes to a file of their own, which a one-file template cannot. */
function withoutCreditNotes(company: () => CompanyData): () => CompanyData {
  return () => {
    const data = company();
    data.invoices = data.invoices.filter((i) => i.type !== 'credit');
    return data;
  };
}

describe('Xero as a layout template', () => {
  it.each([
    ['canonical', withoutCreditNotes(testCompany), CANONICAL_CONTEXT],
    ['template company', withoutCreditNotes(templateTestCompany), TEST_CONTEXT],
  ] as const)('%s: byte-identical to the built-in', (_name, company, context) => {
    const data = company();
    const builtIn = xero.generate(data, XERO_SETTINGS, context);
    const template = layoutTemplateFromBuiltIn('xero', undefined, XERO_SETTINGS)!;
    const result = renderTemplate(template, data, context);
    expect(result.issues).toEqual(builtIn.issues.filter((i) => i.code === 'truncated'));
    expect(result.files).toHaveLength(1);
    expect(new TextDecoder().decode(result.files[0]!.bytes)).toBe(new TextDecoder().decode(builtIn.files[0]!.bytes));
    expect(result.files[0]!.bytes).toEqual(builtIn.files[0]!.bytes);
  });

  it('without a mapping, both refuse: one error per unmapped VAT code, with suggestions, and no file', () => {
    const data = withoutCreditNotes(testCompany)();
    const builtIn = xero.generate(data, {}, CANONICAL_CONTEXT);
    const template = layoutTemplateFromBuiltIn('xero')!;
    const result = renderTemplate(template, data, CANONICAL_CONTEXT);
    const builtInCodes = builtIn.issues
      .filter((i) => i.code === 'xero-tax-type-unmapped')
      .map((i) => i.params!['vatCode']);
    const templateErrors = result.issues.filter((i) => i.code === 'template-value-missing');
    expect(builtIn.files).toEqual([]);
    expect(result.files).toEqual([]);
    expect(templateErrors.map((i) => i.severity)).toEqual(builtInCodes.map(() => 'error'));
    expect(templateErrors.map((i) => /VAT code (\w+) \(/.exec(messageOf(i))![1])).toEqual(builtInCodes);
    expect(messageOf(templateErrors[0]!)).toContain('25% (VAT on Income) or Tax on Sales');
    expect(messageOf(templateErrors[0]!)).toContain('must match your Xero organisation exactly');
    expect(templateErrors[0]!.record).toEqual({ kind: 'invoice', key: data.invoices[0]!.number });
    // Without a mapping the copy has no name to write: every code goes to the error branch.
    expect(template.columns.find((c) => c.header === '*TaxType')!.liquid).not.toContain('{% when');
  });

  it('a partial mapping writes the mapped names and refuses only the codes left out', () => {
    const data = withoutCreditNotes(testCompany)();
    const settings = { taxTypes: '3=25% (VAT on Income); 31=15% {food}' };
    const result = renderTemplate(layoutTemplateFromBuiltIn('xero', undefined, settings)!, data, CANONICAL_CONTEXT);
    const builtIn = xero.generate(data, settings, CANONICAL_CONTEXT);
    const missing = (codes: string[]) => [...codes].sort();
    expect(
      missing(
        result.issues
          .filter((i) => i.code === 'template-value-missing')
          .map((i) => /VAT code (\w+) \(/.exec(messageOf(i))![1]!),
      ),
    ).toEqual(
      missing(
        builtIn.issues.filter((i) => i.code === 'xero-tax-type-unmapped').map((i) => String(i.params!['vatCode'])),
      ),
    );
    const mapped = renderTemplate(
      layoutTemplateFromBuiltIn('xero', undefined, { taxTypes: `${XERO_SETTINGS['taxTypes']}; 31=15% {food}` })!,
      data,
      CANONICAL_CONTEXT,
    );
    expect(new TextDecoder().decode(mapped.files[0]!.bytes)).toContain(',15% {food},');
  });

  it('the US variant is copied by name', () => {
    const t = layoutTemplateFromBuiltIn('xero', 'Xero sales invoices (US dates)')!;
    expect(t.columns.find((c) => c.header === '*InvoiceDate')!.format).toEqual({ type: 'date', pattern: 'MM/dd/yyyy' });
  });

  it('an unknown format gives undefined', () => {
    expect(layoutTemplateFromBuiltIn('nope')).toBeUndefined();
    expect(textTemplateFromBuiltIn('nope')).toBeUndefined();
  });
});
