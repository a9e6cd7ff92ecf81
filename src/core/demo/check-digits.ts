/**
 * Check digits for the identifiers the demo company makes up, so that exports which
 * validate them (SAF-T, PEPPOL NO-R-001, bank KID/OCR agreements) accept the demo data.
 * - Norwegian organisation number: 9 digits, weights 3,2,7,6,5,4,3,2, check = 11 − sum mod 11
 *   (11 → 0, 10 → the number is not issued).
 * - Luhn (MOD10): Norwegian KID with MOD10, Swedish OCR reference, Swedish organisation number.
 * - German USt-IdNr: ISO 7064 MOD 11,10 over the 8 digits after `DE`.
 */

function digitsOf(text: string): number[] | null {
  if (!/^\d+$/.test(text)) return null;
  return Array.from(text, (c) => c.charCodeAt(0) - 48);
}

const NO_ORG_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/** The 9th digit for 8 leading digits, or null when no valid number has them. */
export function norwegianOrgCheckDigit(firstEight: string): number | null {
  const digits = digitsOf(firstEight);
  if (!digits || digits.length !== 8) return null;
  let sum = 0;
  digits.forEach((d, i) => (sum += d * (NO_ORG_WEIGHTS[i] ?? 0)));
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? null : check;
}

export function isValidNorwegianOrgNumber(text: string): boolean {
  return /^\d{9}$/.test(text) && norwegianOrgCheckDigit(text.slice(0, 8)) === Number(text[8]);
}

/** Luhn check digit to append to `payload` (weights 2,1,2,… from the right of the payload). */
export function luhnCheckDigit(payload: string): number {
  const digits = digitsOf(payload);
  if (!digits) throw new RangeError(`not digits: ${JSON.stringify(payload)}`);
  let sum = 0;
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits[i] ?? 0;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function withLuhnCheckDigit(payload: string): string {
  return payload + String(luhnCheckDigit(payload));
}

export function isValidLuhn(text: string): boolean {
  return /^\d{2,}$/.test(text) && luhnCheckDigit(text.slice(0, -1)) === Number(text[text.length - 1]);
}

/** Swedish organisation numbers: 10 digits, Luhn over all ten, third digit at least 2. */
export function isValidSwedishOrgNumber(text: string): boolean {
  return /^\d{2}[2-9]\d{7}$/.test(text) && isValidLuhn(text);
}

export function germanVatIdCheckDigit(firstEight: string): number {
  const digits = digitsOf(firstEight);
  if (!digits || digits.length !== 8) throw new RangeError(`need 8 digits: ${JSON.stringify(firstEight)}`);
  let product = 10;
  for (const d of digits) {
    let sum = (d + product) % 10;
    if (sum === 0) sum = 10;
    product = (2 * sum) % 11;
  }
  const check = 11 - product;
  return check === 10 ? 0 : check;
}

export function isValidGermanVatId(text: string): boolean {
  return /^DE\d{9}$/.test(text) && germanVatIdCheckDigit(text.slice(2, 10)) === Number(text[10]);
}
