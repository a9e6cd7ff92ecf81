/**
 * Checks a generated demo company for the promises the generator makes, returning every
 * broken one as text so a failing test says what is wrong. Shared by the demo tests.
 */
import { addDays, addMonths, isIsoDate } from '../../../src/core/domain/dates.ts';
import { amountRules, invoiceAmounts } from '../../../src/core/domain/invoice-amounts.ts';
import {
  ACCOUNT_KINDS,
  CLAIM_STATUSES,
  EXPORT_STATUSES,
  type CompanyData,
  type IsoDate,
} from '../../../src/core/domain/types.ts';
import {
  isValidGermanVatId,
  isValidLuhn,
  isValidNorwegianOrgNumber,
  isValidSwedishOrgNumber,
} from '../../../src/core/demo/check-digits.ts';
import { DEMO_PROFILES, type DemoCountry } from '../../../src/core/demo/profiles/index.ts';

export function windowOf(today: IsoDate): { start: IsoDate; end: IsoDate } {
  return { start: addDays(addMonths(today, -12), 1), end: today };
}

function isWeekday(date: IsoDate): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
}

/** Independent of the generator's own helper: gross × rate / (100 + rate), rounded half up (amounts are positive). */
function vatIncluded(gross: number, ratePercent: number): number {
  return Math.round((gross * ratePercent) / (100 + ratePercent));
}

