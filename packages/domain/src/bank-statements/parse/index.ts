/**
 * One entry point for statement files: decoding the bytes, recognising the format, and parsing it into the
 * normalised statement (model.ts). camt is recognised by its XML namespace, MT940 by its leading `:20:`
 * field; CSV has no signature, so it is parsed only when the caller says so and gives the column mapping.
 */
import { parseCamt } from './camt';
import { fileError, MAX_FILE_BYTES } from './common';
import { parseCsv } from './csv';
import type { CsvOptions, ParsedFile } from './model';
import { looksLikeMt940, parseMt940 } from './mt940';

export { CAMT_VERSIONS, parseCamt } from './camt';
export { MAX_FILE_BYTES, MAX_TRANSACTIONS } from './common';
export { parseCsv } from './csv';
export * from './model';
export { DK_RETURN_REASONS, parseMt940, RETURN_GVCS } from './mt940';

/** Refuses a statement file over MAX_FILE_BYTES — callers holding only its size check before reading it. */
export function checkFileSize(bytes: number): void {
  if (bytes > MAX_FILE_BYTES) {
    throw fileError(
      'bank_statement_too_large',
      `A statement file may have at most ${MAX_FILE_BYTES / 1024 / 1024} MiB.`,
    );
  }
}

export const FORMAT_HINTS = ['camt', 'mt940', 'csv'] as const;
export type FormatHint = (typeof FORMAT_HINTS)[number];

export interface ParseOptions {
  /** What the caller says the file is; detected from the content when absent (CSV must be named). */
  format?: FormatHint;
  csv?: CsvOptions;
}

/** The format a text is in, from its content; null when it is neither XML nor MT940. */
export function detectFormat(text: string): 'camt' | 'mt940' | null {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<')) return 'camt';
  if (looksLikeMt940(start)) return 'mt940';
  return null;
}

export async function parseStatementFile(text: string, options: ParseOptions = {}): Promise<ParsedFile> {
  if (text.trim() === '') throw fileError('bank_statement_empty', 'The file is empty.');
  if (options.format === 'csv' || (options.format === undefined && options.csv)) {
    if (!options.csv) {
      throw fileError(
        'csv_mapping_required',
        'A CSV statement needs its column mapping: at least the booking date and the amount columns.',
        'csv.columns',
      );
    }
    return parseCsv(text, options.csv);
  }
  const detected = detectFormat(text);
  if (detected === null) {
    throw fileError(
      'bank_statement_format_unknown',
      'The file is neither camt XML nor MT940 (which starts with :20:); for a CSV export give format=csv and the column mapping.',
    );
  }
  if (options.format && options.format !== detected) {
    throw fileError(
      'bank_statement_format_mismatch',
      `The file was sent as ${options.format} but its content is ${detected === 'camt' ? 'camt XML' : 'MT940'}.`,
      'format',
    );
  }
  return detected === 'camt' ? parseCamt(text) : parseMt940(text);
}

/**
 * Bytes of an uploaded file as text. The charset comes from the transport (`Content-Type: …; charset=`),
 * else a byte order mark, else the XML declaration; without any, UTF-8 — and when the bytes are not valid
 * UTF-8, Windows-1252, which is what German banks' MT940 and CSV exports are written in (ISO 8859-1 is its
 * subset). A declared charset must decode cleanly.
 */
export function decodeStatementFile(bytes: Uint8Array, charset?: string | null): string {
  checkFileSize(bytes.byteLength);
  let label = charset?.trim().toLowerCase() || null;
  if (!label) {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) label = 'utf-8';
    else if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le';
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
  }
  if (!label) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
    label =
      /^\s*<\?xml[^>]*\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase() ?? null;
    // A declaration readable byte by byte is not UTF-16 (which would need a byte order mark here, XML 1.0
    // §4.3.3): decoded as UTF-16 the bytes only become other text, and the format could not be told.
    if (label?.startsWith('utf-16') || label === 'utf16') {
      throw fileError(
        'encoding_invalid',
        `The XML declaration says ${label}, but the file is written in an 8-bit encoding (such as UTF-8); correct the declaration.`,
      );
    }
  }
  if (label) {
    let decoder: InstanceType<typeof TextDecoder>;
    try {
      decoder = new TextDecoder(label, { fatal: true });
    } catch {
      throw fileError(
        'encoding_unsupported',
        `The character set '${label}' is not supported; send UTF-8 or ISO-8859-1.`,
      );
    }
    try {
      return decoder.decode(bytes);
    } catch {
      throw fileError('encoding_invalid', `The file is not valid ${label}.`);
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
