/**
 * PAXml 2.2 (issue 17). The 2.2 schema (http://www.paxml.se/2.2/paxml.xsd) is not in any stored
 * corpus, and the public copies of the 2.0 schema sit in repositories whose licence does not
 * cover shipping it here (github.com/blinfo/paxml4j, GPL-3.0; github.com/pakomp/paxml, none),
 * so no XSD is kept as test data. Instead: well-formed for libxml2 (xmllint-wasm), and the
 * element rules of the 2.0 schema written out below (the `xs:all` children each type allows,
 * `tidkod` from `tidkodTYPE`, `foretagorgnr` at most 12 characters), checked on every element.
 * The 2.0 output (setting `version: 2.0`) was validated once against the 2.0 schema with
 * xmllint-wasm while building this format (valid; see the report of issue 17).
 * Expenses (`paxml-expenses`) are checked the same way: `lonetrans` children from `lonetransTYPE`,
 * decimals with `.` and 2 decimals, and the shape of the public example files of
 * github.com/blinfo/paxml4j (`src/test/resources/*.xml`): the same header, `anstid` attributes,
 * `resenhet dim="6"` for projects.
 */
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import type { CompanyData } from '../../../../src/core/domain/types.ts';
import {
  paxml,
  paxmlExpenses,
  STANDARD_TIME_CODES,
  timeCodeMap,
} from '../../../../src/core/formats/systems/paxml/paxml.ts';
import type { FormatSettings } from '../../../../src/core/formats/types.ts';
import { PAYROLL_CONTEXT, payrollCompany, timeRecord } from './payroll-company.ts';

/** The children each PAXml 2.0 type allows (`xs:all` of headerTYPE, tidtransTYPE, lonetransTYPE; in part). */
const ALLOWED: Record<string, string[]> = {
  paxml: [
    'header',
    'dimensioner',
    'resultatenheter',
    'koder',
    'resetransaktioner',
    'tidtransaktioner',
    'lonetransaktioner',
    'schematransaktioner',
    'personal',
    'loneutbetalning',
    'saldon',
  ],
  header: [
    'format',
    'version',
    'datum',
    'nyexport',
    'foretagid',
    'foretagorgnr',
    'foretagnamn',
    'programnamn',
    'programlicens',
    'info',
  ],
  tidtransaktioner: ['klar', 'attesterat', 'tidtrans'],
  tidtrans: [
    'tidkod',
    'datum',
    'datumfrom',
    'datumtom',
    'starttid',
    'sluttid',
    'timmar',
    'omfattning',
    'barn',
    'samlingsid',
    'semgrund',
    'kontonr',
    'kundnr',
    'resenheter',
    'info',
  ],
  lonetransaktioner: ['lonetrans'],
  lonetrans: [
    'lonkod',
    'lonart',
    'benamning',
    'kommentar',
    'datum',
    'datumfrom',
    'datumtom',
    'antal',
    'apris',
    'belopp',
    'varugrupp',
    'moms',
    'samlingsid',
    'kontonr',
    'kundnr',
    'resenheter',
    'info',
  ],
  resenheter: ['resenhet'],
};

function xmlOf(data: CompanyData = payrollCompany(), settings: FormatSettings = {}): string {
  const result = paxml.generate(data, settings, PAYROLL_CONTEXT);
  expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return new TextDecoder('utf-8', { fatal: true }).decode(result.files[0]!.bytes);
}

/** A tiny tree of the document (names, attributes, text), enough for the rules above. */
interface Node {
  name: string;
  attributes: Record<string, string>;
  children: Node[];
  text: string;
}
function parse(xml: string): Node {
  const root: Node = { name: '#root', attributes: {}, children: [], text: '' };
  const stack = [root];
  for (const m of xml.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([\w:]+)([^>]*?)(\/?)>|([^<]+)/g)) {
    const top = stack.at(-1)!;
    if (m[5] !== undefined) {
      top.text += m[5].trim();
      continue;
    }
    if (m[1]) {
      stack.pop();
      continue;
    }
    const attributes = Object.fromEntries([...m[3]!.matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!]));
    const node: Node = { name: m[2]!, attributes, children: [], text: '' };
    top.children.push(node);
    if (!m[4]) stack.push(node);
  }
  return root.children[0]!;
}
function walk(node: Node, visit: (n: Node) => void) {
  visit(node);
  for (const c of node.children) walk(c, visit);
}

