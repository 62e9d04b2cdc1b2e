import { describe, expect, it } from 'vitest';
import { matchesEventType } from '../src/webhooks/rules';
import { failingTooLong, nextAttemptAt, outcomeOf, RETRY_DELAYS_MS } from '../src/webhooks/schedule';

const T0 = new Date('2026-03-01T10:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;

describe('webhook retry schedule', () => {
  it('retries immediately, then after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then gives up', () => {
    expect(RETRY_DELAYS_MS).toEqual([0, 5 * S, 5 * MIN, 30 * MIN, 2 * H, 5 * H, 10 * H, 10 * H]);
    const expected = [0, 5 * S, 5 * MIN, 30 * MIN, 2 * H, 5 * H, 10 * H, 10 * H];
    expected.forEach((delay, i) => {
      expect(nextAttemptAt(T0, i + 1)).toEqual(at(delay));
    });
    expect(nextAttemptAt(T0, 9)).toBeNull();
  });

  it('gives a manual retry a single attempt', () => {
    expect(nextAttemptAt(T0, 1, false)).toBeNull();
  });

  it('treats 2xx as success, 410 as gone, and everything else (3xx too) as failure', () => {
    expect(outcomeOf(200)).toBe('succeeded');
    expect(outcomeOf(204)).toBe('succeeded');
    expect(outcomeOf(299)).toBe('succeeded');
    expect(outcomeOf(301)).toBe('failed');
    expect(outcomeOf(410)).toBe('gone');
    expect(outcomeOf(500)).toBe('failed');
    expect(outcomeOf(null)).toBe('failed');
  });

  it('disables an endpoint after 5 days of failure, not a millisecond earlier', () => {
    expect(failingTooLong(null, T0)).toBe(false);
    expect(failingTooLong(T0, at(5 * 24 * H - 1))).toBe(false);
    expect(failingTooLong(T0, at(5 * 24 * H))).toBe(true);
  });
});

describe('webhook event filters', () => {
  it('matches exact types, prefixes and *', () => {
    expect(matchesEventType(['*'], 'invoice.paid')).toBe(true);
    expect(matchesEventType(['invoice.*'], 'invoice.paid')).toBe(true);
    expect(matchesEventType(['invoice.*'], 'invoice_item.created')).toBe(false);
    expect(matchesEventType(['invoice.paid'], 'invoice.paid')).toBe(true);
    expect(matchesEventType(['invoice.paid'], 'invoice.sent')).toBe(false);
    expect(matchesEventType(['contact.*', 'invoice.paid'], 'contact.created')).toBe(true);
    expect(matchesEventType([], 'contact.created')).toBe(false);
  });
});
