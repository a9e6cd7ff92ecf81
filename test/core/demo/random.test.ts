import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRandom } from '../../../src/core/demo/random.ts';

const draw = (seed: number, stream: string, n = 20) => {
  const random = createRandom(seed, stream);
  return Array.from({ length: n }, () => random.next());
};

describe('createRandom', () => {
  it('repeats for the same seed and stream and differs between seeds and streams', () => {
    expect(draw(1, 'a')).toEqual(draw(1, 'a'));
    expect(draw(1, 'a')).not.toEqual(draw(2, 'a'));
    expect(draw(1, 'a')).not.toEqual(draw(1, 'b'));
  });

  it('stays in range', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 100 }),
        (seed, min, span) => {
          const random = createRandom(seed, 'range');
          for (let i = 0; i < 50; i++) {
            const x = random.next();
            expect(x >= 0 && x < 1).toBe(true);
            const n = random.int(min, min + span);
            expect(Number.isInteger(n) && n >= min && n <= min + span).toBe(true);
            const s = random.step(0.5, 10, 0.5);
            expect(s >= 0.5 && s <= 10 && Number.isInteger(s * 2)).toBe(true);
          }
        },
      ),
    );
  });

  it('reaches every value of a small range roughly evenly', () => {
    const random = createRandom(7, 'spread');
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 6000; i++) counts[random.int(0, 5)]! += 1;
    for (const count of counts) expect(count).toBeGreaterThan(850);
  });

  it('shuffles into a permutation and picks by weight', () => {
    const random = createRandom(3, 'shuffle');
    const items = Array.from({ length: 30 }, (_, i) => i);
    expect([...random.shuffle(items)].sort((a, b) => a - b)).toEqual(items);
    const picks = Array.from({ length: 200 }, () => random.weighted(['never', 'always'], [0, 1]));
    expect(new Set(picks)).toEqual(new Set(['always']));
  });
});
