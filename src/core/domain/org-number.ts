/**
 * Organisation numbers as each country writes them. Sweden writes `NNNNNN-NNNN`
 * (Bolagsverket; SIE's `#ORGNR` in the sie.se sample files); a 12-digit form with the century
 * prefix `16` that some registers use is shortened to the 10 digits. Norway writes the 9 digits
 * as they are. Anything else, or a number that does not have the right digit count, is returned
 * unchanged: checking is the validation rules' task, not this formatter's.
 */
export function formatOrgNumber(orgNumber: string, countryCode: string): string {
  if (countryCode.toUpperCase() !== 'SE') return orgNumber;
  const digits = orgNumber.replace(/\D/g, '');
  const ten = digits.length === 12 && digits.startsWith('16') ? digits.slice(2) : digits;
  return ten.length === 10 ? `${ten.slice(0, 6)}-${ten.slice(6)}` : orgNumber;
}
