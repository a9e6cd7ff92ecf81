/** Display formatting for the UI (files use the formats' own rules). */
import { formatMinor } from '../core/domain/money.ts';

export function money(minor: number, currency = ''): string {
  const text = formatMinor(minor, { thousandsSeparator: '\u202f', decimalSeparator: '.' });
  return currency ? `${text} ${currency}` : text;
}

export function hours(value: number): string {
  return value.toFixed(2);
}

export function bytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} kB`;
  if (size < 1024 ** 3) return `${(size / 1024 ** 2).toFixed(1)} MB`;
  return `${(size / 1024 ** 3).toFixed(2)} GB`;
}
