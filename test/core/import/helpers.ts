import { emptyCompanyData, type CompanyData } from '../../../src/core/domain/types.ts';

export function emptyData(overrides: Partial<CompanyData> = {}): CompanyData {
  return { ...emptyCompanyData(), ...overrides };
}

/** Deterministic ids: id-1, id-2, … */
export function sequentialIds(prefix = 'id-'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

/** Reference data most plan tests lean on. */
export function referenceData(): CompanyData {
  return emptyData({
    customers: [
      {
        number: '1001',
        name: 'Fjord Rør AS',
        orgNumber: '',
        email: '',
        phone: '',
        addressLine1: '',
        addressLine2: '',
        postalCode: '',
        city: '',
        countryCode: 'NO',
        currency: 'NOK',
        paymentTermsDays: 14,
        peppolId: '',
        ledgerAccount: '',
      },
      {
        number: '1002',
        name: 'Bø Bygg',
        orgNumber: '',
        email: '',
        phone: '',
        addressLine1: '',
        addressLine2: '',
        postalCode: '',
        city: '',
        countryCode: 'NO',
        currency: 'NOK',
        paymentTermsDays: 14,
        peppolId: '',
        ledgerAccount: '',
      },
    ],
    projects: [{ number: 'P-100', name: 'Bad', customerNumber: '1001', departmentNumber: '', billable: true }],
    users: [
      { employeeNumber: '1001', name: 'Kari', email: '', departmentNumber: '', external: false },
      { employeeNumber: '1002', name: 'Ola', email: '', departmentNumber: '', external: false },
    ],
    accounts: [{ number: '3000', name: 'Salg', kind: 'revenue', vatCode: '3' }],
    vatCodes: [{ code: '3', ratePercent: 25, description: 'Høy sats', accountNumber: '2700', standardTaxCode: '3' }],
    expenseTypes: [
      { code: 'TAXI', name: 'Taxi', accountNumber: '', vatCode: '', wageCode: '' },
      { code: 'HOTEL', name: 'Hotell', accountNumber: '', vatCode: '', wageCode: '' },
      { code: 'MEAL', name: 'Mat', accountNumber: '', vatCode: '', wageCode: '' },
    ],
  });
}
