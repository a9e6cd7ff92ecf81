/**
 * The exports that come configured with the demo company, so that a new user can run
 * Export to accounting (and, in Norway, Export to factoring) right after loading it. The demo has EUR invoices, so the rates
 * are filled in; the Swedish demo's texts hold characters CP437 lacks (SIE), so its SIE
 * export replaces them (`encoding: cp437-replace`).
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
          settings: { encoding: 'cp437-replace', exchangeRates: 'EUR=11.20' },
          invoiceDateLimit: 'today',
          isDefault: true,
        }
      : {
          id: 'demo-accounting',
          name: 'Mamut GBAT10 to accounting',
          purpose: 'accounting',
          target: { kind: 'format', formatId: 'gbat10' },
          settings: { exchangeRates: 'EUR=11.75' },
          invoiceDateLimit: 'today',
          isDefault: true,
        };
  const payroll: ExportConfig = {
    id: 'demo-payroll',
    name: country === 'SE' ? 'Hogia Lön hours' : 'Visma Lønn hours',
    purpose: 'payroll',
    target: { kind: 'format', formatId: country === 'SE' ? 'hogia' : 'visma-lonn' },
    settings: {},
    invoiceDateLimit: 'none',
    isDefault: true,
  };
  // Factoring beside accounting, so that both bell entries show from the start (issue 15).
  // SG Finans is a Norwegian factoring company; the Swedish demo has no factoring export.
  const factoring: ExportConfig = {
    id: 'demo-factoring',
    name: 'SG Finans factoring',
    purpose: 'factoring',
    target: { kind: 'format', formatId: 'sg-finans' },
    settings: { clientNumber: '1234', exchangeRates: 'EUR=11.75' },
    invoiceDateLimit: 'today',
    isDefault: true,
    customerSelection: 'all',
  };
  return country === 'NO' ? [accounting, payroll, factoring] : [accounting, payroll];
}
