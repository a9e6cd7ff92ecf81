import { describe, expect, it } from 'vitest';
import { menuItemAfterKey } from '../../../../src/ui/components/common/menu-keys.ts';

describe('menuItemAfterKey', () => {
  it('moves down and up, wrapping at the ends', () => {
    expect(menuItemAfterKey('ArrowDown', 0, 3)).toBe(1);
    expect(menuItemAfterKey('ArrowDown', 2, 3)).toBe(0);
    expect(menuItemAfterKey('ArrowUp', 1, 3)).toBe(0);
    expect(menuItemAfterKey('ArrowUp', 0, 3)).toBe(2);
  });

  it('jumps to the first and last item', () => {
    expect(menuItemAfterKey('Home', 2, 3)).toBe(0);
    expect(menuItemAfterKey('End', 0, 3)).toBe(2);
  });

  it('starts from the ends when no item has the focus', () => {
    expect(menuItemAfterKey('ArrowDown', -1, 3)).toBe(0);
    expect(menuItemAfterKey('ArrowUp', -1, 3)).toBe(2);
  });

  it('moves nothing for other keys or an empty menu', () => {
    expect(menuItemAfterKey('a', 0, 3)).toBeNull();
    expect(menuItemAfterKey('Enter', 0, 3)).toBeNull();
    expect(menuItemAfterKey('ArrowDown', -1, 0)).toBeNull();
  });
});
