/**
 * Settings → Company → Invoice numbering: the next number of the series and the KID layout.
 * The store (src/db/invoice-store.ts, `saveInvoiceNumbering`) refuses a number already given or
 * one that leaves a gap; the form shows the same check before Save (src/core/domain/invoice-numbering.ts).
 */
import { db as appDb } from '../app-db.ts';
import { t } from '../messages.ts';
import { checkNextNumber, suggestedNextNumber } from '../../core/domain/invoice-numbering.ts';
import { kidLayoutProblem, makeKid } from '../../core/domain/kid.ts';
import type { InvoiceNumbering, KidScheme } from '../../core/domain/types.ts';
import type { ExportdeskDatabase } from '../../db/database.ts';
import { invoiceNumbersInUse, saveInvoiceNumbering } from '../../db/invoice-store.ts';
import { invoiceErrorText } from './invoice-detail.svelte.ts';

/** The layout a company starts from: the demo's (customer number and invoice number, MOD10). */
const DEFAULT_KID = { scheme: 'mod10' as KidScheme, customerDigits: 5, invoiceDigits: 6 };

export class InvoiceNumberingForm {
  loaded = $state(false);
  nextNumber = $state('');
  useKid = $state(false);
  scheme = $state<KidScheme>(DEFAULT_KID.scheme);
  customerDigits = $state(DEFAULT_KID.customerDigits);
  invoiceDigits = $state(DEFAULT_KID.invoiceDigits);
  error = $state('');
  notice = $state('');
  private stored: InvoiceNumbering | undefined = undefined;
  private numbers: string[] = [];
  private db: ExportdeskDatabase;

  constructor(db: ExportdeskDatabase = appDb) {
    this.db = db;
  }

  async load(): Promise<void> {
    const [company, numbers] = await Promise.all([this.db.company.get('company'), invoiceNumbersInUse(this.db)]);
    this.stored = company?.invoiceNumbering;
    this.numbers = numbers;
    this.nextNumber = suggestedNextNumber(this.stored, numbers);
    const kid = this.stored?.kid;
    this.useKid = !!kid;
    if (kid) {
      this.scheme = kid.scheme;
      this.customerDigits = kid.customerDigits;
      this.invoiceDigits = kid.invoiceDigits;
    }
    this.loaded = true;
  }

  get value(): InvoiceNumbering {
    return {
      nextNumber: this.nextNumber.trim(),
      kid: this.useKid
        ? { scheme: this.scheme, customerDigits: this.customerDigits, invoiceDigits: this.invoiceDigits }
        : null,
    };
  }

  /** The problem Save would meet, as a sentence; '' when none. */
  get problem(): string {
    const value = this.value;
    const numbering =
      value.nextNumber === this.stored?.nextNumber
        ? null
        : checkNextNumber(value.nextNumber, this.numbers, this.stored);
    const layout = value.kid ? kidLayoutProblem(value.kid) : null;
    const found = numbering ?? layout;
    if (!found) return '';
    const key = {
      'number-not-digits': 'invoiceDetail.error.numberNotDigits',
      'number-used': 'invoiceDetail.error.numberUsed',
      'number-gap': 'invoiceDetail.error.numberGap',
      'kid-layout': 'invoiceDetail.error.kidLayout',
    } as const;
    return t(key[found.code as keyof typeof key] ?? 'invoiceDetail.error.kidLayout', found.params);
  }

  /** A KID under the chosen layout for a made-up customer 10 and the next number, to show the layout. */
  get example(): { customer: string; invoice: string; kid: string } | null {
    const kid = this.value.kid;
    if (!kid || kidLayoutProblem(kid)) return null;
    const customer = kid.customerDigits > 0 ? '10' : '';
    const made = makeKid(kid, customer || '0', this.value.nextNumber);
    return made.ok ? { customer: customer || '—', invoice: this.value.nextNumber, kid: made.kid } : null;
  }

  async save(): Promise<boolean> {
    this.error = '';
    this.notice = '';
    try {
      await saveInvoiceNumbering(this.db, this.value);
    } catch (e) {
      this.error = invoiceErrorText(e);
      return false;
    }
    await this.load();
    this.notice = t('invoiceNumbering.saved');
    return true;
  }
}
