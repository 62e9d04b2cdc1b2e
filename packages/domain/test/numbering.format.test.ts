import { describe, expect, it } from 'vitest';
import { formatNumber, rangeKey, validateNumberFormat } from '../src/numbering/format';
import { DEFAULT_NUMBER_FORMATS } from '../src/organizations/types';

describe('numbering: format tokens', () => {
  it('fills {YYYY}, {YY}, {MM} from the document date and pads {SEQ:n}', () => {
    expect(formatNumber('RE-{YYYY}-{SEQ:5}', '2026-03-05', 42)).toBe('RE-2026-00042');
    expect(formatNumber('{YY}{MM}-{SEQ:3}', '2026-03-05', 7)).toBe('2603-007');
    expect(formatNumber('K-{SEQ}', '2026-03-05', 17)).toBe('K-17');
    expect(formatNumber('INV/{YYYY}/{MM}/{SEQ:2}', '2025-12-31', 3)).toBe('INV/2025/12/03');
  });

  it('never cuts a sequence longer than its padding', () => {
    expect(formatNumber('RE-{SEQ:3}', '2026-01-01', 12_345)).toBe('RE-12345');
  });

  it('accepts the default formats and sensible custom ones', () => {
    for (const format of Object.values(DEFAULT_NUMBER_FORMATS))
      expect(validateNumberFormat(format), format).toBeNull();
    expect(validateNumberFormat('{SEQ}')).toBeNull();
    expect(validateNumberFormat('{YY}{MM}-{SEQ:4}')).toBeNull();
    expect(validateNumberFormat('A'.repeat(55) + '{SEQ}')).toBeNull(); // 60 characters
  });

  it('refuses formats that would not give unique numbers or contain unknown tokens', () => {
    const invalid = [
      '', // empty
      `${'A'.repeat(56)}{SEQ}`, // 61 characters
      'RE-{YYYY}', // no sequence
      '{SEQ}-{SEQ:2}', // two sequences
      '{FOO}-{SEQ}', // unknown token
      'RE-{SEQ:5', // unclosed brace
      'RE-{SEQ:5}}', // stray brace
      '{MM}-{SEQ}', // month without year repeats every year
      '{SEQ:123}', // padding of three digits
    ];
    for (const format of invalid) {
      expect(validateNumberFormat(format), format).toMatchObject({
        code: 'number_format_invalid',
        message: expect.any(String),
      });
    }
  });
});

describe('numbering: range keys', () => {
  it('keeps one counter for a format without a date', () => {
    expect(rangeKey('customer', 'K-{SEQ:5}', '2026-03-05')).toBe('customer');
    expect(rangeKey('customer', 'K-{SEQ:5}', '2027-01-01')).toBe('customer');
  });

  it('restarts every year when the format has a year ({YYYY} or {YY})', () => {
    expect(rangeKey('invoice', 'RE-{YYYY}-{SEQ:5}', '2026-03-05')).toBe('invoice:2026');
    expect(rangeKey('invoice', 'RE-{YYYY}-{SEQ:5}', '2026-12-31')).toBe('invoice:2026');
    expect(rangeKey('invoice', 'RE-{YYYY}-{SEQ:5}', '2027-01-01')).toBe('invoice:2027');
    // {YY} keys by the full year, so 2026 and 2126 never share a counter
    expect(rangeKey('invoice', 'RE-{YY}-{SEQ:5}', '2026-03-05')).toBe('invoice:2026');
  });

  it('restarts every month when the format has a month too', () => {
    expect(rangeKey('invoice', 'RE-{YYYY}{MM}-{SEQ:3}', '2026-03-05')).toBe('invoice:2026:03');
    expect(rangeKey('invoice', 'RE-{YYYY}{MM}-{SEQ:3}', '2026-04-01')).toBe('invoice:2026:04');
  });
});
