/**
 * One rule set for the register forms and the CSV importer (issue 13): value rules (rules.ts),
 * register records (register.ts) and the importer's documents (documents.ts).
 */
export type { FieldProblem, Severity } from './rules.ts';
export {
  checkAmount,
  checkCountryCode,
  checkCurrency,
  checkDate,
  checkEmail,
  checkHours,
  checkNumberRange,
  checkOrgNumber,
  checkPeppolId,
  checkPostalCode,
  checkRequired,
  MAX_DATE,
  MAX_HOURS_PER_RECORD,
  MIN_DATE,
} from './rules.ts';
export type { RegisterKind, ValidateOptions } from './register.ts';
export { COMPANY_COUNTRIES, REGISTER_KINDS, REGISTER_TABLES, validateRegisterRecord } from './register.ts';
export { checkRecordText, checkText, keyOf, normalizeText } from './text.ts';
export {
  checkDerivedAmount,
  childField,
  MAX_QUANTITY,
  parseChildField,
  validateClaim,
  validateInvoice,
  validateTimeRecord,
} from './documents.ts';
export { ISO_COUNTRY_CODES } from './country-codes.ts';
