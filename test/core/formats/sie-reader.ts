/**
 * A small, independent SIE reader for tests: decodes CP437, splits posts into label and fields
 * (quotes with `\"`, object lists), checks that every #VER balances and recomputes #KSUMMA with
 * node:zlib's CRC-32 (not the builder's table), following formats.md §1.
 */
import { crc32 as zlibCrc32 } from 'node:zlib';
import iconv from 'iconv-lite';

export type SieField =
  { kind: 'text'; value: string } | { kind: 'objects'; pairs: [string, string][]; tokens: string[] };

export interface SiePost {
  lineNumber: number;
  label: string;
  fields: SieField[];
}

export interface SieVoucher {
  post: SiePost;
  trans: SiePost[];
}

export interface SieFile {
  posts: SiePost[];
  vouchers: SieVoucher[];
  /** The value of the closing #KSUMMA, if any. */
  declaredChecksum: number | undefined;
  /** CRC-32 recomputed over the posts between the two #KSUMMA posts. */
  computedChecksum: number | undefined;
  errors: string[];
}

function tokenize(
  line: string,
  lineNumber: number,
  errors: string[],
): { label: string; fields: SieField[] } | undefined {
  let i = 0;
  const skip = () => {
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  };
  const readToken = (inList: boolean): string | undefined => {
    skip();
    if (i >= line.length) return undefined;
    if (line[i] === '"') {
      i++;
      let out = '';
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && line[i + 1] === '"') {
          out += '"';
          i += 2;
        } else out += line[i++];
      }
      if (line[i] !== '"') errors.push(`line ${lineNumber}: unterminated quote`);
      i++;
      return out;
    }
    let out = '';
    while (i < line.length && line[i] !== ' ' && line[i] !== '\t' && !(inList && line[i] === '}')) out += line[i++];
    return out;
  };
  skip();
  if (line[i] !== '#') return undefined;
  const label = readToken(false)!;
  const fields: SieField[] = [];
  for (;;) {
    skip();
    if (i >= line.length) break;
    if (line[i] === '{') {
      i++;
      const tokens: string[] = [];
      for (;;) {
        skip();
        if (i >= line.length) {
          errors.push(`line ${lineNumber}: unterminated object list`);
          break;
        }
        if (line[i] === '}') {
          i++;
          break;
        }
        tokens.push(readToken(true)!);
      }
      const pairs: [string, string][] = [];
      for (let k = 0; k + 1 < tokens.length; k += 2) pairs.push([tokens[k]!, tokens[k + 1]!]);
      if (tokens.length % 2 !== 0) errors.push(`line ${lineNumber}: odd object list`);
      fields.push({ kind: 'objects', pairs, tokens });
      continue;
    }
    fields.push({ kind: 'text', value: readToken(false)! });
  }
  return { label, fields };
}

function contents(post: SiePost): string {
  return post.label + post.fields.map((f) => (f.kind === 'text' ? f.value : f.tokens.join(''))).join('');
}

/** Amount text → minor units (2 decimals), exact. */
export function sieAmount(text: string): number {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw new Error(`not a SIE amount: ${text}`);
  const value = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -value : value;
}

export function readSie(bytes: Uint8Array): SieFile {
  const text = iconv.decode(Buffer.from(bytes), 'cp437');
  const errors: string[] = [];
  const posts: SiePost[] = [];
  const vouchers: SieVoucher[] = [];
  let current: SieVoucher | undefined;
  let inBlock = false;
  let crcStarted = false;
  let crcInput: Buffer[] = [];
  let declaredChecksum: number | undefined;
  let computedChecksum: number | undefined;
  text.split(/\r?\n/).forEach((line, index) => {
    const lineNumber = index + 1;
    const trimmed = line.trim();
    if (trimmed === '') return;
    if (trimmed === '{') {
      if (!current) errors.push(`line ${lineNumber}: { without #VER`);
      inBlock = true;
      return;
    }
    if (trimmed === '}') {
      inBlock = false;
      current = undefined;
      return;
    }
    const parsed = tokenize(line, lineNumber, errors);
    if (!parsed) {
      errors.push(`line ${lineNumber}: not a post: ${line}`);
      return;
    }
    const post: SiePost = { lineNumber, ...parsed };
    if (post.label === '#KSUMMA') {
      if (post.fields.length === 0) {
        crcStarted = true;
        crcInput = [];
      } else {
        declaredChecksum = Number((post.fields[0] as { value: string }).value);
        computedChecksum = zlibCrc32(Buffer.concat(crcInput)) >>> 0;
      }
      posts.push(post);
      return;
    }
    if (crcStarted && declaredChecksum === undefined) crcInput.push(iconv.encode(contents(post), 'cp437'));
    posts.push(post);
    if (post.label === '#VER') {
      current = { post, trans: [] };
      vouchers.push(current);
    } else if (post.label === '#TRANS' || post.label === '#RTRANS' || post.label === '#BTRANS') {
      if (!inBlock || !current) errors.push(`line ${lineNumber}: ${post.label} outside a voucher`);
      else if (post.label === '#TRANS') current.trans.push(post);
    }
  });
  return { posts, vouchers, declaredChecksum, computedChecksum, errors };
}

/** Sum of a voucher's #TRANS amounts in minor units. */
export function voucherSum(voucher: SieVoucher): number {
  return voucher.trans.reduce((sum, t) => sum + sieAmount((t.fields[2] as { value: string }).value), 0);
}
