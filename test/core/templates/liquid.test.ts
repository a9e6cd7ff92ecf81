import { describe, expect, it } from 'vitest';
import { checkTemplate } from '../../../src/core/templates/check.ts';
import { renderTemplate } from '../../../src/core/templates/render.ts';
import { textTemplate } from '../../helpers/templates.ts';
import { templateTestCompany, TEST_CONTEXT } from './company.ts';
import { messageOf } from '../../helpers/english-issue.ts';

describe('checkTemplate', () => {
  it('accepts a valid template', () => {
    expect(
      checkTemplate('{% for i in invoices %}{{ i.number | pad_left: 8 }}\n{% endfor %}', { dataType: 'invoices' }),
    ).toEqual([]);
  });

  it.each([
    ['unclosed tag', 'line one\nline two\n  {% for i in rows %}\n{{ i.number }}', 3, 3, /not closed/],
    ['unclosed output', 'ab\ncd {{ i.number', 2, 4, /not closed/],
    ['unknown tag', '\n\n    {% frobnicate %}', 3, 5, /frobnicate/],
    ['unknown filter', 'x\n{{ company.name | shout }}', 2, 1, /undefined filter: shout/],
    ['include is not available', '{% include "other" %}', 1, 1, /cannot read other files/],
  ])('%s → line and column', (_what, text, line, column, message) => {
    const errors = checkTemplate(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line, column });
    expect(errors[0]!.message).toMatch(message);
  });

  it('reports unknown top-level variables where they are used', () => {
    const errors = checkTemplate('{{ company.name }}\n  {{ invoicez[0].number }}', { dataType: 'invoices' });
    expect(errors).toEqual([{ line: 2, column: 6, message: 'unknown variable "invoicez"' }]);
  });
});

describe('render errors', () => {
  it('an unknown field is an error with line and column, not an empty value', () => {
    const result = renderTemplate(
      textTemplate('{% for i in invoices %}\n{{ i.numbr }}{% endfor %}'),
      templateTestCompany(),
      TEST_CONTEXT,
    );
    expect(result.files).toEqual([]);
    expect(result.templateError).toMatchObject({ line: 2, column: 4 });
    expect(result.templateError!.message).toMatch(/numbr/);
    expect(messageOf(result.issues[0]!)).toMatch(/^Template line 2, column 4:/);
  });

  it('a filter error names the template position', () => {
    const result = renderTemplate(
      textTemplate('ok\n  {{ rows[0].customer.name | amount }}'),
      templateTestCompany(),
      TEST_CONTEXT,
    );
    expect(result.templateError).toMatchObject({ line: 2, column: 3 });
    expect(result.templateError!.message).toMatch(/minor units/);
  });
});

describe('sandbox', () => {
  it.each(['{{ company.constructor }}', '{{ rows.constructor.name }}', '{{ company.__proto__ }}'])(
    '%s reads nothing from prototypes',
    (content) => {
      const result = renderTemplate(textTemplate(content), templateTestCompany(), TEST_CONTEXT);
      expect(result.text).not.toMatch(/function|Object|Array/);
    },
  );
});

describe('limits', () => {
  it('stops an endless loop and names the limit', () => {
    const content = '{% for i in (1..100000000) %}{% for j in (1..100000000) %}x{% endfor %}{% endfor %}';
    const result = renderTemplate(textTemplate(content), templateTestCompany(), {
      ...TEST_CONTEXT,
      limits: { renderMs: 300 },
    });
    expect(result.files).toEqual([]);
    expect(result.templateError?.limit).toMatch(/renderLimit|memoryLimit|outputBytes/);
    expect(result.templateError!.message).toMatch(/Stopped: .*\((renderLimit|memoryLimit|outputBytes)\)/);
  });

  it('stops a loop that runs too long with the time limit', () => {
    const content =
      '{% for i in (1..3000) %}{% for j in (1..3000) %}{% assign k = j | plus: 1 %}{% endfor %}{% endfor %}';
    const result = renderTemplate(textTemplate(content), templateTestCompany(), {
      ...TEST_CONTEXT,
      limits: { renderMs: 50 },
    });
    expect(result.templateError).toMatchObject({ limit: 'renderLimit' });
    expect(result.templateError!.message).toContain('time limit of 50 ms (renderLimit)');
  });

  it('stops output that grows past the size limit', () => {
    const content = '{% for i in (1..100000) %}0123456789{% endfor %}';
    const result = renderTemplate(textTemplate(content), templateTestCompany(), {
      ...TEST_CONTEXT,
      limits: { outputBytes: 10_000 },
    });
    expect(result.templateError).toMatchObject({ limit: 'outputBytes' });
    expect(result.templateError!.message).toContain('limit of 10000 bytes (outputBytes)');
    expect(result.text.length).toBeLessThanOrEqual(10_000);
  });
});