const VARIANTS: FormatSettings[] = [
  {},
  { timeCodes: '120=ÖT1', writePayRate: true, departmentDimension: true },
  { timeCodes: '100=TID; 120=ÖT1', version: '2.0' },
];

describe('PAXml', () => {
  it('is well-formed for xmllint in every variant', async () => {
    for (const settings of VARIANTS) {
      const result = await validateXML({
        xml: [{ fileName: 'paxml.xml', contents: xmlOf(payrollCompany(), settings) }],
        normalization: 'format',
      });
      expect(result.errors).toEqual([]);
    }
  });

  it('uses only the elements each PAXml type allows, with a standard tidkod on every time transaction', () => {
    for (const settings of VARIANTS) {
      const root = parse(xmlOf(payrollCompany(), settings));
      expect(root.name).toBe('paxml');
      walk(root, (n) => {
        const allowed = ALLOWED[n.name];
        if (allowed) for (const c of n.children) expect(allowed, `${n.name}/${c.name}`).toContain(c.name);
        if (n.name === 'tidkod') expect(STANDARD_TIME_CODES.has(n.text), n.text).toBe(true);
        if (n.name === 'resenhet') expect(['1', '6']).toContain(n.attributes['dim']);
        if (n.name === 'timmar' || n.name === 'antal' || n.name === 'apris' || n.name === 'belopp')
          expect(n.text).toMatch(/^-?\d+\.\d{2}$/);
        if (n.name === 'datum' && n.children.length === 0)
          expect(n.text).toMatch(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2})?$/);
        if (n.name === 'tidtrans' || n.name === 'lonetrans') expect(n.attributes['anstid']).toBeTruthy();
      });
      const header = root.children.find((c) => c.name === 'header')!;
      expect(header.children.map((c) => c.name)).toContain('version');
      expect(header.children.find((c) => c.name === 'version')!.text).toBe(settings['version'] ?? '2.2');
      expect(header.children.find((c) => c.name === 'foretagorgnr')!.text.length).toBeLessThanOrEqual(12);
    }
  });

  it('sends mapped or standard codes as time transactions and the rest as pay transactions, one per record', () => {
    const data = payrollCompany();
    const root = parse(xmlOf(data, { timeCodes: '120=ÖT1' }));
    const time = root.children.find((c) => c.name === 'tidtransaktioner')?.children ?? [];
    const pay = root.children.find((c) => c.name === 'lonetransaktioner')?.children ?? [];
    expect(time.length + pay.length).toBe(data.timeRecords.length);
    expect(time.length).toBe(data.timeRecords.filter((r) => r.wageCode === '120').length);
    for (const t of time) expect(t.children[0]).toMatchObject({ name: 'tidkod', text: 'ÖT1' });
    for (const p of pay) expect(p.children.find((c) => c.name === 'lonart')!.text).not.toBe('120');
  });

  it('writes apris (pay rate, never the billing rate) and belopp only with writePayRate', () => {
    const data = payrollCompany();
    data.timeRecords = [timeRecord({ id: 'x1', employeeNumber: '1001', hours: 2, rate: 120000, payRate: 65000 })];
    expect(xmlOf(data)).not.toContain('<apris>');
    const xml = xmlOf(data, { writePayRate: true });
    expect(xml).toContain('<apris>650.00</apris>');
    expect(xml).toContain('<belopp>1300.00</belopp>');
    expect(xml).not.toContain('1200.00');
  });

  it('escapes text and refuses a time-code map with a code outside the standard list', () => {
    const data = payrollCompany();
    data.timeRecords = [timeRecord({ id: 'x1', employeeNumber: '1001', hours: 1, comment: 'A & B <C>' })];
    expect(xmlOf(data)).toContain('<info>A &amp; B &lt;C&gt;</info>');
    expect(timeCodeMap({ timeCodes: '100=XYZ; 120=öt1' })).toEqual({
      codes: new Map([['120', 'ÖT1']]),
      invalid: ['100=XYZ'],
    });
    const issues = paxml.preflight(payrollCompany(), { timeCodes: '100=XYZ' }, PAYROLL_CONTEXT);
    expect(issues.map((i) => i.code)).toContain('invalid-setting');
  });
});

