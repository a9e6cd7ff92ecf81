/**
 * Hogia PA XML: well-formed (checked by libxml2's xmllint via xmllint-wasm), the assumed element
 * order, and the escaping of text.
 */
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import type { CompanyData } from '../../../../src/core/domain/types.ts';
import { hogia } from '../../../../src/core/formats/systems/hogia/hogia.ts';
import type { FormatSettings } from '../../../../src/core/formats/types.ts';
import { PAYROLL_CONTEXT, payrollCompany, timeRecord } from './payroll-company.ts';

function xmlOf(data: CompanyData = payrollCompany(), settings: FormatSettings = {}): string {
  const result = hogia.generate(data, settings, PAYROLL_CONTEXT);
  expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return new TextDecoder('utf-8', { fatal: true }).decode(result.files[0]!.bytes);
}

/** Names of the child elements of every `<tag>` element, in document order. */
function childNames(xml: string, tag: string): string[][] {
  return [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) =>
    [...m[1]!.matchAll(/<([A-Za-z]+)>/g)].map((c) => c[1]!),
  );
}

async function wellFormed(xml: string) {
  return validateXML({ xml: [{ fileName: 'hogia.xml', contents: xml }], normalization: 'format' });
}

describe('Hogia PA XML', () => {
  it('is well-formed for xmllint (both groupings)', async () => {
    const variants: FormatSettings[] = [{}, { grouping: 'period', costCentre: 'employee-department' }];
    for (const settings of variants) {
      const result = await wellFormed(xmlOf(payrollCompany(), settings));
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
    }
  });

  it('the xmllint check does catch a broken document', async () => {
    const result = await wellFormed('<PayRoll><FileInfo></PayRoll>');
    expect(result.valid).toBe(false);
  });

  it('has the PayRoll root in the Hogia namespace, FileInfo first, then one PayTypeInstruction per record', () => {
    const xml = xmlOf();
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<PayRoll xmlns="http://www.hogia.se/XMLSchemas/pa">\n  <FileInfo>',
      ),
    ).toBe(true);
    expect(childNames(xml, 'FileInfo')).toEqual([['companyName', 'softwareProduct', 'createdBy', 'createdDate']]);
    expect(childNames(xml, 'PayTypeInstruction')).toHaveLength(payrollCompany().timeRecords.length);
  });

  it('writes the instruction children in the order of the JGI\\Hogia generator, leaving out empty ones', () => {
    const order = [
      'employmentId',
      'payTypeCode',
      'payTypeId',
      'quantity',
      'project',
      'note',
      'periodStartDate',
      'periodEndDate',
      'costCentre',
      'amount',
      'price',
    ];
    for (const names of childNames(
      xmlOf(payrollCompany(), { costCentre: 'employee-department' }),
      'PayTypeInstruction',
    )) {
      const positions = names.map((n) => order.indexOf(n));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(names.slice(0, 4)).toEqual(['employmentId', 'payTypeCode', 'payTypeId', 'quantity']);
    }
  });

  it('sums per employee, pay type and project over the period when asked', () => {
    const data = payrollCompany();
    data.timeRecords = [
      timeRecord({ id: 'a', employeeNumber: '1001', hours: 7.5, date: '2026-11-02' }),
      timeRecord({ id: 'b', employeeNumber: '1001', hours: 0.25, date: '2026-11-20' }),
    ];
    const xml = xmlOf(data, { grouping: 'period', costCentre: 'employee-department' });
    expect(xml).toContain(
      [
        '  <PayTypeInstruction>',
        '    <employmentId>1001</employmentId>',
        '    <payTypeCode>L</payTypeCode>',
        '    <payTypeId>100</payTypeId>',
        '    <quantity>7.75</quantity>',
        '    <project>P100</project>',
        '    <periodStartDate>2026-01-01</periodStartDate>',
        '    <periodEndDate>2026-12-31</periodEndDate>',
        '    <costCentre>20</costCentre>',
        '  </PayTypeInstruction>',
      ].join('\n'),
    );
  });

  it('escapes markup characters in text', async () => {
    const data = payrollCompany();
    data.company.name = 'Berg & Søn <AB> "Test"';
    data.timeRecords = [timeRecord({ id: 'a', employeeNumber: '1001', hours: 1, projectNumber: 'P<1>&2' })];
    const xml = xmlOf(data);
    expect(xml).toContain('<companyName>Berg &amp; Søn &lt;AB&gt; &quot;Test&quot;</companyName>');
    expect(xml).toContain('<project>P&lt;1&gt;&amp;2</project>');
    expect((await wellFormed(xml)).valid).toBe(true);
  });
});
