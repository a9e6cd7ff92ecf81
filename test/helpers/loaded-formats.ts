/**
 * Every registered format with its code loaded, for tests that call `preflight` / `generate`
 * directly: the registry loads a format's code on demand (`load()`), this module awaits them all
 * once so that such tests stay synchronous.
 */
import { FORMATS } from '../../src/core/formats/registry.ts';
import type { FormatDefinition } from '../../src/core/formats/types.ts';

export const LOADED_FORMATS: readonly FormatDefinition[] = await Promise.all(FORMATS.map((f) => f.load()));

/** A registered format with its code, or undefined (as the registry's `getFormat`). */
export function formatOf(id: string): FormatDefinition | undefined {
  return LOADED_FORMATS.find((f) => f.id === id);
}
