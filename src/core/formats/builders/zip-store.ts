/**
 * A minimal, synchronous ZIP writer for formats whose file is itself a ZIP (XLSX): entries are
 * STORED (method 0, no compression), in the order given, all with one DOS date taken from the
 * export's clock, so the same data gives the same bytes. Why not JSZip (the bundle's ZIP):
 * its `generateAsync` is asynchronous only, and a format's `build` is synchronous
 * (kit/format-kit.ts); why stored: ECMA-376 Part 2 (Open Packaging Conventions) §8.5 allows
 * stored and deflated items alike, and the files are small.
 *
 * Layout per APPNOTE.TXT (PKWARE, https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT):
 * local file header + data per entry, the central directory, the end-of-central-directory record.
 * Names are UTF-8 (general purpose bit 11). No ZIP64: an entry or file past 4 GB is not made here.
 */
import type { IsoDateTime } from '../../domain/types.ts';
import { crc32 } from './tagged-text.ts';

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

const VERSION_NEEDED = 20;
const UTF8_NAMES = 0x0800;
const STORED = 0;

/** MS-DOS time and date words of a local wall-clock time (two-second resolution; 1980 at the earliest). */
export function dosDateTime(now: IsoDateTime): { time: number; date: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(now);
  const [year, month, day, hour, minute, second] = m ? m.slice(1).map((v) => Number(v ?? 0)) : [1980, 1, 1, 0, 0, 0];
  const y = Math.max(0, year! - 1980);
  return {
    time: (hour! << 11) | (minute! << 5) | Math.floor(second! / 2),
    date: (y << 9) | (month! << 5) | day!,
  };
}

export function zipStored(entries: readonly ZipEntry[], now: IsoDateTime): Uint8Array {
  const encoder = new TextEncoder();
  const { time, date } = dosDateTime(now);
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const crc = crc32(entry.bytes);
    const size = entry.bytes.length;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, VERSION_NEEDED, true);
    local.setUint16(6, UTF8_NAMES, true);
    local.setUint16(8, STORED, true);
    local.setUint16(10, time, true);
    local.setUint16(12, date, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, size, true);
    local.setUint32(22, size, true);
    local.setUint16(26, name.length, true);
    local.setUint16(28, 0, true);
    const head = new DataView(new ArrayBuffer(46));
    head.setUint32(0, 0x02014b50, true);
    head.setUint16(4, VERSION_NEEDED, true);
    head.setUint16(6, VERSION_NEEDED, true);
    head.setUint16(8, UTF8_NAMES, true);
    head.setUint16(10, STORED, true);
    head.setUint16(12, time, true);
    head.setUint16(14, date, true);
    head.setUint32(16, crc, true);
    head.setUint32(20, size, true);
    head.setUint32(24, size, true);
    head.setUint16(28, name.length, true);
    head.setUint32(42, offset, true);
    parts.push(new Uint8Array(local.buffer), name, entry.bytes);
    central.push(new Uint8Array(head.buffer), name);
    offset += 30 + name.length + size;
  }
  const centralSize = central.reduce((sum, p) => sum + p.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  const all = [...parts, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
