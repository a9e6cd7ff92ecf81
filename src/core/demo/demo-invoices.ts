/**
 * Invoices, credit notes and drafts over the 12-month span.
 *
 * Finalized invoices and credit notes share one number series, consecutive from
 * FIRST_INVOICE_NUMBER in issue-date order, and a credit note always comes after the
 * invoice it credits. Export status follows what a firm that exports every month would
 * have: older than TRANSFERRED_AFTER_MONTHS → transferred, a few marked not to transfer,
 * the recent ones waiting.
 */
import { addDays, addMonths, dateParts } from '../domain/dates.ts';
import type { Customer, Invoice, InvoiceLine, IsoDate, Project } from '../domain/types.ts';
import { randomOfficeTime, randomWeekday, type DemoCalendar } from './demo-calendar.ts';
import { paymentReference } from './demo-identifiers.ts';
import type { DemoMasterData, Staffing } from './demo-master-data.ts';
import { fillTemplate } from './demo-text.ts';
import type { DemoProfile, InvoiceLineTemplate } from './profiles/profile-types.ts';
import type { Random } from './random.ts';

export const INVOICE_PLAN = {
  /** Finalized ordinary invoices (including the foreign-currency ones). */
  invoices: 186,
  creditNotes: 8,
  drafts: 6,
  firstNumber: 10001,
  doNotTransfer: 3,
} as const;

const TRANSFERRED_AFTER_MONTHS = 2;
const DRAFT_WINDOW_DAYS = 10;
/** A credit note follows its invoice within this many days. */
const CREDIT_WITHIN_DAYS = 40;
const PROJECT_INVOICE_SHARE = 0.75;
const FULL_CREDIT_SHARE = 0.6;
const ORDER_REFERENCE_SHARE = 0.3;
const MAX_LINES = 6;
const DISCOUNTS = [5, 10, 12.5] as const;
const EXTRA_LINE_CHANCES = {
  fixedPrice: 0.25,
  travel: 0.2,
  travelInternational: 0.3,
  food: 0.1,
  outlay: 0.05,
  discount: 0.12,
} as const;

interface PlannedInvoice {
  seq: number;
  type: Invoice['type'];
  issueDate: IsoDate;
  customer: Customer;
  projectNumber: string;
  orderReference: string;
  lines: InvoiceLine[];
  credited: PlannedInvoice | null;
  foreign: boolean;
  number: string;
}

function monthBefore(profile: DemoProfile, date: IsoDate): { month: string; year: string } {
  const { year, month } = dateParts(addMonths(date, -1));
  return { month: profile.monthNames[month - 1] ?? '', year: String(year) };
}

class InvoicePlanner {
  private readonly customersByNumber: Map<string, Customer>;
  private readonly billableProjects: Project[];
  private readonly domesticCustomers: Customer[];
  private readonly consultants: Staffing[];
  private seq = 0;

  constructor(
    private readonly profile: DemoProfile,
    private readonly master: DemoMasterData,
    private readonly random: Random,
  ) {
    this.customersByNumber = new Map(master.customers.map((c) => [c.number, c]));
    this.billableProjects = master.projects.filter((p) => p.billable && p.customerNumber !== '');
    this.domesticCustomers = master.customers.filter((c) => c.number !== master.foreignCustomerNumber);
    this.consultants = master.staffing.slice(1);
  }

  private line(
    template: InvoiceLineTemplate,
    issueDate: IsoDate,
    project: Project | null,
    values: Record<string, string> = {},
  ): InvoiceLine {
    const { random, profile } = this;
    const accountNumber = profile.salesAccountByVatCode[template.vatCode];
    if (accountNumber === undefined)
      throw new Error(`profile ${profile.country}: no sales account for VAT code ${template.vatCode}`);
    const description = fillTemplate(random.pick(template.descriptions), {
      ...monthBefore(profile, issueDate),
      project: project?.name ?? random.pick(profile.billableProjectNames),
      ...values,
    });
    return {
      description,
      productCode: template.productCode,
      quantity: random.step(template.quantity.min, template.quantity.max, template.quantity.step),
      unitPrice: random.step(template.unitPrice.min, template.unitPrice.max, template.unitPrice.step),
      discountPercent: 0,
      accountNumber,
      vatCode: template.vatCode,
      departmentNumber: project?.departmentNumber ?? profile.defaultDepartmentNumber,
      projectNumber: project?.number ?? '',
    };
  }

