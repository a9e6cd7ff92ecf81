/**
 * Appends `items` to `target` one by one. `target.push(...items)` passes every item as an
 * argument, and past V8's argument limit (some 100k items, fewer on a worker's smaller stack)
 * it throws "Maximum call stack size exceeded": issue 15's Hogia failure at 40k–80k records.
 * ESLint forbids spreading into `push` and `unshift` in src/ and workers/ (eslint.config.js).
 */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of `values`, or `empty` when there are none (`Math.max(...values)` has the argument limit). */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let max = empty;
  let seen = false;
  for (const v of values) {
    if (!seen || v > max) max = v;
    seen = true;
  }
  return max;
}
