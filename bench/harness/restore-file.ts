/**
 * Backup files for the restore figures, made the way the app writes them (2-space JSON, as
 * serializeCompanyFile), but in pieces: a million time records as one string would need the
 * whole text twice over in the bench worker, so the records are stringified per chunk and the
 * pieces go into a Blob.
 */
import { generateDemoCompany, iterateDemoTimeRecords } from '../../src/core/demo/index.ts';
import { serializeCompanyFile, toCompanyFile } from '../../src/core/company-file/company-file.ts';
import type { Invoice } from '../../src/core/domain/types.ts';
import { BENCH_COUNTRY, BENCH_TODAY, benchExportConfigs, benchTemplates } from './fixtures.ts';

const PIECE = 5000;

/** Exactly `count` finalized invoices cloned from the demo's, with all their lines, fresh ids and numbers. */
export function invoicesByCount(source: readonly Invoice[], currency: string, count: number): Invoice[] {
  const templates = source.filter((i) => i.status === 'finalized' && i.type === 'invoice' && i.currency === currency);
  const out: Invoice[] = [];
  for (let n = 0; n < count; n++) {
    const template = templates[n % templates.length]!;
    out.push({
      ...template,
      id: `restore-${n}`,
      number: String(30_000_000 + n),
      creditedInvoiceNumber: '',
    });
  }
  return out;
}

function indented(value: unknown): string {
  return '    ' + JSON.stringify(value, null, 2).replaceAll('\n', '\n    ');
}

/** The backup of the Swedish demo company with `invoices` invoices (0: the demo's own) and `timeRecords` time records. */
export function restoreFile(options: { invoices: number; timeRecords: number }): Blob {
  const demo = generateDemoCompany({ country: BENCH_COUNTRY, today: BENCH_TODAY, timeRecords: 0 });
  const invoices =
    options.invoices > 0 ? invoicesByCount(demo.invoices, demo.company.currency, options.invoices) : demo.invoices;
  const text = serializeCompanyFile(
    toCompanyFile(
      { ...demo, invoices, timeRecords: [] },
      { exportConfigs: benchExportConfigs(), templates: benchTemplates() },
    ),
  );
  const marker = '"timeRecords": []';
  const at = text.indexOf(marker);
  if (at < 0) throw new Error('restoreFile: no timeRecords list in the serialized file');
  const parts: string[] = [text.slice(0, at), '"timeRecords": [\n'];
  let piece: string[] = [];
  let first = true;
  for (const record of iterateDemoTimeRecords({
    country: BENCH_COUNTRY,
    today: BENCH_TODAY,
    timeRecords: options.timeRecords,
  })) {
    piece.push(indented(record));
    if (piece.length === PIECE) {
      parts.push((first ? '' : ',\n') + piece.join(',\n'));
      first = false;
      piece = [];
    }
  }
  if (piece.length > 0) parts.push((first ? '' : ',\n') + piece.join(',\n'));
  parts.push('\n  ]', text.slice(at + marker.length));
  return new Blob(parts, { type: 'application/json' });
}
