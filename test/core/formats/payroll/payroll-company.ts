/**
 * The canonical test company (test/fixtures/test-company.ts) with what payroll and factoring
 * exports need on top: co-workers, time records, expense types, claims, and org numbers for
 * every customer (SG Finans requires them). The awkward cases:
 * - hours with 4 decimals (0.3333) and a negative correction (−1.5);
 * - billing rates (`rate`) apart from pay rates: records with their own pay rate (1001), records
 *   with a billing rate and no pay rate anywhere (1002, and 17's overtime), and records whose pay
 *   rate is the co-worker's default for the wage code (17's normal hours); two pay rates on the
 *   same employee, wage code and project;
 * - records without a project; an employee whose project's department differs from their own;
 * - a non-billable internal project with its own department (INT-1);
 * - claim items with and without a project.
 * Only co-workers appear: the pipeline leaves external co-workers out before a format runs.
 */
import type { Claim, CompanyData, TimeRecord } from '../../../../src/core/domain/types.ts';
import type { ExportContext } from '../../../../src/core/formats/types.ts';
import { EXCHANGE_RATES, TEST_NOW, testCompany } from '../../../fixtures/test-company.ts';

export const PAYROLL_CONTEXT: ExportContext = {
  now: TEST_NOW,
  locale: 'nb-NO',
  programName: 'Exportdesk',
  programVersion: '0.1.0',
  period: { from: '2026-01-01', to: '2026-12-31' },
};

export const SG_FINANS_SETTINGS = { clientNumber: '0427', exchangeRates: EXCHANGE_RATES };

export function timeRecord(
  partial: Partial<TimeRecord> & Pick<TimeRecord, 'id' | 'employeeNumber' | 'hours'>,
): TimeRecord {
  return {
    date: '2026-11-02',
    projectNumber: 'P100',
    activity: 'Utvikling',
    wageCode: '100',
    rate: null,
    payRate: null,
    billable: true,
    approved: true,
    comment: '',
    ...partial,
  };
}

export function claim(partial: Partial<Claim> & Pick<Claim, 'claimNumber' | 'employeeNumber' | 'items'>): Claim {
  return { date: '2026-11-20', status: 'approved', ...partial };
}

export function payrollCompany(): CompanyData {
  const data = testCompany();
  data.projects.push({
    number: 'INT-1',
    name: 'Intern "admin"; møter',
    customerNumber: '',
    departmentNumber: '10',
    billable: false,
  });
  data.users = [
    { employeeNumber: '1001', name: 'Ola Nordmann', email: 'ola@eksempel.no', departmentNumber: '20', external: false },
    { employeeNumber: '1002', name: 'Kari Ås', email: 'kari@eksempel.no', departmentNumber: '30', external: false },
    {
      employeeNumber: '17',
      name: 'Per Lærling',
      email: 'per@eksempel.no',
      departmentNumber: '',
      external: false,
      // Normal hours only: his overtime (120) has no pay rate, so payroll uses its own.
      payRates: { '100': 25050 },
    },
  ];
  data.timeRecords = [
    timeRecord({ id: 't001', date: '2026-11-02', employeeNumber: '1001', hours: 7.5, rate: 120000, payRate: 65000 }),
    timeRecord({ id: 't002', date: '2026-11-03', employeeNumber: '1001', hours: 7.5, rate: 120000, payRate: 65000 }),
    timeRecord({ id: 't003', date: '2026-11-04', employeeNumber: '1001', hours: 0.3333, rate: 120000, payRate: 65000 }),
    timeRecord({
      id: 't004',
      date: '2026-11-04',
      employeeNumber: '1001',
      hours: 2,
      projectNumber: 'P200',
      wageCode: '120',
      rate: 150000,
      payRate: 97500,
    }),
    timeRecord({
      id: 't005',
      date: '2026-11-05',
      employeeNumber: '1001',
      hours: -1.5,
      rate: 120000,
      payRate: 65000,
      comment: 'Korrigering',
    }),
    timeRecord({
      id: 't006',
      date: '2026-11-05',
      employeeNumber: '1001',
      hours: 1,
      rate: 120000,
      payRate: 70000,
      comment: 'Ny sats',
    }),
    timeRecord({
      id: 't007',
      date: '2026-11-02',
      employeeNumber: '1002',
      hours: 8,
      projectNumber: 'P200',
      rate: 110000,
    }),
    timeRecord({
      id: 't008',
      date: '2026-11-03',
      employeeNumber: '1002',
      hours: 4.25,
      projectNumber: 'INT-1',
      billable: false,
    }),
    timeRecord({
      id: 't009',
      date: '2026-11-03',
      employeeNumber: '1002',
      hours: 3.75,
      projectNumber: 'P200',
      rate: 110000,
    }),
    timeRecord({ id: 't010', date: '2026-11-06', employeeNumber: '17', hours: 6, projectNumber: '', rate: 90000 }),
    timeRecord({ id: 't011', date: '2026-11-09', employeeNumber: '17', hours: 1.25, projectNumber: '', rate: 90000 }),
    timeRecord({
      id: 't012',
      date: '2026-11-09',
      employeeNumber: '17',
      hours: 2,
      projectNumber: '',
      wageCode: '120',
      rate: 135000,
      comment: 'Overtid',
    }),
  ];
  data.expenseTypes = [
    { code: 'TRAVEL', name: 'Reise', accountNumber: '7140', vatCode: '5', wageCode: '810' },
    { code: 'MEAL', name: 'Bevertning', accountNumber: '7350', vatCode: '31', wageCode: '811' },
  ];
  data.claims = [
    claim({
      claimNumber: 'R-2026-001',
      employeeNumber: '1001',
      items: [
        {
          date: '2026-11-10',
          expenseType: 'TRAVEL',
          description: 'Tog Oslo–Bergen',
          amount: 89900,
          vatAmount: 0,
          currency: 'NOK',
          projectNumber: 'P100',
        },
        {
          date: '2026-11-11',
          expenseType: 'MEAL',
          description: 'Lunsj med kunde',
          amount: 45050,
          vatAmount: 5876,
          currency: 'NOK',
          projectNumber: '',
        },
      ],
    }),
    claim({
      claimNumber: 'R-2026-002',
      employeeNumber: '1002',
      status: 'paid',
      date: '2026-11-21',
      items: [
        {
          date: '2026-11-18',
          expenseType: 'TRAVEL',
          description: 'Taxi',
          amount: 1234567,
          vatAmount: 0,
          currency: 'NOK',
          projectNumber: 'P200',
        },
      ],
    }),
  ];
  return data;
}

/**
 * The test company with the org numbers SG Finans requires (the fixture leaves most empty) and
 * phone numbers for K12.
 */
export function factoringCompany(): CompanyData {
  const data = testCompany();
  const orgNumbers: Record<string, string> = {
    '10002': 'GB123456789',
    '10003': '556123-4567',
    '10004': 'DE123456789',
    '10005': '987 654 321',
    '10006': '1234567',
  };
  // K12 phone: spaces stripped to fit (10005), a number too long even then is left out (10002).
  const phones: Record<string, string> = { '10002': '+44 (0)20 7946 0958', '10005': '+47 95 65 98 12' };
  data.customers = data.customers.map((c) => ({
    ...c,
    orgNumber: c.orgNumber || (orgNumbers[c.number] ?? ''),
    phone: phones[c.number] ?? c.phone,
  }));
  return data;
}
