/**
 * SG Finans K12 phone (issue 12, item 7): spaces and punctuation are stripped before fitting the
 * 12 characters; a number that still does not fit is left out with a warning naming the
 * customer, never cut.
 */
import { describe, expect, it } from 'vitest';
import { sgfPhone } from '../../../../src/core/formats/systems/sg-finans/sg-finans.ts';
import { formatOf } from '../../../helpers/loaded-formats.ts';
import { factoringCompany, PAYROLL_CONTEXT, SG_FINANS_SETTINGS } from './payroll-company.ts';
import { messageOf } from '../../../helpers/english-issue.ts';

describe('sgfPhone', () => {
  it.each([
    ['+47 95 65 98 12', '+4795659812'],
    ['22 00 00 00', '22000000'],
    ['(+47) 915-55-123', '+4791555123'],
    ['915.55.123', '91555123'],
    ['+47 915 55 123', '+4791555123'],
    ['0047 95 65 98 12', '004795659812'],
    ['', ''],
    ['+44 (0)20 7946 0958', undefined],
    ['+47 22 00 00 00 ext 12', undefined],
    ['95 65 98 12 / 22 00 00 00', undefined],
    ['22 11 / 33 44', undefined],
  ])('%j → %j', (phone, expected) => {
    expect(sgfPhone(phone)).toBe(expected);
  });
});

describe('SG Finans K12 in the customer file', () => {
  const data = factoringCompany();
  const result = formatOf('sg-finans')!.generate(data, SG_FINANS_SETTINGS, PAYROLL_CONTEXT);
  const lines = Buffer.from(result.files[0]!.bytes).toString('latin1').split('\r\n');
  // K1–K11 take 1+4+4+9+11+35+20+30+4+23+20 = 161 characters.
  const k12 = (customerNumber: string) =>
    lines.find((l) => l.slice(9, 18) === customerNumber.padStart(9, '0'))!.slice(161, 173);

  it('writes the stripped number, left-aligned and blank-padded', () => {
    expect(k12('10005')).toBe('+4795659812 ');
  });

  it('leaves a number that does not fit blank, with a warning naming the customer', () => {
    expect(k12('10002')).toBe(' '.repeat(12));
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        code: 'phone-left-out',
        record: { kind: 'customer', key: '10002' },
        field: 'phone',
      }),
    );
    expect(messageOf(result.issues.find((i) => i.code === 'phone-left-out')!)).toContain('+44 (0)20 7946 0958');
  });

  it('no number is ever cut: every K12 is empty or a whole stripped phone number', () => {
    for (const customer of data.customers) {
      const line = lines.find((l) => l.slice(9, 18) === customer.number.padStart(9, '0'));
      if (!line) continue;
      expect(['', sgfPhone(customer.phone)]).toContain(line.slice(161, 173).trimEnd());
    }
  });
});
