export {
  DEFAULT_DEMO_SEED,
  generateDemoCompany,
  iterateDemoTimeRecords,
  type DemoCompanyOptions,
} from './demo-company.ts';
export { DEMO_COUNTRIES, DEMO_PROFILES, type DemoCountry, type DemoProfile } from './profiles/index.ts';
export { DEFAULT_TIME_RECORD_COUNT } from './demo-time-records.ts';
export { INVOICE_PLAN } from './demo-invoices.ts';
export { CLAIM_ITEM_COUNT } from './demo-claims.ts';
export { DEMO_COUNTS } from './demo-master-data.ts';
export {
  isValidGermanVatId,
  isValidLuhn,
  isValidNorwegianOrgNumber,
  isValidSwedishOrgNumber,
  luhnCheckDigit,
  norwegianOrgCheckDigit,
} from './check-digits.ts';
