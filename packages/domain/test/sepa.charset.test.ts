import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inSepaCharset, isSepaIdentifier, sepaIdOf, toSepaText } from '../src/sepa/charset';

describe('sepa charset: names and remittance in the SEPA character set', () => {
  it('writes umlauts as two letters, drops accents and maps punctuation', () => {
    expect(toSepaText('Müller & Söhne GmbH', 70)).toBe('Mueller + Soehne GmbH');
    expect(toSepaText('Straße der Einheit', 70)).toBe('Strasse der Einheit');
    expect(toSepaText('Ärger Öl Übel äöü ß', 70)).toBe('Aerger Oel Uebel aeoeue ss');
    // within a word in capitals, in capitals
    expect(toSepaText('ÄÖÜ MÜLLER', 70)).toBe('AEOEUE MUELLER');
    expect(toSepaText('José Ñúñez, Łódź, Ørsted, Æble', 70)).toBe('Jose Nunez, Lodz, Orsted, Aeble');
    expect(toSepaText('„Quote“ – «x» <y>', 70)).toBe("'Quote' - 'x' (y)");
    expect(toSepaText('Order #42: 100 % @ shop', 70)).toBe('Order Nr.42: 100 Pct (at) shop');
  });

  it('replaces what it cannot map by spaces, collapses them and may leave nothing', () => {
    expect(toSepaText('A\tB\n\nC', 70)).toBe('A B C');
    expect(toSepaText('Tanaka 田中 GmbH', 70)).toBe('Tanaka GmbH');
    expect(toSepaText('山田', 70)).toBe('');
  });

  it('cuts to the maximum length without a trailing space', () => {
    expect(toSepaText('ab cd', 3)).toBe('ab');
    expect(toSepaText('ä'.repeat(50), 70)).toHaveLength(70);
  });

  it('always yields text of the set, at most as long as asked, for any input', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.integer({ min: 1, max: 140 }),
        (s, max) => {
          const out = toSepaText(s, max);
          expect(inSepaCharset(out)).toBe(true);
          expect(out.length).toBeLessThanOrEqual(max);
          expect(out).toBe(out.trim());
        },
      ),
    );
  });

  it('identifiers: 1–35 characters of the set, no spaces, no leading, trailing or double slash', () => {
    expect(isSepaIdentifier('RE-2026-00001')).toBe(true);
    expect(isSepaIdentifier('A/B')).toBe(true);
    for (const bad of ['', '/AB', 'AB/', 'A//B', 'A B', 'A_B', 'Ä1', 'X'.repeat(36)]) {
      expect(isSepaIdentifier(bad), bad).toBe(false);
    }
    expect(sepaIdOf('sepc_01JD3Y8WQ4XK0R5N6S7T8V9W0A')).toBe('sepc-01JD3Y8WQ4XK0R5N6S7T8V9W0A');
    expect(isSepaIdentifier(sepaIdOf('sepi_01JD3Y8WQ4XK0R5N6S7T8V9W0A'))).toBe(true);
  });
});
