/**
 * The keys of an open menu (WAI-ARIA menu button pattern): the arrows move to the next or
 * previous item and wrap, Home and End jump to the first and last.
 */

/** The index of the item to focus after `key` with `current` focused (-1: none), or null when the key moves nothing. */
export function menuItemAfterKey(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return current < 0 ? 0 : (current + 1) % count;
    case 'ArrowUp':
      return current < 0 ? count - 1 : (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
