/**
 * Several files of one export go out as one ZIP holding the files and a manifest.json
 * (name, size, SHA-256, record count and control totals per file). The ZIP's entry
 * dates are taken from the export's clock, so the same export gives the same bytes.
 * JSZip is imported when a run has several files, not with the export worker
 * (docs/decisions/0006-lazy-format-code.md).
 */
import type { IsoDateTime } from '../domain/types.ts';
import type { ExportFile } from '../formats/types.ts';
import type { ExportedFileMeta } from './types.ts';
import { MAX_FILE_NAME, safeFileName } from './file-names.ts';

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** JSZip writes DOS dates from the UTC fields, so the local wall-clock time is passed as UTC. */
function zipDate(now: IsoDateTime): Date {
  const [date = '', time = '00:00:00'] = now.split('T');
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi, s] = time.split(':').map(Number);
  return new Date(Date.UTC(y!, mo! - 1, d!, h ?? 0, mi ?? 0, s ?? 0));
}

export function bundleName(baseName: string, now: IsoDateTime): string {
  // `..` and a leading dot would make the name point elsewhere or hide it (an export named `../x`).
  const safe =
    baseName
      .replace(/[^\p{L}\p{N}._-]+/gu, '-')
      .replace(/\.{2,}/g, '-')
      .replace(/^[-.]+|-+$/g, '') || 'export';
  // Cut so that the stamp and `.zip` still fit the name limit; the result passes the one name gate.
  const stem = [...safe].slice(0, MAX_FILE_NAME - 20).join('');
  return safeFileName(`${stem}_${now.replace(/[-:]/g, '').replace('T', '-').slice(0, 13)}.zip`);
}

export async function bundleFiles(
  files: readonly ExportFile[],
  metas: readonly ExportedFileMeta[],
  baseName: string,
  now: IsoDateTime,
): Promise<{ name: string; mimeType: string; bytes: Uint8Array }> {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  const date = zipDate(now);
  const manifest = {
    createdAt: now,
    files: metas.map((m) => ({
      name: m.name,
      size: m.size,
      sha256: m.sha256,
      recordCount: m.recordCount,
      controlTotals: m.controlTotals,
    })),
  };
  const used = new Set<string>();
  for (const file of files) {
    if (used.has(file.name)) throw new Error(`Two files of one export are both called ${file.name}.`);
    used.add(file.name);
    // An entry name with `..` or `/` would unpack outside the user's folder (zip slip).
    safeFileName(file.name);
    zip.file(file.name, file.bytes, { date, binary: true });
  }
  zip.file('manifest.json', JSON.stringify(manifest, null, 2) + '\n', { date });
  const bytes = await zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'DOS',
  });
  return { name: bundleName(baseName, now), mimeType: 'application/zip', bytes };
}