  private hoursLine(issueDate: IsoDate, project: Project | null, person: Staffing, discount: number): InvoiceLine {
    const line = this.line(this.profile.invoiceLines.hours, issueDate, project, {
      activity: this.random.pick(this.profile.billableActivities),
      employee: person.user.name,
    });
    return { ...line, unitPrice: person.hourlyRate, discountPercent: discount };
  }

  private extraLines(issueDate: IsoDate, project: Project | null): InvoiceLine[] {
    const { random } = this;
    const templates = this.profile.invoiceLines;
    const chance = EXTRA_LINE_CHANCES;
    const lines: InvoiceLine[] = [];
    if (random.chance(chance.fixedPrice)) lines.push(this.line(templates.fixedPrice, issueDate, project));
    if (random.chance(chance.travel)) {
      const travel = random.chance(chance.travelInternational)
        ? templates.travelInternational
        : templates.travelDomestic;
      lines.push(this.line(travel, issueDate, project));
    }
    if (random.chance(chance.food)) lines.push(this.line(templates.food, issueDate, project));
    if (random.chance(chance.outlay)) lines.push(this.line(templates.outlay, issueDate, project));
    return lines;
  }

  private projectLines(issueDate: IsoDate, project: Project): InvoiceLine[] {
    const { random } = this;
    const team = this.master.staffing.filter((s) => s.projects.includes(project));
    const people = random.shuffle(team.length > 0 ? team : this.consultants).slice(0, random.int(1, 3));
    const discount = random.chance(EXTRA_LINE_CHANCES.discount) ? random.pick(DISCOUNTS) : 0;
    const lines = people.map((person) => this.hoursLine(issueDate, project, person, discount));
    return [...lines, ...this.extraLines(issueDate, project)].slice(0, MAX_LINES);
  }

  private looseLines(issueDate: IsoDate): InvoiceLine[] {
    const { random } = this;
    const first = random.chance(0.6)
      ? this.line(this.profile.invoiceLines.fixedPrice, issueDate, null)
      : this.hoursLine(issueDate, null, random.pick(this.consultants), 0);
    return [first, ...this.extraLines(issueDate, null)].slice(0, MAX_LINES);
  }

  private plan(fields: Omit<PlannedInvoice, 'seq' | 'number'>): PlannedInvoice {
    return { ...fields, seq: this.seq++, number: '' };
  }

  private orderReference(): string {
    return this.random.chance(ORDER_REFERENCE_SHARE) ? this.random.pick(this.profile.orderReferences) : '';
  }

  domesticInvoice(issueDate: IsoDate): PlannedInvoice {
    const { random } = this;
    const project = random.chance(PROJECT_INVOICE_SHARE) ? random.pick(this.billableProjects) : null;
    const customer = project
      ? (this.customersByNumber.get(project.customerNumber) as Customer)
      : random.pick(this.domesticCustomers);
    const lines = project ? this.projectLines(issueDate, project) : this.looseLines(issueDate);
    const orderReference = this.orderReference();
    return this.plan({
      type: 'invoice',
      issueDate,
      customer,
      projectNumber: project?.number ?? '',
      orderReference,
      lines,
      credited: null,
      foreign: false,
    });
  }

  foreignInvoice(issueDate: IsoDate): PlannedInvoice {
    const customer = this.customersByNumber.get(this.master.foreignCustomerNumber) as Customer;
    const template = this.profile.foreignCustomer.line;
    const lines = Array.from({ length: this.random.int(1, 2) }, () => this.line(template, issueDate, null));
    return this.plan({
      type: 'invoice',
      issueDate,
      customer,
      projectNumber: '',
      orderReference: this.orderReference(),
      lines,
      credited: null,
      foreign: true,
    });
  }

  creditNote(credited: PlannedInvoice, issueDate: IsoDate): PlannedInvoice {
    const full = credited.lines.length === 1 || this.random.chance(FULL_CREDIT_SHARE);
    const lines = full ? credited.lines.map((l) => ({ ...l })) : [{ ...this.random.pick(credited.lines) }];
    const { customer, projectNumber, orderReference, foreign } = credited;
    return this.plan({ type: 'credit', issueDate, customer, projectNumber, orderReference, lines, credited, foreign });
  }
}

function byDateThenSeq(a: PlannedInvoice, b: PlannedInvoice): number {
  return a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : a.seq - b.seq;
}

