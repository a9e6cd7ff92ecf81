/**
 * One invoice's page (`#/invoices/<id>`): what it shows, and for a draft its form. The draft's
 * header and lines are edited here as a copy and stored by Save draft (and by Finalize, which
 * saves first). Every write goes through src/db/invoice-store.ts, which refuses changes to a
 * finalized invoice whatever the page shows.
 */
import { db as appDb } from '../app-db.ts';
import { t, type MessageKey } from '../messages.ts';
import { errorMessage } from '../error-message.ts';
import { dateOf, toIsoDateTime } from '../../core/domain/dates.ts';
import { creditableLines, lineKey } from '../../core/domain/credit-notes.ts';
import { amountRules, invoiceAmounts, type InvoiceAmounts } from '../../core/domain/invoice-amounts.ts';
import {
  checkDraft,
  draftFieldsOf,
  dueDateFor,
  emptyLine,
  type DraftFields,
  type DraftRegisters,
} from '../../core/domain/invoice-draft.ts';
import { vatRateTotals, type VatRateTotal } from '../../core/domain/vat-rate-totals.ts';
import type {
  Account,
  Company,
  Customer,
  ExportStatus,
  Invoice,
  InvoiceLine,
  IsoDateTime,
  Project,
  StatusPurpose,
  VatCode,
} from '../../core/domain/types.ts';
import type { FieldProblem } from '../../core/validation/index.ts';
import type { ExportdeskDatabase } from '../../db/database.ts';
import { setInvoiceExportStatus } from '../../db/export-status.ts';
import {
  createCreditNote,
  createDraft,
  deleteDraft,
  finalizeDraft,
  InvoiceStoreError,
  readInvoiceDetail,
  saveDraft,
  type InvoiceDetail,
} from '../../db/invoice-store.ts';

export interface InvoiceDetailDeps {
  db: ExportdeskDatabase;
  now: () => IsoDateTime;
}

interface Registers extends DraftRegisters {
  customers: Customer[];
  projects: Project[];
  accounts: Account[];
  vatCodes: VatCode[];
}

/** Codes of src/db/invoice-store.ts and the core rules it applies, with their sentence. */
const ERROR_MESSAGES: Readonly<Record<string, MessageKey>> = {
  'not-found': 'invoiceDetail.error.notFound',
  locked: 'invoiceDetail.error.locked',
  'already-finalized': 'invoiceDetail.error.locked',
  'not-ready': 'invoiceDetail.error.notReady',
  'no-lines': 'invoiceDetail.error.noLines',
  'nothing-to-credit': 'invoiceDetail.error.nothingToCredit',
  'credited-missing': 'invoiceDetail.error.creditedMissing',
  'number-used': 'invoiceDetail.error.numberUsed',
  'number-gap': 'invoiceDetail.error.numberGap',
  'number-not-digits': 'invoiceDetail.error.numberNotDigits',
  'kid-too-wide': 'invoiceDetail.error.kidTooWide',
  'kid-not-digits': 'invoiceDetail.error.kidNotDigits',
  'kid-layout': 'invoiceDetail.error.kidLayout',
  'credit-exceeds': 'invoiceDetail.error.creditExceeds',
  'credit-amount-exceeds': 'invoiceDetail.error.creditAmountExceeds',
  'credit-line-unknown': 'invoiceDetail.error.creditLineUnknown',
  'credit-empty': 'invoiceDetail.error.creditEmpty',
  'credit-not-finalized': 'invoiceDetail.error.creditNotFinalized',
  'credit-of-credit': 'invoiceDetail.error.creditOfCredit',
  'no-company': 'invoiceDetail.error.noCompany',
};

/** The sentence for an error of the invoice store (or any other error's own message). */
export function invoiceErrorText(error: unknown): string {
  if (error instanceof InvoiceStoreError) {
    const key = ERROR_MESSAGES[error.code];
    // A KID error names which number is wrong by a code word (src/core/domain/kid.ts), worded here.
    const part = error.params['part'];
    const params =
      part === 'customer' || part === 'invoice'
        ? { ...error.params, part: t(`invoiceDetail.part.${part}`) }
        : error.params;
    if (key) return t(key, params);
  }
  return errorMessage(error);
}

/** Makes a new invoice draft and returns its id (the Invoices page's New invoice). */
export function newInvoice(deps: InvoiceDetailDeps = { db: appDb, now: nowIso }): Promise<string> {
  return createDraft(deps.db, dateOf(deps.now()));
}

