import { afterEach, describe, expect, it } from 'vitest';
import { templateErrorText } from '../../../src/ui/i18n/template-error-text.ts';
import { addCatalogue, setLocale } from '../../../src/ui/messages.ts';
import { nb } from '../../../src/ui/i18n/nb.ts';
import { DEFAULT_LIMITS, toTemplateError } from '../../../src/core/templates/liquid-engine.ts';
import { checkTemplate } from '../../../src/core/templates/check.ts';

afterEach(() => setLocale('en'));

describe('templateErrorText', () => {
  it('words an unknown field and a stopped render in the UI language', () => {
    const unknown = { line: 1, column: 4, message: 'x', path: 'r.customer.emial', suggestion: 'r.customer.email' };
    const limit = toTemplateError(new Error('memory alloc limit exceeded'), DEFAULT_LIMITS);
    expect(templateErrorText(unknown)).toBe('r.customer.emial: unknown field; did you mean r.customer.email?');
    expect(templateErrorText(limit)).toBe(limit.message);
    addCatalogue('nb', nb);
    setLocale('nb');
    expect(templateErrorText(unknown)).toBe('r.customer.emial: ukjent felt; mente du r.customer.email?');
    expect(templateErrorText({ ...unknown, suggestion: undefined })).toBe('r.customer.emial: ukjent felt');
    expect(templateErrorText(limit)).toContain(`${DEFAULT_LIMITS.memory} enheter (memoryLimit)`);
  });

  it("keeps the Liquid engine's own text for a syntax error", () => {
    const [syntax] = checkTemplate('{% if %}');
    expect(syntax).toBeDefined();
    expect(templateErrorText(syntax!)).toBe(syntax!.message);
  });
});