/** Office-hour timestamps that grow with the invoice number within a day. */
function finalizedTimestamps(random: Random, documents: readonly PlannedInvoice[]): string[] {
  const stamps: string[] = [];
  for (let start = 0; start < documents.length;) {
    const date = (documents[start] as PlannedInvoice).issueDate;
    let end = start;
    while (end < documents.length && (documents[end] as PlannedInvoice).issueDate === date) end++;
    const times = Array.from({ length: end - start }, () => randomOfficeTime(random)).sort();
    for (const time of times) stamps.push(`${date}T${time}`);
    start = end;
  }
  return stamps;
}

export function generateInvoices(
  profile: DemoProfile,
  master: DemoMasterData,
  calendar: DemoCalendar,
  random: Random,
): Invoice[] {
  const planner = new InvoicePlanner(profile, master, random);
  const { today, start } = calendar;
  const plan = INVOICE_PLAN;

  const foreignSlots = new Set(
    random.shuffle(Array.from({ length: plan.invoices }, (_, i) => i)).slice(0, profile.foreignCustomer.invoiceCount),
  );
  const invoices = Array.from({ length: plan.invoices }, (_, i) => {
    const issueDate = randomWeekday(random, calendar, start, today);
    return foreignSlots.has(i) ? planner.foreignInvoice(issueDate) : planner.domesticInvoice(issueDate);
  }).sort(byDateThenSeq);

  // Credit notes credit domestic invoices old enough to have a later weekday before today.
  const creditable = invoices.filter((inv) => !inv.foreign && inv.issueDate <= addDays(today, -7));
  const credits = random
    .shuffle(creditable)
    .slice(0, plan.creditNotes)
    .map((credited) => {
      const latest = addDays(credited.issueDate, CREDIT_WITHIN_DAYS);
      return planner.creditNote(
        credited,
        randomWeekday(random, calendar, addDays(credited.issueDate, 1), latest < today ? latest : today),
      );
    });

  const finalized = [...invoices, ...credits].sort(byDateThenSeq);
  finalized.forEach((doc, i) => (doc.number = String(plan.firstNumber + i)));
  const stamps = finalizedTimestamps(random, finalized);
  const transferredBefore = addMonths(today, -TRANSFERRED_AFTER_MONTHS);
  const doNotTransfer = new Set(random.shuffle(finalized).slice(0, plan.doNotTransfer));

  const drafts = Array.from({ length: plan.drafts }, () =>
    planner.domesticInvoice(randomWeekday(random, calendar, addDays(today, -DRAFT_WINDOW_DAYS), today)),
  ).sort(byDateThenSeq);

  const result: Invoice[] = [];
  const idOf = (index: number) => 'inv' + String(index + 1).padStart(5, '0');
  finalized.forEach((doc, i) => {
    const exportStatus = doNotTransfer.has(doc)
      ? 'do-not-transfer'
      : doc.issueDate < transferredBefore
        ? 'transferred'
        : 'to-transfer';
    result.push({
      id: idOf(result.length),
      number: doc.number,
      type: doc.type,
      creditedInvoiceNumber: doc.credited?.number ?? '',
      customerNumber: doc.customer.number,
      projectNumber: doc.projectNumber,
      issueDate: doc.issueDate,
      dueDate: addDays(doc.issueDate, doc.customer.paymentTermsDays),
      currency: doc.customer.currency,
      kid: doc.type === 'invoice' && !doc.foreign ? paymentReference(doc.customer.number, doc.number) : '',
      orderReference: doc.orderReference,
      status: 'finalized',
      finalizedAt: stamps[i] as string,
      exportStatus,
      // The demo's factoring company gets the same invoices, so both bell entries show from the start.
      factoringStatus: exportStatus,
      lines: doc.lines,
    });
  });
  for (const draft of drafts) {
    result.push({
      id: idOf(result.length),
      number: '',
      type: 'invoice',
      creditedInvoiceNumber: '',
      customerNumber: draft.customer.number,
      projectNumber: draft.projectNumber,
      issueDate: draft.issueDate,
      dueDate: addDays(draft.issueDate, draft.customer.paymentTermsDays),
      currency: draft.customer.currency,
      kid: '',
      orderReference: draft.orderReference,
      status: 'draft',
      finalizedAt: '',
      exportStatus: 'to-transfer',
      factoringStatus: 'to-transfer',
      lines: draft.lines,
    });
  }
  return result;
}
