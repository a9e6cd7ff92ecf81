import { describe, expect, it } from 'vitest';
import {
  amountText,
  csvField,
  dateText,
  fitText,
  numberText,
  padLeft,
  padRight,
  sieField,
  xmlText,
} from '../../../src/core/templates/filters.ts';
import { renderTemplate } from '../../../src/core/templates/render.ts';
import type { TextTemplate } from '../../../src/core/templates/types.ts';
import { templateTestCompany, TEST_CONTEXT } from './company.ts';
import { messageOf } from '../../helpers/english-issue.ts';
import { textTemplate as baseText } from '../../helpers/templates.ts';

describe('amount', () => {
  it.each([
    [123456, [], '1234.56'],
    [-5, [], '-0.05'],
    [123456, [2, ','], '1234,56'],
    [123456, [0], '1235'],
    [123449, [1], '1234.5'],
    [123456, [3], '1234.560'],
    [123456, [2, '.', true], '123456'],
    [-123456, [2, ',', true], '-123456'],
    [1500, [0, '.', false, 0], '1500'],
    [null, [], ''],
    ['', [], ''],
    ['42', [], '0.42'],
  ] as const)('%s %j → %s', (value, args, expected) => {
    expect(amountText(value, ...(args as unknown as [number?, string?, boolean?, number?]))).toBe(expected);
  });
  it.each([[1.5], ['abc'], [{}]])('refuses %j (not minor units)', (value) => {
    expect(() => amountText(value)).toThrow(/minor units/);
  });
});

describe('number', () => {
  it.each([
    [7.5, undefined, '.', '7.5'],
    [7.5, 2, ',', '7,50'],
    [0.1 + 0.2, undefined, '.', '0.3'],
    [-2, 1, '.', '-2.0'],
    [2.345, 2, '.', '2.35'],
    [null, undefined, '.', ''],
  ] as const)('%s with %s decimals → %s', (value, decimals, sep, expected) => {
    expect(numberText(value, decimals, sep)).toBe(expected);
  });
});

describe('format_date', () => {
  it.each([
    ['2024-03-05', 'dd/MM/yyyy', '05/03/2024'],
    ['2024-03-05', 'yyyyMMdd', '20240305'],
    ['2024-03-05T14:07:09', 'yyyy-MM-dd HH:mm:ss', '2024-03-05 14:07:09'],
    ['2024-03-05', 'yy.MM.dd', '24.03.05'],
    ['', 'yyyyMMdd', ''],
  ])('%s %s → %s', (value, pattern, expected) => {
    expect(dateText(value, pattern)).toBe(expected);
  });
  it('refuses a value that is not an ISO date', () => {
    expect(() => dateText('5.3.2024', 'yyyyMMdd')).toThrow(/not an ISO date/);
  });
});

describe('pad_left, pad_right, fit', () => {
  it.each([
    [padLeft, 'ab', 5, undefined, '   ab'],
    [padLeft, 42, 6, '0', '000042'],
    [padLeft, 'abcdef', 3, undefined, 'abcdef'],
    [padRight, 'ab', 4, '.', 'ab..'],
    [padRight, 'Ø', 3, undefined, 'Ø  '],
    [padRight, null, 2, undefined, '  '],
  ] as const)('%#: %s', (fn, value, width, char, expected) => {
    expect(fn(value, width, char)).toBe(expected);
  });
  it('refuses a padding of more than one character', () => {
    expect(() => padLeft('a', 3, 'xy')).toThrow(/one character/);
  });
  it.each([
    ['abcdef', 3, 'abc', true],
    ['abc', 3, 'abc', false],
    ['åäö😀x', 4, 'åäö😀', true],
  ])('fit %s to %d', (value, width, text, cut) => {
    expect(fitText(value, width)).toEqual({ text, cut });
  });
});

describe('csv', () => {
  it.each([
    ['plain', ',', 'needed', false, 'plain'],
    ['a,b', ',', 'needed', false, '"a,b"'],
    ['say "hi"', ';', 'needed', false, '"say ""hi"""'],
    ['a;b', ',', 'needed', false, 'a;b'],
    ['x', ',', 'all', false, '"x"'],
    ['12.50', ',', 'text', false, '12.50'],
    ['abc', ',', 'text', false, '"abc"'],
    ['a,b', ',', 'none', false, 'a,b'],
    ['', ',', 'all', true, '""'],
    ['', ',', 'all', false, ''],
    ['', ',', 'none', true, ''],
    ['two\nlines', ',', 'needed', false, '"two\nlines"'],
  ] as const)('%j delimiter %j quoting %s', (value, delimiter, quoting, quoteEmpty, expected) => {
    expect(csvField(value, delimiter, quoting, quoteEmpty)).toBe(expected);
  });
});

