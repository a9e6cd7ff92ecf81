/**
 * Issue 15: builders and helpers take lists longer than V8's argument limit (some 100k–500k
 * elements in Node, fewer on a worker's stack): a spread of such a list into a call throws
 * "Maximum call stack size exceeded", as Hogia's XML root did with one child per time record.
 */
import { describe, expect, it } from 'vitest';
import { el, optionalText, writeXml } from '../../../../src/core/formats/builders/xml.ts';
import { maxOf, pushAll } from '../../../../src/core/push-all.ts';

const PAST_THE_LIMIT = 500_000;

describe('lists past the argument limit', () => {
  it('a spread of that many arguments does overflow here (so the tests below mean something)', () => {
    const many = new Array<number>(PAST_THE_LIMIT).fill(1);
    expect(() => Math.max(...many)).toThrow(RangeError);
  });

  it('el takes a list child of any length, in order, leaving out empty entries', () => {
    const records = Array.from({ length: PAST_THE_LIMIT }, (_, i) => optionalText('n', i % 7 === 0 ? '' : String(i)));
    const root = el('Root', { xmlns: 'urn:x' }, el('Head', undefined), records, 'tail');
    const expected = PAST_THE_LIMIT - Math.ceil(PAST_THE_LIMIT / 7);
    expect(root.children).toHaveLength(1 + expected + 1);
    expect(root.children![1]).toEqual({ name: 'n', children: ['1'] });
    expect(root.children!.at(-1)).toBe('tail');
    const text = writeXml(root, { declaration: false });
    expect(text.split('\n')).toHaveLength(expected + 5);
  });

  it('pushAll appends every item in order; maxOf finds the largest', () => {
    const items = Array.from({ length: PAST_THE_LIMIT }, (_, i) => i);
    const target = [-1];
    expect(pushAll(target, items)).toBe(target);
    expect(target).toHaveLength(PAST_THE_LIMIT + 1);
    expect(target[PAST_THE_LIMIT]).toBe(PAST_THE_LIMIT - 1);
    expect(maxOf(items)).toBe(PAST_THE_LIMIT - 1);
    expect(maxOf([], 0)).toBe(0);
  });
});