function nowIso(): IsoDateTime {
  return toIsoDateTime(new Date());
}

export class InvoiceDetailState {
  detail = $state.raw<InvoiceDetail | null>(null);
  loaded = $state(false);
  registers = $state.raw<Registers>({ customers: [], projects: [], accounts: [], vatCodes: [] });
  /** The company's VAT rounding rule (docs/decisions/0001), as every export applies it. */
  vatRounding = $state<Company['vatRounding']>(undefined);
  /** The draft's form values (null for a finalized invoice). */
  draft = $state<DraftFields | null>(null);
  /** For a credit note draft: what remains to credit on its invoice, per line key (finalized credit notes counted). */
  remainingByKey = $state.raw<ReadonlyMap<string, number>>(new Map());
  /** Set by a Finalize attempt: from then on the draft's problems show. */
  attempted = $state(false);
  changed = $state(false);
  busy = $state(false);
  error = $state('');
  notice = $state('');
  private deps: InvoiceDetailDeps;

  constructor(deps: Partial<InvoiceDetailDeps> = {}) {
    this.deps = { db: appDb, now: nowIso, ...deps };
  }

  get invoice(): Invoice | null {
    return this.detail?.invoice ?? null;
  }

  get isDraft(): boolean {
    return this.invoice?.status === 'draft';
  }

  get isCredit(): boolean {
    return this.invoice?.type === 'credit';
  }

  /** The invoice as the page shows it: a draft with the form's values. */
  get shown(): Invoice | null {
    const invoice = this.invoice;
    if (!invoice) return null;
    return this.draft ? { ...invoice, ...this.draft } : invoice;
  }

  get amounts(): InvoiceAmounts | null {
    const shown = this.shown;
    return shown
      ? invoiceAmounts(
          shown,
          amountRules({ company: { vatRounding: this.vatRounding }, vatCodes: this.registers.vatCodes }),
        )
      : null;
  }

  get rateTotals(): VatRateTotal[] {
    return this.amounts ? vatRateTotals(this.amounts) : [];
  }

  get problems(): FieldProblem[] {
    const shown = this.shown;
    return shown && this.draft ? checkDraft(shown, this.registers) : [];
  }

  /** A field's problems, once Finalize was tried. */
  problemsOf(field: string): FieldProblem[] {
    return this.attempted ? this.problems.filter((p) => p.field === field) : [];
  }

  /** The invoice can be credited: finalized, an invoice, and not all of it credited yet. */
  get canCredit(): boolean {
    const detail = this.detail;
    if (!detail || detail.invoice.type !== 'invoice' || detail.invoice.status !== 'finalized') return false;
    const finalized = detail.creditNotes.filter((c) => c.status === 'finalized');
    return creditableLines(detail.invoice, finalized).some((l) => l.remaining > 0);
  }

  async load(id: string): Promise<void> {
    const { db } = this.deps;
    try {
      const [detail, customers, projects, accounts, vatCodes, company] = await Promise.all([
        readInvoiceDetail(db, id),
        db.customers.orderBy('number').toArray(),
        db.projects.orderBy('number').toArray(),
        db.accounts.orderBy('number').toArray(),
        db.vatCodes.toArray(),
        db.company.get('company'),
      ]);
      this.registers = { customers, projects, accounts, vatCodes };
      this.vatRounding = company?.vatRounding;
      this.detail = detail;
      this.draft = detail?.invoice.status === 'draft' ? structuredClone(draftFieldsOf(detail.invoice)) : null;
      this.changed = false;
      this.remainingByKey = new Map();
      if (detail?.invoice.type === 'credit' && detail.invoice.status === 'draft' && detail.creditedInvoice) {
        const credited = await readInvoiceDetail(db, detail.creditedInvoice.id);
        const finalized = credited?.creditNotes.filter((c) => c.status === 'finalized') ?? [];
        const remaining = new Map<string, number>();
        for (const l of creditableLines(detail.creditedInvoice, finalized))
          remaining.set(lineKey(l.line), (remaining.get(lineKey(l.line)) ?? 0) + l.remaining);
        this.remainingByKey = remaining;
      }
    } catch (e) {
      this.error = invoiceErrorText(e);
    }
    this.loaded = true;
  }

  /** How much of a credit note line may still be credited (undefined on an invoice). */
  remainingFor(line: InvoiceLine): number | undefined {
    return this.isCredit ? (this.remainingByKey.get(lineKey(line)) ?? 0) : undefined;
  }

