import { describe, expect, it } from 'vitest';
import { withArticle } from '../src/errors';
import { sendRefusal } from '../src/sending/rules';

describe('withArticle', () => {
  it('puts "An" before a vowel and "A" before anything else', () => {
    expect(withArticle('accepted quote')).toBe('An accepted quote');
    expect(withArticle('expired quote')).toBe('An expired quote');
    expect(withArticle('invoice')).toBe('An invoice');
    expect(withArticle('cancelled invoice')).toBe('A cancelled invoice');
    expect(withArticle('declined quote')).toBe('A declined quote');
  });
});

describe('sendRefusal', () => {
  it('says why with the right article', () => {
    expect(sendRefusal('quote', 'expired')?.message).toBe('An expired quote is not sent.');
    expect(sendRefusal('invoice', 'cancelled')?.message).toBe(
      'A cancelled invoice is not sent; send its cancellation document instead.',
    );
  });
});
