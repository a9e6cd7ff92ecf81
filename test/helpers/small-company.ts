/** A tiny company for tests of the plumbing (formats have their own canonical test company). */
import type { CompanyData } from '../../src/core/domain/types.ts';

export function smallCompany(): CompanyData {
  return {
    company: {
      name: 'Fjord Rådgivning AS',
      orgNumber: '923609016',
      addressLine1: 'Storgata 1',
      addressLine2: '',
      postalCode: '0155',
      city: 'Oslo',
      countryCode: 'NO',
      phone: '22 00 00 00',
      email: 'post@fjord.example',
      currency: 'NOK',
      fiscalYearStart: '01-01',
    },
    customers: [
      {
        number: '10',
        name: 'Kunde Én AS',
        orgNumber: '974760673',
        email: 'a@example.no',
        phone: '',
        addressLine1: 'Vei 1',
        addressLine2: '',
        postalCode: '5003',
        city: 'Bergen',
        countryCode: 'NO',
        currency: 'NOK',
        paymentTermsDays: 14,
        peppolId: '',
        ledgerAccount: '',
      },
    ],
    projects: [{ number: 'P1', name: 'Prosjekt', customerNumber: '10', departmentNumber: '1', billable: true }],
    users: [
      { employeeNumber: '1001', name: 'Ola Nordmann', email: 'ola@fjord.example', departmentNumber: '1', external: false },
      { employeeNumber: '9001', name: 'Ekstern Konsulent', email: '', departmentNumber: '1', external: true },
    ],
    accounts: [
      { number: '1500', name: 'Kundefordringer', kind: 'asset', vatCode: '' },
      { number: '2700', name: 'Utgående mva', kind: 'liability', vatCode: '' },
      { number: '3000', name: 'Salg', kind: 'revenue', vatCode: '3' },
    ],
    vatCodes: [
      { code: '3', ratePercent: 25, description: 'Utgående mva høy sats', accountNumber: '2700', standardTaxCode: '3' },
      { code: '6', ratePercent: 0, description: 'Utenfor mva-loven', accountNumber: '', standardTaxCode: '6' },
    ],
    expenseTypes: [{ code: 'TRAVEL', name: 'Reise', accountNumber: '7140', vatCode: '6', wageCode: '' }],
    invoices: [1, 2, 3, 4, 5].map((n) => ({
      id: `inv-${n}`,
      number: String(10000 + n),
      type: 'invoice' as const,
      creditedInvoiceNumber: '',
      customerNumber: '10',
      projectNumber: 'P1',
      issueDate: `2026-0${n}-15`,
      dueDate: `2026-0${n}-28`,
      currency: 'NOK',
      kid: '',
      orderReference: '',
      status: 'finalized' as const,
      finalizedAt: `2026-0${n}-15T10:00:00`,
      exportStatus: 'to-transfer' as const,
      lines: [
        {
          description: 'Rådgivning',
          productCode: '',
          quantity: n,
          unitPrice: 100000,
          discountPercent: 0,
          accountNumber: '3000',
          vatCode: '3',
          departmentNumber: '1',
          projectNumber: 'P1',
        },
      ],
    })),
    timeRecords: [
      { id: 't1', date: '2026-03-02', employeeNumber: '1001', projectNumber: 'P1', activity: 'Dev', hours: 7.5, wageCode: '100', rate: null, billable: true, approved: true, comment: '' },
      { id: 't2', date: '2026-03-03', employeeNumber: '9001', projectNumber: 'P1', activity: 'Dev', hours: 4, wageCode: '200', rate: 90000, billable: true, approved: false, comment: 'æøå' },
    ],
    claims: [
      {
        claimNumber: 'R-1',
        employeeNumber: '1001',
        date: '2026-03-05',
        status: 'approved',
        items: [{ date: '2026-03-04', expenseType: 'TRAVEL', description: 'Tog', amount: 50000, vatAmount: 0, currency: 'NOK', projectNumber: 'P1' }],
      },
    ],
  };
}