  /** Sets a header field; a customer brings its currency and payment terms, and drops another customer's project. */
  setField(field: Exclude<keyof DraftFields, 'lines'>, value: string): void {
    const draft = this.draft;
    if (!draft) return;
    draft[field] = value;
    if (field === 'customerNumber') {
      const customer = this.registers.customers.find((c) => c.number === value);
      if (customer) {
        draft.currency = customer.currency || draft.currency;
        draft.dueDate = dueDateFor(draft.issueDate, customer);
      }
      const project = this.registers.projects.find((p) => p.number === draft.projectNumber);
      if (project && project.customerNumber !== value) draft.projectNumber = '';
    }
    if (field === 'issueDate') {
      const customer = this.registers.customers.find((c) => c.number === draft.customerNumber);
      if (customer) draft.dueDate = dueDateFor(value, customer);
    }
    this.changed = true;
  }

  /** Add line: on the first revenue account and its VAT code, in the invoice's project. */
  addLine(): void {
    const draft = this.draft;
    if (!draft || this.isCredit) return;
    const revenue = this.registers.accounts.find((a) => a.kind === 'revenue');
    draft.lines.push(emptyLine(revenue?.number ?? '', revenue?.vatCode ?? '', draft.projectNumber));
    this.changed = true;
  }

  removeLine(index: number): void {
    this.draft?.lines.splice(index, 1);
    this.changed = true;
  }

  /** Sets a line field; a new account brings its default VAT code. */
  setLine<K extends keyof InvoiceLine>(index: number, field: K, value: InvoiceLine[K]): void {
    const line = this.draft?.lines[index];
    if (!line) return;
    line[field] = value;
    if (field === 'accountNumber') {
      const account = this.registers.accounts.find((a) => a.number === value);
      if (account?.vatCode) line.vatCode = account.vatCode;
    }
    this.changed = true;
  }

  private async run<T>(action: () => Promise<T>): Promise<T | null> {
    this.busy = true;
    this.error = '';
    this.notice = '';
    try {
      return await action();
    } catch (e) {
      this.error = invoiceErrorText(e);
      return null;
    } finally {
      this.busy = false;
    }
  }

  /** Save draft. A credit note's lines set to 0 are left out. */
  async save(): Promise<boolean> {
    const invoice = this.invoice;
    const draft = this.draft;
    if (!invoice || !draft) return false;
    const fields: DraftFields = $state.snapshot(draft);
    if (this.isCredit) fields.lines = fields.lines.filter((l) => l.quantity !== 0);
    const done = await this.run(async () => {
      await saveDraft(this.deps.db, invoice.id, fields);
      return true;
    });
    if (!done) return false;
    await this.load(invoice.id);
    this.notice = t('invoiceDetail.saved');
    return true;
  }

  /** Finalize: saves the draft, then numbers it; returns the number, or null when refused. */
  async finalize(): Promise<string | null> {
    const invoice = this.invoice;
    if (!invoice || !this.draft) return null;
    this.attempted = true;
    if (this.problems.some((p) => p.severity === 'error')) {
      this.error = t('invoiceDetail.error.notReadyHere');
      return null;
    }
    if (!(await this.save())) return null;
    const number = await this.run(() => finalizeDraft(this.deps.db, invoice.id, this.deps.now()));
    if (number === null) return null;
    await this.load(invoice.id);
    this.notice = t('invoiceDetail.finalized', { number });
    return number;
  }

  /** Deletes the draft; true when it is gone. */
  async remove(): Promise<boolean> {
    const invoice = this.invoice;
    if (!invoice) return false;
    const deleted = await this.run(async () => {
      await deleteDraft(this.deps.db, invoice.id);
      return true;
    });
    return deleted ?? false;
  }

  /** Create credit note: the new draft's id, or null when refused. */
  async createCreditNote(): Promise<string | null> {
    const invoice = this.invoice;
    if (!invoice) return null;
    return this.run(() => createCreditNote(this.deps.db, invoice.id, dateOf(this.deps.now())));
  }

  /** A draft's export status, kept when it is finalized (To transfer or Do not transfer). */
  async setDraftStatus(purpose: StatusPurpose, status: ExportStatus): Promise<void> {
    const invoice = this.invoice;
    if (!invoice || !this.isDraft) return;
    const done = await this.run(async () => {
      await setInvoiceExportStatus(this.deps.db, invoice.id, purpose, status);
      return true;
    });
    if (done) {
      const detail = await readInvoiceDetail(this.deps.db, invoice.id);
      if (detail) this.detail = detail;
    }
  }
}
