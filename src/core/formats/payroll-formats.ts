/**
 * The payroll and factoring formats, for the registry (src/core/formats/registry.ts adds them
 * to the accounting ones).
 */
import type { FormatDefinition } from './types.ts';
import { hogia } from './systems/hogia.ts';
import { huldtLillevikExpenses, huldtLillevikHours } from './systems/huldt-lillevik.ts';
import { sgFinans } from './systems/sg-finans.ts';
import { vismaLonn } from './systems/visma-lonn.ts';

export const PAYROLL_AND_FACTORING_FORMATS: readonly FormatDefinition[] = [
  vismaLonn,
  huldtLillevikHours,
  huldtLillevikExpenses,
  hogia,
  sgFinans,
];
