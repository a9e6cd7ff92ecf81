/**
 * The bench time templates' lines by hand (TIME_TEXT_TEMPLATE and TIME_LAYOUT_TEMPLATE write
 * the same bytes: no field of the demo needs quotes, and `String(7.5)` = quantity `7.5`).
 */
import type { TimeRecord } from '../../src/core/domain/types.ts';

export function bareTimeLines(records: readonly TimeRecord[]): Uint8Array {
  const lines: string[] = new Array<string>(records.length);
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    lines[i] = `${r.date};${r.employeeNumber};${r.projectNumber};${r.hours};${r.wageCode}\n`;
  }
  return new TextEncoder().encode(lines.join(''));
}
