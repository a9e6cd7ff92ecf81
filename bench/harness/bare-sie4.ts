/**
 * SIE 4I by hand, the same bytes as src/core/formats/systems/sie4/sie4.ts with the bench settings
 * (series B, empty voucher numbers, receivable from the chart, departments from lines, #KSUMMA on,
 * transliteration on). The checksum runs once over the concatenated post contents, which
 * gives the same CRC as feeding it post by post.
 */
import iconv from 'iconv-lite';
import type { CompanyData, Invoice } from '../../src/core/domain/types.ts';
import { formatOrgNumber } from '../../src/core/domain/org-number.ts';
import { transliterate } from '../../src/core/formats/builders/transliterate.ts';
import { chartReceivableAccount } from '../../src/core/ledger/invoice-ledger.ts';
import { amount2, bareLines, byIssueDateAndNumber, compactDate, masterLookups, vatGroups } from './bare-common.ts';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function quote(text: string): string {
  const escaped = text.includes('"') ? text.replace(/"/g, '\\"') : text;
  return text === '' || /[\s"{}]/.test(text) ? `"${escaped}"` : escaped;
}

export function bareSie4(
  data: CompanyData,
  invoices: Invoice[],
  context: { now: string; programName: string; programVersion: string },
): Uint8Array {
  const seen = new Map<string, string>();
  const t = (text: string): string => {
    let out = seen.get(text);
    if (out === undefined) seen.set(text, (out = transliterate(text, 'cp437').text));
    return out;
  };
  const m = masterLookups(data);
  const sorted = [...invoices].sort(byIssueDateAndNumber);
  const lines: string[] = [];
  const crc: string[] = [];
  // A post: the line as written, and its label + raw field contents for the checksum.
  const post = (line: string, content: string) => {
    lines.push(line);
    crc.push(content);
  };

  const c = data.company;
  lines.push('#FLAGGA 0', '#KSUMMA');
  const program = t(context.programName);
  const version = t(context.programVersion);
  post(`#PROGRAM ${quote(program)} ${quote(version)}`, '#PROGRAM' + program + version);
  post('#FORMAT PC8', '#FORMATPC8');
  const gen = compactDate(context.now);
  post(`#GEN ${gen}`, '#GEN' + gen);
  post('#SIETYP 4', '#SIETYP4');
  post(`#FNAMN ${quote(t(c.name))}`, '#FNAMN' + t(c.name));
  // Swedish organisation numbers as NNNNNN-NNNN, as the format writes them.
  const orgNumber = t(formatOrgNumber(c.orgNumber, c.countryCode));
  if (c.orgNumber) post(`#ORGNR ${quote(orgNumber)}`, '#ORGNR' + orgNumber);
  const street = t([c.addressLine1, c.addressLine2].filter(Boolean).join(', '));
  const postal = t([c.postalCode, c.city].filter(Boolean).join(' '));
  const phone = t(c.phone);
  const contact = t(c.contactPerson ?? '');
  post(
    `#ADRESS ${quote(contact)} ${quote(street)} ${quote(postal)} ${quote(phone)}`,
    '#ADRESS' + contact + street + postal + phone,
  );
  // The default chart type (auto) for a Swedish BAS chart.
  post('#KPTYP EUBAS97', '#KPTYPEUBAS97');
  const currency = t(c.currency);
  post(`#VALUTA ${quote(currency)}`, '#VALUTA' + currency);

  // Customers without their own account: the chart's receivables account, as the format's default.
  const receivable = chartReceivableAccount(data.accounts);
  const vouchers = sorted.map((invoice) => {
    const amounts = bareLines(invoice, m.rateOf);
    const vat = vatGroups(invoice, amounts, m.vatAccountOf);
    const customer = m.customer.get(invoice.customerNumber);
    let gross = 0;
    for (const a of amounts) gross += a.net;
    for (const g of vat) gross += g.vat;
    return { invoice, amounts, vat, customer, gross, receivable: customer?.ledgerAccount || receivable };
  });

  const accounts = new Set<string>();
  const departments = new Set<string>();
  const projects = new Set<string>();
  for (const v of vouchers) {
    accounts.add(v.receivable);
    for (const line of v.invoice.lines) {
      accounts.add(line.accountNumber);
      if (line.departmentNumber) departments.add(line.departmentNumber);
      const project = line.projectNumber || v.invoice.projectNumber;
      if (project) projects.add(project);
    }
    for (const g of v.vat) accounts.add(g.account);
  }
  for (const number of [...accounts].sort()) {
    const account = m.account.get(number);
    if (account)
      post(
        `#KONTO ${quote(t(account.number))} ${quote(t(account.name))}`,
        '#KONTO' + t(account.number) + t(account.name),
      );
  }
  if (departments.size > 0) {
    post('#DIM 1 Kostnadsställe', '#DIM1Kostnadsställe');
    for (const d of [...departments].sort()) post(`#OBJEKT 1 ${quote(t(d))} ${quote(t(d))}`, '#OBJEKT1' + t(d) + t(d));
  }
  if (projects.size > 0) {
    post('#DIM 6 Projekt', '#DIM6Projekt');
    for (const p of [...projects].sort()) {
      const name = t(m.project.get(p)?.name ?? p);
      post(`#OBJEKT 6 ${quote(t(p))} ${quote(name)}`, '#OBJEKT6' + t(p) + name);
    }
  }

  for (const v of vouchers) {
    const { invoice } = v;
    const title = t(
      `${invoice.type === 'credit' ? 'Kreditfaktura' : 'Faktura'} ${invoice.number} ${v.customer?.name ?? ''}`.trim(),
    );
    const date = compactDate(invoice.issueDate);
    const regdate = invoice.finalizedAt ? compactDate(invoice.finalizedAt) : '';
    post(`#VER B "" ${date} ${quote(title)}${regdate ? ' ' + regdate : ''}`, '#VERB' + date + title + regdate);
    lines.push('{');
    const gross = amount2(v.gross);
    post(`#TRANS ${v.receivable} {} ${gross}`, '#TRANS' + v.receivable + gross);
    invoice.lines.forEach((line, i) => {
      const department = t(line.departmentNumber);
      const project = t(line.projectNumber || invoice.projectNumber);
      let objects = '';
      let objectContent = '';
      if (department) {
        objects = `1 ${quote(department)}`;
        objectContent = '1' + department;
      }
      if (project) {
        objects += `${objects ? ' ' : ''}6 ${quote(project)}`;
        objectContent += '6' + project;
      }
      const net = amount2(-v.amounts[i]!.net + 0);
      const account = t(line.accountNumber);
      const text = line.description ? t(line.description) : '';
      post(
        `#TRANS ${quote(account)} {${objects}} ${net}${text ? ` "" ${quote(text)}` : ''}`,
        '#TRANS' + account + objectContent + net + text,
      );
    });
    for (const g of v.vat) {
      const vat = amount2(-g.vat + 0);
      const account = t(g.account);
      post(`#TRANS ${quote(account)} {} ${vat}`, '#TRANS' + account + vat);
    }
    lines.push('}');
  }
  lines.push(`#KSUMMA ${crc32(iconv.encode(crc.join(''), 'cp437'))}`);
  return iconv.encode(lines.join('\r\n') + '\r\n', 'cp437');
}
