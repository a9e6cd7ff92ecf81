/**
 * Issue 15, item 2: every registered invoice format, and every complete built-in layout copied
 * into a layout template, exports 100k invoice lines through the pipeline; SIE and the delimited
 * voucher formats are read back and every voucher balances. Formats come from FORMATS, so one
 * registered later is run too. Shared data and run: ./scale-fixtures.ts.
 */
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/core/encoding/text-encoding.ts';
import { FORMATS } from '../../../src/core/formats/registry.ts';
import { copyableLayoutIds, layoutTemplateFromBuiltIn } from '../../../src/core/templates/built-in.ts';
import { DELIMITED_LAYOUTS, splitLines } from '../formats/delimited-layouts.ts';
import { readSie, voucherSum } from '../formats/sie-reader.ts';
import { VOUCHER_FORMATS } from '../formats/voucher-columns.ts';
import {
  dataLines,
  expectCompleted,
  formatConfig,
  INVOICE_LINES,
  invoiceCompany,
  run,
  SCALE_TIMEOUT,
  settingsOf,
  templateConfig,
} from './scale-fixtures.ts';

const data = invoiceCompany();

/**
 * EHF serves Norwegian VAT-registered sellers and customers with a PEPPOL id and a reference: the
 * same invoices with the company made Norwegian, a bank account, and every customer reachable.
 */
function ehfReady(company: typeof data): typeof data {
  return {
    ...company,
    company: { ...company.company, orgNumber: '923456783', countryCode: 'NO', bankAccount: '12345678903' },
    customers: company.customers.map((c) => ({
      ...c,
      peppolId: c.peppolId || '0192:974760673',
      buyerReference: 'Ref',
    })),
  };
}

describe(`every invoice format over ${INVOICE_LINES} invoice lines (issue 15)`, { timeout: SCALE_TIMEOUT }, () => {
  it('has the lines it promises', () => {
    expect(data.invoices.reduce((s, i) => s + i.lines.length, 0)).toBe(INVOICE_LINES);
  });

  // SAF-T (a period export for Norway, statuses untouched) has its own tests: test/core/formats/saft.test.ts.
  for (const format of FORMATS.filter((f) => f.dataType === 'invoices' && !f.periodExport)) {
    it(`${format.id}: completes${format.id === 'sie4' || VOUCHER_FORMATS.some((v) => v.id === format.id) ? ' and balances' : ''}`, async () => {
      const voucher = VOUCHER_FORMATS.find((v) => v.id === format.id);
      const input = format.id === 'ehf' ? ehfReady(data) : data;
      const result = await run(input, formatConfig(format.id, settingsOf(format.id, voucher?.settings)));
      expectCompleted(result);
      expect(result.batch.invoiceIds).toHaveLength(data.invoices.length);
      if (format.id === 'sie4') {
        const sie = readSie(result.files[0]!.bytes);
        expect(sie.errors).toEqual([]);
        expect(sie.computedChecksum).toBe(sie.declaredChecksum);
        expect(sie.vouchers).toHaveLength(data.invoices.length);
        expect(sie.vouchers.filter((v) => voucherSum(v) !== 0)).toEqual([]);
      }
      if (voucher) {
        const loaded = await format.load();
        const sums = new Map<string, number[]>();
        for (const file of result.files) {
          const lines = splitLines(
            decodeText(file.bytes, loaded.defaultEncoding),
            DELIMITED_LAYOUTS[format.id]!.all[0]!,
          );
          for (const fields of lines.slice(voucher.header ? 1 : 0)) {
            const row = voucher.columns(fields);
            if (!row) continue;
            const sum = sums.get(row.voucher) ?? row.amounts.map(() => 0);
            sums.set(
              row.voucher,
              sum.map((s, i) => s + row.amounts[i]!),
            );
          }
        }
        expect(sums.size).toBe(data.invoices.length);
        expect([...sums].filter(([, sum]) => sum.some((s) => s !== 0)).slice(0, 3)).toEqual([]);
      }
    });
  }

  // One complete layout per format (the variants of one format differ in column formats only).
  const layouts = copyableLayoutIds().filter(
    (c, i, all) => c.complete && all.findIndex((o) => o.formatId === c.formatId && o.complete) === i,
  );
  for (const c of layouts) {
    it(`layout template copied from ${c.name}: one row per line`, async () => {
      const { config, stored } = templateConfig(
        `layout-${c.formatId}`,
        layoutTemplateFromBuiltIn(c.formatId, c.name, settingsOf(c.formatId))!,
      );
      const result = await run(data, config, [stored]);
      expectCompleted(result);
      const template = stored.template['template'] as { headerRow?: boolean };
      if (result.files.length === 1) expect(dataLines(result, template.headerRow === true)).toBe(INVOICE_LINES);
    });
  }
});
