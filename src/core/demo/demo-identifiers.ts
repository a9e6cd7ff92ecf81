/** Made-up identifiers that pass their check digits. */
import { germanVatIdCheckDigit, norwegianOrgCheckDigit, withLuhnCheckDigit } from './check-digits.ts';
import { randomDigits } from './demo-text.ts';
import type { OrgNumberScheme } from './profiles/profile-types.ts';
import type { Random } from './random.ts';

const ORG_NUMBER_LENGTH: Readonly<Record<OrgNumberScheme, number>> = { 'no-mod11': 9, 'se-luhn': 10 };

function orgNumberCandidate(random: Random, scheme: OrgNumberScheme, prefix: string): string | null {
  const payload = prefix + randomDigits(random, ORG_NUMBER_LENGTH[scheme] - 1 - prefix.length);
  if (scheme === 'se-luhn') return withLuhnCheckDigit(payload);
  const check = norwegianOrgCheckDigit(payload);
  return check === null ? null : payload + String(check);
}

/** A valid organisation number not in `taken` (which it joins). */
export function uniqueOrgNumber(
  random: Random,
  scheme: OrgNumberScheme,
  prefixes: readonly string[],
  taken: Set<string>,
): string {
  for (;;) {
    const candidate = orgNumberCandidate(random, scheme, random.pick(prefixes));
    if (candidate !== null && !taken.has(candidate)) {
      taken.add(candidate);
      return candidate;
    }
  }
}

export function germanVatId(random: Random): string {
  const firstEight = String(random.int(1, 9)) + randomDigits(random, 7);
  return `DE${firstEight}${germanVatIdCheckDigit(firstEight)}`;
}

/**
 * The KID (Norway) or OCR reference (Sweden): customer number, invoice number and a Luhn
 * check digit. Both countries' banks accept MOD10 references of this length.
 */
export function paymentReference(customerNumber: string, invoiceNumber: string): string {
  return withLuhnCheckDigit(customerNumber + invoiceNumber);
}
