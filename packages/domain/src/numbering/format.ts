/**
 * Number formats (DOMAIN.md §2): literal text with the tokens {YYYY}, {YY}, {MM} and {SEQ:n} (sequence
 * zero-padded to n digits), e.g. `RE-{YYYY}-{SEQ:5}` → `RE-2026-00042`.
 */
const TOKEN = /\{(YYYY|YY|MM|SEQ(?::(\d{1,2}))?)\}/g;

export interface FormatProblem {
  code: 'number_format_invalid';
  message: string;
}

export function validateNumberFormat(format: string): FormatProblem | null {
  if (format.length === 0 || format.length > 60) {
    return { code: 'number_format_invalid', message: 'must have 1 to 60 characters' };
  }
  const tokens = [...format.matchAll(TOKEN)].map((m) => m[1]!);
  const seq = tokens.filter((t) => t.startsWith('SEQ'));
  if (seq.length !== 1)
    return { code: 'number_format_invalid', message: 'must contain {SEQ} or {SEQ:n} exactly once' };
  const stripped = format.replace(TOKEN, '');
  if (/[{}]/.test(stripped)) return { code: 'number_format_invalid', message: 'contains an unknown {token}' };
  if (tokens.includes('MM') && !tokens.some((t) => t === 'YYYY' || t === 'YY')) {
    return {
      code: 'number_format_invalid',
      message: '{MM} needs {YYYY} or {YY} too, or numbers would repeat',
    };
  }
  return null;
}

/**
 * The counter a format draws from: a format with a year restarts every year (and with a month, every
 * month), so the range key carries those parts. `date` is the document's calendar date `YYYY-MM-DD`.
 */
export function rangeKey(base: string, format: string, date: string): string {
  const parts = [base];
  if (/\{YY(YY)?\}/.test(format)) parts.push(date.slice(0, 4));
  if (format.includes('{MM}')) parts.push(date.slice(5, 7));
  return parts.join(':');
}

export function formatNumber(format: string, date: string, sequence: number): string {
  return format.replace(TOKEN, (_match, token: string, width?: string) => {
    if (token === 'YYYY') return date.slice(0, 4);
    if (token === 'YY') return date.slice(2, 4);
    if (token === 'MM') return date.slice(5, 7);
    return String(sequence).padStart(width ? Number(width) : 1, '0');
  });
}
