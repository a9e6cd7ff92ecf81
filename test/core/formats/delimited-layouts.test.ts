/**
 * Separators inside fields (issue 12, item 4) as a property of each format's layout table:
 * - formats whose spec has no quoting declare `quoting: 'none'` and replacements, and a
 *   replacement is never the delimiter;
 * - every delimited golden output re-parses with the format's own split rule to the layout's
 *   number of fields on every line;
 * - a layout template copied from such a format keeps the rule (copy, JSON export/import, build).
 */
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/core/encoding/text-encoding.ts';
import { buildDelimited, replacementProblem } from '../../../src/core/formats/builders/delimited.ts';
import { copyableLayouts } from '../../../src/core/formats/copyable-layouts.ts';
import { FORMATS } from '../../../src/core/formats/registry.ts';
import { formatOf } from '../../helpers/loaded-formats.ts';
import { layoutTemplateFromBuiltIn } from '../../../src/core/templates/built-in.ts';
import { delimitedLayoutOf } from '../../../src/core/templates/layout.ts';
import { parseTemplateJson, serializeTemplate } from '../../../src/core/templates/portable.ts';
import { DELIMITED_LAYOUTS, splitLines, splitsPlainly } from './delimited-layouts.ts';
import * as accounting from './golden-cases.ts';

/** The formats whose vendor spec describes a plain split with no quoting rule (see each module's header). */
const NO_QUOTING_IN_SPEC = [
  'gbat10',
  'xledger-ar10',
  'xledger-gl02b',
  'visma-global',
  'dynamics-c5',
  // issue 17
  'dk',
  'efina',
  'duett-gbat10',
  'uni-micro',
];

describe('delimited layout tables', () => {
  it('list every registered CSV format', () => {
    const csv = FORMATS.filter((f) => f.fileKind === 'csv').map((f) => f.id);
    expect(csv.length).toBeGreaterThan(5);
    for (const id of csv) expect(DELIMITED_LAYOUTS[id], id).toBeDefined();
  });

  it('never replace the delimiter by itself (nor by a text holding it or a line break)', () => {
    const layouts = [
      ...Object.values(DELIMITED_LAYOUTS).flatMap((f) => f.all),
      ...copyableLayouts().flatMap((c) => (c.kind === 'delimited' ? [c.layout] : [])),
    ];
    let withReplacements = 0;
    for (const layout of layouts) {
      if (!layout.replacements) continue;
      withReplacements++;
      expect(layout.replacements.delimiter).not.toBe(layout.delimiter);
      expect(replacementProblem(layout)).toBeUndefined();
    }
    expect(withReplacements).toBeGreaterThanOrEqual(NO_QUOTING_IN_SPEC.length);
  });

  it('formats without quoting in their spec quote nothing and replace separators', () => {
    for (const id of NO_QUOTING_IN_SPEC)
      for (const layout of DELIMITED_LAYOUTS[id]!.all) {
        expect(layout.quoting, id).toBe('none');
        expect(splitsPlainly(layout), id).toBe(true);
        // `,` in a `;` file, `;` in a `,` file (Visma Global).
        expect(layout.replacements!.delimiter, id).toBe(layout.delimiter === ';' ? ',' : ';');
        // Only C5's Description keeps the quotes Moment shows.
        const quoted = layout.columns.filter((c) => c.quote === 'always').map((c) => c.header);
        expect(quoted, id).toEqual(id === 'dynamics-c5' && quoted.length > 0 ? ['Description'] : []);
      }
  });

  it('copied into a layout template, keep their replacements through JSON export and import', () => {
    for (const id of ['gbat10', 'xledger-ar10', 'xledger-gl02b', 'visma-global']) {
      const template = layoutTemplateFromBuiltIn(id)!;
      const builtIn = copyableLayouts().find((c) => c.formatId === id)!.layout as { replacements?: unknown };
      expect(template.replacements, id).toEqual(builtIn.replacements);
      const read = parseTemplateJson(serializeTemplate(template));
      expect(read.ok, id).toBe(true);
      if (!read.ok || read.template.kind !== 'layout') continue;
      expect(read.template.replacements, id).toEqual(builtIn.replacements);
      expect(delimitedLayoutOf(read.template).replacements, id).toEqual(builtIn.replacements);
    }
  });

  it('a copied GBAT10 layout writes a plain `;` line for a name holding `;` and warns', () => {
    const template = layoutTemplateFromBuiltIn('gbat10')!;
    const layout = { ...delimitedLayoutOf(template), columns: [{ header: 'ContactName', field: 'name' }] };
    const built = buildDelimited(layout, [{ name: 'Café Öken; Mat & Prat AB' }]);
    expect(built.text).toBe('Café Öken, Mat & Prat AB\r\n');
    expect(built.issues.map((i) => i.code)).toEqual(['separator-replaced']);
  });

  it('a template file whose replacement holds the delimiter is refused', () => {
    const template = { ...layoutTemplateFromBuiltIn('gbat10')!, replacements: { delimiter: ';' } };
    const read = parseTemplateJson(serializeTemplate(template));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.errors.join(' ')).toContain('template.replacements');
  });
});

describe('every delimited golden output re-parses with the format’s own split rule', () => {
  const cases = [...accounting.GOLDEN_CASES.map((c) => ({ ...c, run: () => accounting.runGoldenCase(c) }))].filter(
    (c) => DELIMITED_LAYOUTS[c.formatId] !== undefined,
  );

  it('covers every delimited format', () => {
    expect(new Set(cases.map((c) => c.formatId))).toEqual(new Set(Object.keys(DELIMITED_LAYOUTS)));
  });

  for (const c of cases) {
    it(`${c.formatId}${c.variant ? ` (${c.variant})` : ''}: the same number of fields on every line`, () => {
      const formats = DELIMITED_LAYOUTS[c.formatId]!;
      const encoding = formatOf(c.formatId)!.defaultEncoding;
      const result = c.run();
      expect(result.files.length).toBeGreaterThan(0);
      for (const file of result.files) {
        const text = decodeText(file.bytes, encoding);
        const lines = splitLines(text, formats.all[0]!);
        expect(lines.length).toBeGreaterThan(0);
        for (const [i, fields] of lines.entries())
          expect(fields.length, `${file.name} line ${i + 1}`).toBe(formats.layoutOf(fields, file.name).columns.length);
      }
    });
  }
});
