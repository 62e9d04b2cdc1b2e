/**
 * Does the text hold a character XML 1.0 cannot carry (§2.2 Char): a C0 control other than tab, line feed and
 * carriage return, U+FFFE, U+FFFF or half of a surrogate pair? Whatever a customer's or seller's name, an
 * address or a line says ends up in an e-invoice; one such character (Word's manual line break U+000B, a bell
 * pasted from a terminal) makes the XML malformed, and once the document is issued it cannot be changed.
 * NUL (U+0000) is one of them too.
 */
export function hasNonXmlCharacter(value: string): boolean {
  return NON_XML.test(value);
}

// Code units, not code points (no `u` flag): a lone surrogate is one the pattern can see. Every API request's
// strings pass this test (apps/api plugins/text-input.ts), so it is one native regular expression.
const NON_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what it is for
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const NON_XML_CHARACTER_MESSAGE =
  'contains a control character an e-invoice (XML) cannot carry; tab, line feed and carriage return are fine';
