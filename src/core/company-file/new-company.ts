/**
 * A new company (issue 13's set-up): what the browser's "Set up your company" form starts from,
 * and the whole company it stores. `exportdesk init` builds its file from the same functions, so
 * the app and the CLI make the same company for the same input.
 */
import { starterRegisters, type StarterCountry } from '../charts/index.ts';
import { emptyCompany, type Company, type CompanyData, type CurrencyCode, type IsoDateTime } from '../domain/types.ts';

const HOME_CURRENCY: Readonly<Record<string, CurrencyCode>> = { NO: 'NOK', SE: 'SEK' };

/** The currency a company in the country starts with; undefined for a country without a starter chart. */
export function homeCurrency(countryCode: string): CurrencyCode | undefined {
  return HOME_CURRENCY[countryCode];
}

/** The starter chart a company gets: Sweden's (BAS) for SE, Norway's (NS 4102) otherwise. */
export function starterCountryOf(countryCode: string): StarterCountry {
  return countryCode === 'SE' ? 'SE' : 'NO';
}

/**
 * The company record the set-up form opens with. It holds every field the form writes (the VAT
 * rounding by the book, no bank account), so a company made without the form is the same record.
 */
export function newCompanyRecord(): Company {
  return { ...emptyCompany(), vatRegistered: true, vatRounding: 'per-rate', bankAccount: '' };
}

/** A new company saved at `now`, with its country's starter chart, VAT codes and expense types and nothing else. */
export function newCompanyData(company: Company, now: IsoDateTime): CompanyData {
  return {
    company: { ...company, updatedAt: now },
    customers: [],
    projects: [],
    users: [],
    ...starterRegisters(starterCountryOf(company.countryCode)),
    invoices: [],
    timeRecords: [],
    claims: [],
  };
}
