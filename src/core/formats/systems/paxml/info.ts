/**
 * PAXml 2.2 (Swedish payroll import: Crona, Fortnox Lön, Kontek, MaxPA, Swelön): what the registry,
 * the Settings form and settings checks need before the format's code (./paxml.ts) is loaded
 * (docs/adding-a-format.md).
 */
import type { BuiltInFormatInfo } from '../../types.ts';

export const paxmlInfo: BuiltInFormatInfo = {
  id: 'paxml',
  name: 'PAXml 2.2 (Crona, Fortnox Lön, Kontek, MaxPA, Swelön)',
  country: 'SE',
  purpose: 'payroll',
  dataType: 'timeRecords',
  fileKind: 'xml',
  defaultEncoding: 'utf-8',
  specUrl: 'https://www.paxml.se/',
  lineEnding: 'LF',
  assumptions: [
    'Header `format` LÖNIN and `version` 2.2 (setting `version`).',
    'Wage codes that map to a standard time code go to tidtransaktioner, the rest to lonetransaktioner with the wage code as lönart.',
    'Project as `resenhet dim="6"`, department as dim 1 (setting); `apris` only with setting `writePayRate`.',
  ],
  settings: [
    {
      key: 'timeCodes',
      kind: 'string',
      label: 'PAXml time code per wage code (wage code=time code)',
      expected: 'wage code=standard time code, e.g. "100=TID; 120=ÖT1"',
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
export const paxmlExpensesInfo: BuiltInFormatInfo = {
  id: 'paxml-expenses',
  name: 'PAXml 2.2: expenses (Crona, Fortnox Lön, Kontek, MaxPA, Swelön)',
  country: 'SE',
  purpose: 'payroll',
  dataType: 'claims',
  fileKind: 'xml',
  defaultEncoding: 'utf-8',
  specUrl: 'https://www.paxml.se/',
  lineEnding: 'LF',
  assumptions: [
    "One lonetrans per claim item; lönart = the mapping, else the expense type's wage code (PAXml has no standard pay types).",
    "antal 1.00, apris = belopp = the item's gross amount; moms = the item's VAT.",
    "The 2.2 XSD was not found: the elements are checked against the 2.0 schema's lonetransTYPE.",
  ],
  settings: [
    {
      key: 'payTypes',
      kind: 'string',
      label: 'PAXml pay type (lönart) per expense type',
      expected: 'expense type=pay type, e.g. "TAXI=7100"',
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