export function integrityProblems(data: CompanyData, country: DemoCountry, today: IsoDate): string[] {
  const problems: string[] = [];
  const fail = (message: string) => problems.push(message);
  const profile = DEMO_PROFILES[country];
  const { start, end } = windowOf(today);
  const inWindow = (date: string, what: string) => {
    if (!isIsoDate(date) || date < start || date > end) fail(`${what}: ${date} is outside ${start}..${end}`);
  };
  const unique = <T>(values: T[], what: string) => {
    if (new Set(values).size !== values.length) fail(`${what} are not unique`);
  };
  const safeMoney = (value: number | null, what: string) => {
    if (value !== null && !Number.isSafeInteger(value)) fail(`${what} is not a safe integer: ${value}`);
  };
  const validOrgNumber = country === 'NO' ? isValidNorwegianOrgNumber : isValidSwedishOrgNumber;

  const customers = new Map(data.customers.map((c) => [c.number, c]));
  const projects = new Map(data.projects.map((p) => [p.number, p]));
  const users = new Map(data.users.map((u) => [u.employeeNumber, u]));
  const accounts = new Map(data.accounts.map((a) => [a.number, a]));
  const vatCodes = new Map(data.vatCodes.map((v) => [v.code, v]));
  const expenseTypes = new Map(data.expenseTypes.map((e) => [e.code, e]));
  const departments = new Set(profile.departments.map((d) => d.number));

  // Company and registers.
  if (!validOrgNumber(data.company.orgNumber))
    fail(`company org number ${data.company.orgNumber} fails its check digit`);
  if (data.company.currency !== profile.currency || data.company.countryCode !== country)
    fail('company currency or country');
  unique(
    data.customers.map((c) => c.number),
    'customer numbers',
  );
  unique(
    data.customers.map((c) => c.orgNumber),
    'customer org numbers',
  );
  for (const c of data.customers) {
    const domestic = c.countryCode === country;
    if (domestic ? !validOrgNumber(c.orgNumber) : !isValidGermanVatId(c.orgNumber))
      fail(`customer ${c.number} org number ${c.orgNumber}`);
    if (domestic && c.currency !== profile.currency) fail(`customer ${c.number} currency ${c.currency}`);
    if (!/^[a-z0-9.-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(c.email)) fail(`customer ${c.number} email ${c.email}`);
    if (domestic && !(country === 'NO' ? /^\d{4}$/ : /^\d{3} \d{2}$/).test(c.postalCode))
      fail(`customer ${c.number} postal code ${c.postalCode}`);
    if (c.city === '' || c.addressLine1 === '') fail(`customer ${c.number} address`);
    if (domestic && !profile.paymentTermsDays.includes(c.paymentTermsDays))
      fail(`customer ${c.number} terms ${c.paymentTermsDays}`);
    if (c.peppolId !== '' && c.peppolId !== `${profile.peppolScheme}:${c.orgNumber}`)
      fail(`customer ${c.number} peppol id ${c.peppolId}`);
    if (c.ledgerAccount !== '' && !accounts.has(c.ledgerAccount))
      fail(`customer ${c.number} ledger account ${c.ledgerAccount}`);
  }
  unique(
    data.projects.map((p) => p.number),
    'project numbers',
  );
  for (const p of data.projects) {
    if (p.customerNumber !== '' && !customers.has(p.customerNumber))
      fail(`project ${p.number} customer ${p.customerNumber}`);
    if (!departments.has(p.departmentNumber)) fail(`project ${p.number} department ${p.departmentNumber}`);
  }
  unique(
    data.users.map((u) => u.employeeNumber),
    'employee numbers',
  );
  unique(
    data.users.map((u) => u.email),
    'user emails',
  );
  for (const u of data.users) if (!departments.has(u.departmentNumber)) fail(`user ${u.employeeNumber} department`);
  unique(
    data.accounts.map((a) => a.number),
    'account numbers',
  );
  for (const a of data.accounts) {
    if (!(ACCOUNT_KINDS as readonly string[]).includes(a.kind)) fail(`account ${a.number} kind ${a.kind}`);
    if (a.vatCode !== '' && !vatCodes.has(a.vatCode)) fail(`account ${a.number} VAT code ${a.vatCode}`);
  }
  unique(
    data.vatCodes.map((v) => v.code),
    'VAT codes',
  );
  for (const v of data.vatCodes)
    if (v.accountNumber !== '' && !accounts.has(v.accountNumber)) fail(`VAT code ${v.code} account ${v.accountNumber}`);
  unique(
    data.expenseTypes.map((e) => e.code),
    'expense type codes',
  );
  for (const e of data.expenseTypes) {
    if (!accounts.has(e.accountNumber) || accounts.get(e.accountNumber)?.kind !== 'expense')
      fail(`expense type ${e.code} account`);
    if (!vatCodes.has(e.vatCode)) fail(`expense type ${e.code} VAT code ${e.vatCode}`);
    if (e.wageCode === '') fail(`expense type ${e.code} has no wage code`);
  }

  // Invoices.
  unique(
    data.invoices.map((i) => i.id),
    'invoice ids',
  );
  const finalized = data.invoices.filter((i) => i.status === 'finalized');
  const byNumber = new Map(finalized.map((i) => [i.number, i]));
  const sorted = [...finalized].sort((a, b) => Number(a.number) - Number(b.number));
  sorted.forEach((inv, k) => {
    if (inv.number !== String(10001 + k)) fail(`invoice numbers are not consecutive from 10001 at ${inv.number}`);
    const previous = sorted[k - 1];
    if (previous && previous.issueDate > inv.issueDate)
      fail(`invoice ${inv.number} is dated before ${previous.number}`);
    if (previous && previous.finalizedAt > inv.finalizedAt)
      fail(`invoice ${inv.number} was finalized before ${previous.number}`);
  });
  const rules = amountRules(data);
  const transferredBefore = addMonths(today, -2);
  for (const inv of data.invoices) {
    const what = `invoice ${inv.id}`;
    const customer = customers.get(inv.customerNumber);
    if (!customer) fail(`${what} customer ${inv.customerNumber}`);
    if (customer && inv.currency !== customer.currency) fail(`${what} currency ${inv.currency}`);
    if (customer && inv.dueDate !== addDays(inv.issueDate, customer.paymentTermsDays))
      fail(`${what} due date ${inv.dueDate}`);
    if (inv.projectNumber !== '') {
      const project = projects.get(inv.projectNumber);
      if (!project) fail(`${what} project ${inv.projectNumber}`);
      else if (project.customerNumber !== inv.customerNumber) fail(`${what} project belongs to another customer`);
    }
    inWindow(inv.issueDate, `${what} issue date`);
    if (inv.lines.length < 1 || inv.lines.length > 6) fail(`${what} has ${inv.lines.length} lines`);
    for (const line of inv.lines) {
      const account = accounts.get(line.accountNumber);
      if (!account || account.kind !== 'revenue') fail(`${what} line account ${line.accountNumber}`);
      if (!vatCodes.has(line.vatCode)) fail(`${what} line VAT code ${line.vatCode}`);
      if (profile.salesAccountByVatCode[line.vatCode] !== line.accountNumber)
        fail(`${what} line account ${line.accountNumber} for VAT ${line.vatCode}`);
      if (line.projectNumber !== inv.projectNumber) fail(`${what} line project ${line.projectNumber}`);
      if (!departments.has(line.departmentNumber)) fail(`${what} line department ${line.departmentNumber}`);
      if (!(line.quantity > 0) || !Number.isInteger(line.quantity * 2)) fail(`${what} line quantity ${line.quantity}`);
      if (!(line.unitPrice > 0)) fail(`${what} line unit price ${line.unitPrice}`);
      if (line.discountPercent < 0 || line.discountPercent > 100) fail(`${what} line discount ${line.discountPercent}`);
      safeMoney(line.unitPrice, `${what} unit price`);
    }
    // invoiceAmounts throws on fractional prices, which were reported above.
    if (inv.lines.every((l) => Number.isSafeInteger(l.unitPrice))) {
      const amounts = invoiceAmounts(inv, rules);
      for (const v of [amounts.net, amounts.vat, amounts.gross]) safeMoney(v, `${what} amount`);
      if ((inv.type === 'credit') !== amounts.gross < 0)
        fail(`${what} gross ${amounts.gross} has the wrong sign for a ${inv.type}`);
    }

    if (inv.status === 'draft') {
      if (inv.number !== '' || inv.finalizedAt !== '' || inv.kid !== '' || inv.exportStatus !== 'to-transfer')
        fail(`${what} is a draft with final fields`);
      continue;
    }
    if (!inv.finalizedAt.startsWith(`${inv.issueDate}T`) || !/T\d{2}:\d{2}:\d{2}$/.test(inv.finalizedAt))
      fail(`${what} finalizedAt ${inv.finalizedAt}`);
    if (!(EXPORT_STATUSES as readonly string[]).includes(inv.exportStatus)) fail(`${what} export status`);
    if (inv.exportStatus === 'transferred' && inv.issueDate >= transferredBefore)
      fail(`${what} is recent but transferred`);
    if (inv.exportStatus === 'to-transfer' && inv.issueDate < transferredBefore) fail(`${what} is old but waiting`);
    const domestic = customer?.countryCode === country;
    if (inv.type === 'invoice' && domestic && !isValidLuhn(inv.kid)) fail(`${what} KID ${inv.kid}`);
    if (inv.kid !== '' && !isValidLuhn(inv.kid)) fail(`${what} KID ${inv.kid}`);
    if (inv.type === 'credit') {
      const credited = byNumber.get(inv.creditedInvoiceNumber);
      if (!credited || credited.type !== 'invoice')
        fail(`${what} credits unknown invoice ${inv.creditedInvoiceNumber}`);
      else {
        if (Number(credited.number) >= Number(inv.number) || credited.issueDate >= inv.issueDate)
          fail(`${what} credits a later invoice`);
        if (credited.customerNumber !== inv.customerNumber) fail(`${what} credits another customer's invoice`);
      }
    } else if (inv.creditedInvoiceNumber !== '') fail(`${what} is an invoice with a credited number`);
  }

  // Time records.
  const comments = new Set(profile.timeComments);
  let previousDate = '';
  const ids = new Set<string>();
  for (const t of data.timeRecords) {
    const what = `time record ${t.id}`;
    ids.add(t.id);
    inWindow(t.date, what);
    if (!isWeekday(t.date)) fail(`${what} on a weekend: ${t.date}`);
    if (t.date < previousDate) fail(`${what} is out of date order`);
    previousDate = t.date;
    const user = users.get(t.employeeNumber);
    const project = projects.get(t.projectNumber);
    if (!user) fail(`${what} employee ${t.employeeNumber}`);
    if (!project) fail(`${what} project ${t.projectNumber}`);
    if (!(t.hours >= 0.5 && t.hours <= 10 && Number.isInteger(t.hours * 2))) fail(`${what} hours ${t.hours}`);
    const wageCodes = profile.wageCodes;
    if (
      user?.external ? t.wageCode !== wageCodes.external : ![wageCodes.normal, wageCodes.overtime].includes(t.wageCode)
    )
      fail(`${what} wage code ${t.wageCode}`);
    if (project && t.billable !== project.billable) fail(`${what} billable differs from its project`);
    if ((t.rate === null) === t.billable) fail(`${what} rate ${t.rate} for billable=${t.billable}`);
    safeMoney(t.rate, `${what} rate`);
    if (!comments.has(t.comment)) fail(`${what} comment`);
  }
  if (ids.size !== data.timeRecords.length) fail('time record ids are not unique');

  // Claims.
  unique(
    data.claims.map((c) => c.claimNumber),
    'claim numbers',
  );
  for (const claim of data.claims) {
    const what = `claim ${claim.claimNumber}`;
    if (!new RegExp(`^${profile.claimNumberPrefix}-${claim.date.slice(0, 4)}-\\d{3}$`).test(claim.claimNumber))
      fail(`${what} number format`);
    const user = users.get(claim.employeeNumber);
    if (!user || user.external) fail(`${what} employee ${claim.employeeNumber}`);
    if (!(CLAIM_STATUSES as readonly string[]).includes(claim.status)) fail(`${what} status`);
    inWindow(claim.date, what);
    if (claim.items.length < 1 || claim.items.length > 5) fail(`${what} has ${claim.items.length} items`);
    for (const item of claim.items) {
      inWindow(item.date, `${what} item`);
      if (item.date > claim.date) fail(`${what} item dated after the claim`);
      const type = expenseTypes.get(item.expenseType);
      if (!type) fail(`${what} expense type ${item.expenseType}`);
      if (item.projectNumber !== '' && !projects.has(item.projectNumber)) fail(`${what} project ${item.projectNumber}`);
      safeMoney(item.amount, `${what} amount`);
      safeMoney(item.vatAmount, `${what} VAT`);
      if (!(item.amount > 0)) fail(`${what} amount ${item.amount}`);
      const rate = type ? (vatCodes.get(type.vatCode)?.ratePercent ?? NaN) : NaN;
      const expectedVat = item.currency === profile.currency ? vatIncluded(item.amount, rate) : 0;
      if (item.vatAmount !== expectedVat) fail(`${what} VAT ${item.vatAmount}, expected ${expectedVat}`);
    }
  }
  return problems;
}
