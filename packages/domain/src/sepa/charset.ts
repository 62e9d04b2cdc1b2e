/**
 * The SEPA character set (EPC217-08, "Latin character set" every SEPA bank must accept):
 * a–z A–Z 0–9 / - ? : ( ) . , ' + and space. Names and remittance text outside it are transliterated before
 * they go into a payment file — a bank may reject the whole file for one "ü" — and identifiers (message id,
 * end-to-end id, mandate reference) must be in it already, without a leading or trailing "/" and without "//".
 */

const ALLOWED = /^[A-Za-z0-9/\-?:().,'+ ]*$/;

/** Letters that Unicode decomposition does not reduce to Latin letters, and the German umlauts (ä → ae). */
const LETTERS: Record<string, string> = {
  Ä: 'Ae',
  Ö: 'Oe',
  Ü: 'Ue',
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  ẞ: 'SS',
  Æ: 'AE',
  æ: 'ae',
  Œ: 'OE',
  œ: 'oe',
  Ø: 'O',
  ø: 'o',
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ð: 'D',
  ð: 'd',
  Þ: 'TH',
  þ: 'th',
  ı: 'i',
  ĸ: 'k',
  Ŋ: 'N',
  ŋ: 'n',
};

/** Punctuation with a close equivalent in the set; anything else unknown becomes a space. */
const PUNCTUATION: Record<string, string> = {
  '&': '+',
  _: '-',
  '–': '-',
  '—': '-',
  '‐': '-',
  '"': "'",
  '„': "'",
  '“': "'",
  '”': "'",
  '‚': "'",
  '‘': "'",
  '’': "'",
  '`': "'",
  '´': "'",
  '«': "'",
  '»': "'",
  ';': ',',
  '!': '.',
  '*': '.',
  '=': '-',
  '[': '(',
  ']': ')',
  '{': '(',
  '}': ')',
  '<': '(',
  '>': ')',
  '\\': '/',
  '|': '/',
  '€': 'EUR',
  '@': '(at)',
  '#': 'Nr.',
  '%': 'Pct',
};

const UPPER = /^\p{Lu}$/u;
const LETTER = /^\p{L}$/u;

/** An upper-case letter written as two: all capitals within a capitalised word (MÜLLER → MUELLER), else Ue. */
function capitalised(letters: string, before: string | undefined, after: string | undefined): string {
  const capitals =
    after !== undefined && LETTER.test(after)
      ? UPPER.test(after)
      : before !== undefined && UPPER.test(before);
  return capitals ? letters.toUpperCase() : letters[0]! + letters.slice(1).toLowerCase();
}

/** True when every character of `text` is in the SEPA character set. */
export function inSepaCharset(text: string): boolean {
  return ALLOWED.test(text);
}

/**
 * Transliterates free text (names, addresses, remittance) into the SEPA character set: umlauts to two letters
 * (Müller → Mueller), other accents dropped (José → Jose), known punctuation mapped (& → +), the rest
 * replaced by spaces; whitespace collapsed, and cut to `maxLength` (70 for names, 140 for remittance).
 * The result may be empty when nothing of the text is Latin: callers decide whether that is acceptable.
 */
export function toSepaText(text: string, maxLength: number): string {
  // NFKC first: an umlaut typed or copied decomposed (u + combining diaeresis, as macOS and PDF text give
  // it) is one ü again and becomes "ue", not "u"; compatibility forms (the ligature ﬁ, full-width Ｍ) are
  // their plain letters instead of spaces
  const chars = [...text.normalize('NFKC')];
  let out = '';
  for (const [i, ch] of chars.entries()) {
    if (ALLOWED.test(ch)) {
      out += ch;
      continue;
    }
    const letters = LETTERS[ch];
    if (letters !== undefined) {
      out +=
        letters.length > 1 && UPPER.test(ch) ? capitalised(letters, chars[i - 1], chars[i + 1]) : letters;
      continue;
    }
    const mapped = PUNCTUATION[ch];
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    // NFD splits "é" into "e" and a combining accent; keep only what is left in the set
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
    out += base !== ch && ALLOWED.test(base) ? base : ' ';
  }
  return out.replace(/\s+/g, ' ').trim().slice(0, maxLength).trim();
}

/**
 * SEPA identifiers (EPC: message, payment information and end-to-end ids, mandate reference): 1–35
 * characters of the set, no leading or trailing "/", no "//". Spaces are allowed by the set but not here:
 * banks compare these ids literally and trim spaces.
 */
export function isSepaIdentifier(id: string): boolean {
  return (
    id.length >= 1 &&
    id.length <= 35 &&
    /^[A-Za-z0-9/\-?:().,'+]+$/.test(id) &&
    !id.startsWith('/') &&
    !id.endsWith('/') &&
    !id.includes('//')
  );
}

/** A Fakturo id (`sepc_01J…`) as a SEPA identifier: the underscore is not in the set, a hyphen is. */
export function sepaIdOf(id: string): string {
  return id.replaceAll('_', '-');
}
