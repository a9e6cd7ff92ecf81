/**
 * Every golden case of every format (accounting, payroll and factoring), as one list that the
 * golden test and its other-time-zone child process both walk.
 */
import type { ExportResult } from '../../../src/core/formats/types.ts';
import * as accounting from './golden-cases.ts';
import * as payroll from './payroll/golden-cases.ts';

export interface Golden {
  label: string;
  run(): ExportResult;
  path(fileName: string): string;
}

const label = (c: { formatId: string; variant?: string }) => `${c.formatId}${c.variant ? ` (${c.variant})` : ''}`;

export const ALL_GOLDEN: Golden[] = [
  ...accounting.GOLDEN_CASES.map((c) => ({
    label: label(c),
    run: () => accounting.runGoldenCase(c),
    path: (name: string) => accounting.goldenPath(c, name),
  })),
  ...payroll.PAYROLL_GOLDEN_CASES.map((c) => ({
    label: label(c),
    run: () => payroll.runGoldenCase(c),
    path: (name: string) => payroll.goldenPath(c, name),
  })),
];