describe('PAXml expenses', () => {
  function expensesXml(data: CompanyData = payrollCompany(), settings: FormatSettings = {}): string {
    const result = paxmlExpenses.generate(data, settings, PAYROLL_CONTEXT);
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    return new TextDecoder('utf-8', { fatal: true }).decode(result.files[0]!.bytes);
  }

  it('is well-formed and uses only the elements lonetransTYPE allows', async () => {
    const variants: FormatSettings[] = [{}, { payTypes: 'MEAL=7150', departmentDimension: true, version: '2.0' }];
    for (const settings of variants) {
      const xml = expensesXml(payrollCompany(), settings);
      const result = await validateXML({ xml: [{ fileName: 'paxml.xml', contents: xml }], normalization: 'format' });
      expect(result.errors).toEqual([]);
      const root = parse(xml);
      expect(root.children.map((c) => c.name)).toEqual(['header', 'lonetransaktioner']);
      walk(root, (n) => {
        const allowed = ALLOWED[n.name];
        if (allowed) for (const c of n.children) expect(allowed, `${n.name}/${c.name}`).toContain(c.name);
        if (['antal', 'apris', 'belopp', 'moms'].includes(n.name)) expect(n.text).toMatch(/^-?\d+\.\d{2}$/);
        if (n.name === 'lonetrans') expect(n.attributes['anstid']).toBeTruthy();
      });
    }
  });

  it('writes one pay transaction per claim item: pay type, date, 1 × the gross amount, the VAT', () => {
    const data = payrollCompany();
    const items = data.claims.flatMap((c) => c.items.map((item) => ({ claim: c, item })));
    const pay = parse(expensesXml(data)).children.find((c) => c.name === 'lonetransaktioner')!.children;
    expect(pay).toHaveLength(items.length);
    pay.forEach((p, i) => {
      const { claim, item } = items[i]!;
      const child = (name: string) => p.children.find((c) => c.name === name)?.text;
      expect(p.attributes['anstid']).toBe(claim.employeeNumber);
      expect(child('lonart')).toBe(data.expenseTypes.find((t) => t.code === item.expenseType)!.wageCode);
      expect(child('datum')).toBe(item.date);
      expect(child('antal')).toBe('1.00');
      expect(Math.round(Number(child('belopp')) * 100)).toBe(item.amount);
      expect(child('apris')).toBe(child('belopp'));
      expect(child('moms')).toBe(item.vatAmount === 0 ? undefined : (item.vatAmount / 100).toFixed(2));
    });
    expect(expensesXml(data, { payTypes: 'MEAL=7150' })).toContain('<lonart>7150</lonart>');
  });

  it('stops on an item without a pay type, a rejected claim and a bad mapping; warns on an unapproved claim', () => {
    const data = payrollCompany();
    data.expenseTypes[0]!.wageCode = '';
    data.claims[0]!.status = 'rejected';
    data.claims[1]!.status = 'submitted';
    const codes = paxmlExpenses.preflight(data, { payTypes: 'oops' }, PAYROLL_CONTEXT).map((i) => i.code);
    expect(codes).toEqual(
      expect.arrayContaining(['missing-wageCode', 'rejected-claim', 'claim-not-approved', 'invalid-setting']),
    );
    expect(paxmlExpenses.generate(data, {}, PAYROLL_CONTEXT).files).toEqual([]);
  });
});
