/**
 * Where each register's form opens: on its list's page, with the record's key in the query
 * (`#/customers?customer=20010`, `#/settings?account=3000`), so any page can link to a form.
 * `return` brings the user back to where the link was, after Save or Cancel.
 */
import type { RegisterKind } from '../core/validation/index.ts';

export const REGISTER_PAGES: Readonly<Record<RegisterKind, string>> = {
  company: '/settings',
  customer: '/customers',
  project: '/projects',
  user: '/users',
  account: '/settings',
  vatCode: '/settings',
  expenseType: '/settings',
};

/** The form of record `key` of `kind` (`key` null: a new record), as a route for `router.go`. */
export function registerFormPath(kind: RegisterKind, key: string | null, returnTo?: string): string {
  const query = new URLSearchParams(key === null ? { new: kind } : { [kind]: key });
  if (returnTo) query.set('return', returnTo);
  return `${REGISTER_PAGES[kind]}?${query.toString()}`;
}
