/**
 * The exports that come configured with the demo company, so that a new user can run
 * Export to accounting right after loading it.
 */
import type { ExportConfig } from './types.ts';

export function demoExportConfigs(country: 'NO' | 'SE'): ExportConfig[] {
  const accounting: ExportConfig =
    country === 'SE'
      ? {
          id: 'demo-accounting',
          name: 'SIE 4 to accounting',
          purpose: 'accounting',
          target: { kind: 'format', formatId: 'sie4' },
          settings: {},
          invoiceDateLimit: 'today',
          isDefault: true,
        }
      : {
          id: 'demo-accounting',
          name: 'Mamut GBAT10 to accounting',
          purpose: 'accounting',
          target: { kind: 'format', formatId: 'gbat10' },
          settings: {},
          invoiceDateLimit: 'today',
          isDefault: true,
        };
  const payroll: ExportConfig = {
    id: 'demo-payroll',
    name: 'Visma Lønn hours',
    purpose: 'payroll',
    target: { kind: 'format', formatId: 'visma-lonn' },
    settings: {},
    invoiceDateLimit: 'none',
    isDefault: true,
  };
  return [accounting, payroll];
}
