/**
 * The fields each register form shows, in order: label, input kind, and where a reference
 * field takes its suggestions from. Fields not listed (a co-worker's pay rates) are kept as
 * stored when the form saves.
 */
import { ACCOUNT_KINDS, ACCOUNT_ROLES, VAT_ROUNDINGS } from '../../core/domain/types.ts';
import type { RegisterKind } from '../../core/validation/index.ts';
import type { MessageKey } from '../messages.ts';

export interface FormField {
  name: string;
  label: MessageKey;
  input: 'text' | 'number' | 'checkbox' | 'select';
  /** Choices of a select; '' is "none" for an optional field. */
  options?: readonly string[];
  /** An optional field left empty is not stored at all (`Account.role`). */
  omitWhenEmpty?: boolean;
  /** Suggestions from a register. */
  suggest?: 'customers' | 'accounts' | 'vatCodes';
  /** Labels of a select's choices, where the stored value is no word for a user. */
  optionLabels?: Readonly<Record<string, MessageKey>>;
  /** What the form shows for a record stored without the field (its meaning when absent). */
  absentValue?: string;
}

const text = (name: string, label: MessageKey, suggest?: FormField['suggest']): FormField => ({
  name,
  label,
  input: 'text',
  ...(suggest ? { suggest } : {}),
});
const number = (name: string, label: MessageKey): FormField => ({ name, label, input: 'number' });
const checkbox = (name: string, label: MessageKey): FormField => ({ name, label, input: 'checkbox' });

export const FORM_FIELDS: Readonly<Record<RegisterKind, readonly FormField[]>> = {
  company: [
    text('name', 'registers.field.name'),
    text('orgNumber', 'registers.field.orgNumber'),
    text('addressLine1', 'registers.field.address'),
    text('addressLine2', 'registers.field.address2'),
    text('postalCode', 'registers.field.postalCode'),
    text('city', 'registers.field.city'),
    { name: 'countryCode', label: 'registers.field.country', input: 'select', options: ['NO', 'SE'] },
    text('currency', 'registers.field.currency'),
    text('fiscalYearStart', 'registers.field.fiscalYearStart'),
    checkbox('vatRegistered', 'registers.field.vatRegistered'),
    {
      name: 'vatRounding',
      label: 'registers.field.vatRounding',
      input: 'select',
      options: VAT_ROUNDINGS,
      optionLabels: { 'per-rate': 'registers.vatRounding.per-rate', 'per-line': 'registers.vatRounding.per-line' },
      absentValue: 'per-rate',
    },
    text('bankAccount', 'registers.field.bankAccount'),
    text('contactPerson', 'registers.field.contactPerson'),
    text('email', 'registers.field.email'),
    text('phone', 'registers.field.phone'),
  ],
  customer: [
    text('number', 'registers.field.customerNumber'),
    text('name', 'registers.field.name'),
    text('orgNumber', 'registers.field.orgNumber'),
    text('email', 'registers.field.email'),
    text('phone', 'registers.field.phone'),
    text('addressLine1', 'registers.field.address'),
    text('addressLine2', 'registers.field.address2'),
    text('postalCode', 'registers.field.postalCode'),
    text('city', 'registers.field.city'),
    text('countryCode', 'registers.field.country'),
    text('currency', 'registers.field.currency'),
    number('paymentTermsDays', 'registers.field.paymentTermsDays'),
    text('peppolId', 'registers.field.peppolId'),
    text('buyerReference', 'registers.field.buyerReference'),
    text('ledgerAccount', 'registers.field.ledgerAccount', 'accounts'),
  ],
  project: [
    text('number', 'registers.field.projectNumber'),
    text('name', 'registers.field.name'),
    text('customerNumber', 'registers.field.customer', 'customers'),
    text('departmentNumber', 'registers.field.department'),
    checkbox('billable', 'registers.field.billable'),
  ],
  user: [
    text('employeeNumber', 'registers.field.employeeNumber'),
    text('name', 'registers.field.name'),
    text('email', 'registers.field.email'),
    text('departmentNumber', 'registers.field.department'),
    checkbox('external', 'registers.field.external'),
  ],
  account: [
    text('number', 'registers.field.accountNumber'),
    text('name', 'registers.field.name'),
    { name: 'kind', label: 'registers.field.accountKind', input: 'select', options: ACCOUNT_KINDS },
    text('vatCode', 'registers.field.vatCode', 'vatCodes'),
    {
      name: 'role',
      label: 'registers.field.accountRole',
      input: 'select',
      options: ['', ...ACCOUNT_ROLES],
      omitWhenEmpty: true,
    },
  ],
  vatCode: [
    text('code', 'registers.field.code'),
    number('ratePercent', 'registers.field.ratePercent'),
    text('description', 'registers.field.description'),
    text('accountNumber', 'registers.field.vatAccount', 'accounts'),
    text('standardTaxCode', 'registers.field.standardTaxCode'),
  ],
  expenseType: [
    text('code', 'registers.field.code'),
    text('name', 'registers.field.name'),
    text('accountNumber', 'registers.field.account', 'accounts'),
    text('vatCode', 'registers.field.vatCode', 'vatCodes'),
    text('wageCode', 'registers.field.wageCode'),
  ],
};
