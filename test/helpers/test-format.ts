/** A minimal format for pipeline and store tests: one line per invoice, optionally two files. */
import type { FormatDefinition } from '../../src/core/formats/types.ts';

export function lineFormat(options: { files?: number; failOn?: string } = {}): FormatDefinition {
  return {
    id: 'test-lines',
    name: 'Test lines',
    country: 'NO',
    purpose: 'accounting',
    dataType: 'invoices',
    fileKind: 'csv',
    defaultEncoding: 'utf-8',
    specUrl: 'about:blank',
    settings: [],
    preflight: (data) =>
      data.invoices
        .filter((i) => i.number === options.failOn)
        .map((i) => ({
          severity: 'error' as const,
          code: 'test',
          message: `refused ${i.number}`,
          record: { kind: 'invoice' as const, key: i.number },
        })),
    generate: (data, _settings, context) => ({
      files: Array.from({ length: options.files ?? 1 }, (_, n) => ({
        name: `lines-${n + 1}_${context.now.slice(0, 10)}.csv`,
        mimeType: 'text/csv',
        bytes: new TextEncoder().encode(data.invoices.map((i) => `${i.number};${i.issueDate}\r\n`).join('')),
        recordCount: data.invoices.length,
        controlTotals: { invoices: data.invoices.length },
      })),
      issues: [],
      report: [],
    }),
  };
}
