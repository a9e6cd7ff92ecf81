/**
 * PAXml 2.2 (Swedish payroll import: Crona, Fortnox Lön, Kontek, MaxPA, Swelön): what the registry,
 * the Settings form and settings checks need before the format's code (./paxml.ts) is loaded
 * (docs/adding-a-format.md).
 */
import type { FormatInfo } from '../../types.ts';

export const paxmlInfo: FormatInfo = {
  id: 'paxml',
  name: 'PAXml 2.2 (Crona, Fortnox Lön, Kontek, MaxPA, Swelön)',
  country: 'SE',
  purpose: 'payroll',
  dataType: 'timeRecords',
  fileKind: 'xml',
  defaultEncoding: 'utf-8',
  specUrl: 'https://www.paxml.se/',
  settings: [
    {
      key: 'timeCodes',
      kind: 'string',
      label: 'PAXml time code per wage code (wage code=time code)',
      help: 'e.g. "100=TID; 120=ÖT1; 300=SJK". Records whose wage code maps to a standard time code (or is one) go to tidtransaktioner; the rest go to lonetransaktioner with the wage code as lönart.',
      default: '',
    },
    {
      key: 'version',
      kind: 'choice',
      label: 'PAXml version in the header',
      default: '2.2',
      choices: [
        { value: '2.2', label: '2.2' },
        { value: '2.0', label: '2.0' },
      ],
    },
    {
      key: 'writePayRate',
      kind: 'boolean',
      label: 'Write pay rates (apris) on pay transactions',
      help: "Off: hours go over without a price and the payroll system uses the employee's own pay. Never the billing rate.",
      default: false,
    },
    {
      key: 'departmentDimension',
      kind: 'boolean',
      label: "Write the co-worker's department as cost centre (dimension 1)",
      default: false,
    },
  ],
};

/** PAXml 2.2 pay transactions (`lonetransaktioner`) from expense claims: the claims export of the same standard. */
export const paxmlExpensesInfo: FormatInfo = {
  id: 'paxml-expenses',
  name: 'PAXml 2.2: expenses (Crona, Fortnox Lön, Kontek, MaxPA, Swelön)',
  country: 'SE',
  purpose: 'payroll',
  dataType: 'claims',
  fileKind: 'xml',
  defaultEncoding: 'utf-8',
  specUrl: 'https://www.paxml.se/',
  settings: [
    {
      key: 'payTypes',
      kind: 'string',
      label: 'PAXml pay type (lönart) per expense type',
      help: "Empty rows take the expense type's wage code. The pay type is the payroll system's own code for an expense (utlägg).",
      default: '',
      mapping: { from: 'expenseTypes', to: 'Pay type (lönart)' },
    },
    {
      key: 'version',
      kind: 'choice',
      label: 'PAXml version in the header',
      default: '2.2',
      choices: [
        { value: '2.2', label: '2.2' },
        { value: '2.0', label: '2.0' },
      ],
    },
    {
      key: 'departmentDimension',
      kind: 'boolean',
      label: "Write the co-worker's department as cost centre (dimension 1)",
      default: false,
    },
  ],
};
