/**
 * A small company for the template tests (the canonical test company belongs to the formats
 * tests; the golden tests use that one when it exists). Swedish, so SIE applies; one credit
 * note, one line without project, one external co-worker, one customer with a comma and a quote.
 */
import type { CompanyData } from '../../../src/core/domain/types.ts';
import type { ExportContext } from '../../../src/core/formats/types.ts';

export function templateTestCompany(): CompanyData {
  return {
    company: {
      name: 'Fjällbacka Konsult AB',
      orgNumber: '556677-8899',
      addressLine1: 'Storgatan 1',
      addressLine2: 'Box 12',
      postalCode: '111 22',
      city: 'Stockholm',
      countryCode: 'SE',
      phone: '08-123 45 67',
      email: 'info@example.se',
      currency: 'SEK',
      fiscalYearStart: '01-01',
    },
    customers: [
      {
        number: '100',
        name: 'Åkesson, "Bygg" AB',
        orgNumber: '556000-0001',
        email: 'ekonomi@akesson.se',
        phone: '',
        addressLine1: 'Kungsgatan 5',
        addressLine2: '',
        postalCode: '411 19',
        city: 'Göteborg',
        countryCode: 'SE',
        currency: 'SEK',
        paymentTermsDays: 30,
        peppolId: '',
        ledgerAccount: '',
      },
      {
        number: '200',
        name: 'Nordic Data AB',
        orgNumber: '556000-0002',
        email: 'ap@nordicdata.se',
        phone: '031-55 55 55',
        addressLine1: 'Drottninggatan 9',
        addressLine2: '3 tr',
        postalCode: '111 51',
        city: 'Stockholm',
        countryCode: 'SE',
        currency: 'SEK',
        paymentTermsDays: 15,
        peppolId: '',
        ledgerAccount: '1511',
      },
    ],
    projects: [
      { number: 'P1', name: 'Nytt kontor', customerNumber: '100', departmentNumber: '10', billable: true },
      { number: 'P2', name: 'Support', customerNumber: '200', departmentNumber: '20', billable: true },
    ],
    users: [
      { employeeNumber: '57', name: 'Kari Lind', email: 'kari@example.se', departmentNumber: '10', external: false },
      { employeeNumber: '58', name: 'Olle Berg', email: 'olle@example.se', departmentNumber: '20', external: false },
      { employeeNumber: '90', name: 'Extern Konsult', email: 'ext@example.se', departmentNumber: '', external: true },
    ],
    accounts: [
      { number: '1510', name: 'Kundfordringar', kind: 'asset', vatCode: '' },
      { number: '1511', name: 'Kundfordringar koncern', kind: 'asset', vatCode: '' },
      { number: '2611', name: 'Utgående moms 25 %', kind: 'liability', vatCode: '' },
      { number: '2621', name: 'Utgående moms 12 %', kind: 'liability', vatCode: '' },
      { number: '3001', name: 'Försäljning tjänster', kind: 'revenue', vatCode: '25' },
      { number: '3002', name: 'Försäljning varor', kind: 'revenue', vatCode: '12' },
      { number: '3100', name: 'Momsfri försäljning', kind: 'revenue', vatCode: '0' },
    ],
    vatCodes: [
      { code: '25', ratePercent: 25, description: 'Moms 25 %', accountNumber: '2611', standardTaxCode: '3' },
      { code: '12', ratePercent: 12, description: 'Moms 12 %', accountNumber: '2621', standardTaxCode: '31' },
      { code: '0', ratePercent: 0, description: 'Momsfri', accountNumber: '', standardTaxCode: '5' },
    ],
    expenseTypes: [
      { code: 'TAXI', name: 'Taxi', accountNumber: '5800', vatCode: '12', wageCode: '920' },
      { code: 'HOTEL', name: 'Hotell', accountNumber: '5810', vatCode: '12', wageCode: '921' },
    ],
    invoices: [
      {
        id: 'inv-1',
        number: '1001',
        type: 'invoice',
        creditedInvoiceNumber: '',
        customerNumber: '100',
        projectNumber: 'P1',
        issueDate: '2024-03-15',
        dueDate: '2024-04-14',
        currency: 'SEK',
        kid: '',
        orderReference: 'PO-7',
        status: 'finalized',
        finalizedAt: '2024-03-15T10:42:00',
        exportStatus: 'to-transfer',
        lines: [
          { description: 'Konsulttimmar', productCode: 'KONS', quantity: 7.5, unitPrice: 120000, discountPercent: 0, accountNumber: '3001', vatCode: '25', departmentNumber: '10', projectNumber: 'P1' },
          { description: 'Resa', productCode: '', quantity: 1, unitPrice: 33333, discountPercent: 10, accountNumber: '3001', vatCode: '25', departmentNumber: '10', projectNumber: 'P1' },
          { description: 'Material', productCode: 'MAT', quantity: 3, unitPrice: 9990, discountPercent: 0, accountNumber: '3002', vatCode: '12', departmentNumber: '', projectNumber: '' },
        ],
      },
      {
        id: 'inv-2',
        number: '1002',
        type: 'invoice',
        creditedInvoiceNumber: '',
        customerNumber: '200',
        projectNumber: '',
        issueDate: '2024-03-20',
        dueDate: '2024-04-04',
        currency: 'SEK',
        kid: '',
        orderReference: '',
        status: 'finalized',
        finalizedAt: '2024-03-20T08:00:00',
        exportStatus: 'to-transfer',
        lines: [
          { description: 'Licens, momsfri', productCode: 'LIC', quantity: 2, unitPrice: 50000, discountPercent: 0, accountNumber: '3100', vatCode: '0', departmentNumber: '20', projectNumber: 'P2' },
        ],
      },
      {
        id: 'inv-3',
        number: '1003',
        type: 'credit',
        creditedInvoiceNumber: '1001',
        customerNumber: '100',
        projectNumber: 'P1',
        issueDate: '2024-03-25',
        dueDate: '2024-03-25',
        currency: 'SEK',
        kid: '',
        orderReference: '',
        status: 'finalized',
        finalizedAt: '2024-03-25T09:15:00',
        exportStatus: 'to-transfer',
        lines: [
          { description: 'Kreditering konsult', productCode: 'KONS', quantity: 2, unitPrice: 120000, discountPercent: 0, accountNumber: '3001', vatCode: '25', departmentNumber: '10', projectNumber: 'P1' },
          { description: 'Kreditering material', productCode: 'MAT', quantity: 1, unitPrice: 9990, discountPercent: 0, accountNumber: '3002', vatCode: '12', departmentNumber: '', projectNumber: '' },
        ],
      },
    ],
    timeRecords: [
      { id: 't1', date: '2024-03-04', employeeNumber: '57', projectNumber: 'P1', activity: 'Dev', hours: 7.5, wageCode: '800', rate: 109600, billable: true, approved: true, comment: '' },
      { id: 't2', date: '2024-03-05', employeeNumber: '57', projectNumber: 'P1', activity: 'Dev', hours: 0.1, wageCode: '800', rate: 109600, billable: true, approved: true, comment: '' },
      { id: 't3', date: '2024-03-05', employeeNumber: '57', projectNumber: 'P1', activity: 'Test', hours: 0.2, wageCode: '800', rate: null, billable: true, approved: true, comment: '' },
      { id: 't4', date: '2024-03-06', employeeNumber: '57', projectNumber: 'P2', activity: 'Dev', hours: 4, wageCode: '800', rate: 100000, billable: true, approved: true, comment: '' },
      { id: 't5', date: '2024-03-06', employeeNumber: '58', projectNumber: 'P1', activity: 'Dev', hours: 6, wageCode: '810', rate: 90000, billable: false, approved: true, comment: 'Övertid' },
      { id: 't6', date: '2024-03-07', employeeNumber: '57', projectNumber: 'P1', activity: 'Dev', hours: 2.25, wageCode: '801', rate: 150000, billable: true, approved: true, comment: '' },
      { id: 't7', date: '2024-03-07', employeeNumber: '90', projectNumber: 'P1', activity: 'Dev', hours: 8, wageCode: '800', rate: 120000, billable: true, approved: true, comment: '' },
    ],
    claims: [
      {
        claimNumber: 'C-1',
        employeeNumber: '57',
        date: '2024-03-31',
        status: 'approved',
        items: [
          { date: '2024-03-12', expenseType: 'TAXI', description: 'Taxi till kund', amount: 44900, vatAmount: 4811, currency: 'SEK', projectNumber: 'P1' },
          { date: '2024-03-13', expenseType: 'HOTEL', description: 'Hotell', amount: 120000, vatAmount: 12857, currency: 'SEK', projectNumber: '' },
        ],
      },
      {
        claimNumber: 'C-2',
        employeeNumber: '90',
        date: '2024-03-31',
        status: 'approved',
        items: [{ date: '2024-03-14', expenseType: 'TAXI', description: 'Taxi', amount: 20000, vatAmount: 2143, currency: 'SEK', projectNumber: '' }],
      },
    ],
  };
}

export const TEST_CONTEXT: ExportContext = {
  now: '2024-04-02T09:30:15',
  locale: 'sv-SE',
  programName: 'Exportdesk',
  programVersion: '0.1.0',
  period: { from: '2024-03-01', to: '2024-03-31' },
};
