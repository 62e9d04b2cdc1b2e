import { describe, expect, it } from 'vitest';
import { quoteState } from '../src/documents/lifecycle';
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

describe('quoteState', () => {
  it('says why with the right article', () => {
    expect(quoteState('accepted', 'declined').message).toBe('An accepted quote cannot be declined.');
    expect(quoteState('expired', 'accepted').message).toBe('An expired quote cannot be accepted.');
    expect(quoteState('declined', 'accepted').message).toBe('A declined quote cannot be accepted.');
  });
});