describe('xml and sie', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<tag attr="x">', '&lt;tag attr=&quot;x&quot;&gt;'],
    ["it's", 'it&apos;s'],
    [null, ''],
  ])('xml %j', (value, expected) => {
    expect(xmlText(value)).toBe(expected);
  });
  it.each([
    ['Kundfordringar', false, 'Kundfordringar', false],
    ['Nytt kontor', false, '"Nytt kontor"', false],
    ['', false, '""', false],
    ['say "hi"', false, '"say \\"hi\\""', false],
    ['a{b', false, '"a{b"', false],
    ['plain', true, '"plain"', false],
    ['two\nlines', false, '"two lines"', true],
  ] as const)('sie %j always=%s', (value, always, text, replaced) => {
    expect(sieField(value, always)).toEqual({ text, replaced });
  });
});

/** Comma decimals: the filters' default separator in these cases. */
function textTemplate(content: string, overrides: Partial<TextTemplate> = {}): TextTemplate {
  return baseText(content, { decimalSeparator: ',', ...overrides });
}

describe('filters inside Liquid', () => {
  it.each([
    ['{{ rows[0].gross | amount }}', '11960,66'],
    ['{{ rows[0].gross | amount: 2, "." }}', '11960.66'],
    ['{{ rows[0].gross | amount: 2, ",", true | pad_left: 10, "0" }}', '0001196066'],
    ['{{ rows[0].lines[0].quantity | number: 2 }}', '7,50'],
    ['{{ rows[0].issueDate | format_date: "dd/MM/yyyy" }}', '15/03/2024'],
    ['{{ rows[0].customer.name | csv: ";" }}', '"Åkesson, ""Bygg"" AB"'],
    ['{{ rows[0].customer.name | xml }}', 'Åkesson, &quot;Bygg&quot; AB'],
    ['{{ rows[0].customer.name | sie }}', '"Åkesson, \\"Bygg\\" AB"'],
    ['{{ rows[1].number | pad_right: 6, "-" }}|', '1002--|'],
  ])('%s', (content, expected) => {
    const result = renderTemplate(textTemplate(content), templateTestCompany(), TEST_CONTEXT);
    expect(result.issues).toEqual([]);
    expect(result.text).toBe(expected);
  });

  it('fit reports a cut as a warning with the record and the output line', () => {
    const content = 'Header\n{% for i in invoices %}{{ i.number }};{{ i.customer.name | fit: 8 }}\n{% endfor %}';
    const result = renderTemplate(textTemplate(content), templateTestCompany(), TEST_CONTEXT);
    expect(result.text).toBe('Header\n1001;Åkesson,\n1002;Nordic D\n1003;Åkesson,\n');
    const cuts = result.issues.filter((i) => i.code === 'truncated');
    expect(cuts.map((i) => i.record)).toEqual([
      { kind: 'invoice', key: '1001' },
      { kind: 'invoice', key: '1002' },
      { kind: 'invoice', key: '1003' },
    ]);
    expect(cuts[1]!.severity).toBe('warning');
    expect(messageOf(cuts[1]!)).toContain('output line 3, column 6');
    // A warning does not hold the file back.
    expect(result.files).toHaveLength(1);
  });

  it("liquidjs' clock-dependent date filter is refused with a pointer to format_date", () => {
    const result = renderTemplate(textTemplate('{{ "now" | date: "%Y" }}'), templateTestCompany(), TEST_CONTEXT);
    expect(result.files).toEqual([]);
    expect(messageOf(result.issues[0]!)).toMatch(/format_date/);
  });
});

describe('issues inside ledger voucher loops', () => {
  it('name the invoice of the voucher', () => {
    const content = '{% for v in ledger.vouchers %}{% for r in v.rows %}{{ r.text | fit: 4 }}{% endfor %}{% endfor %}';
    const result = renderTemplate(textTemplate(content), templateTestCompany(), { ...TEST_CONTEXT, sampleSize: 1 });
    expect(result.issues.length).toBeGreaterThan(0);
    expect(result.issues.every((i) => i.record?.key === '1001')).toBe(true);
  });
});
