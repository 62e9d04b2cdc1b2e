import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  generateSecret,
  secretKey,
  sign,
  signatureHeader,
  verify,
  webhookHeaders,
} from '../src/webhooks/signing';

describe('webhook signing: Standard Webhooks', () => {
  it('reproduces the reference test vector of the Standard Webhooks libraries', () => {
    // standard-webhooks/standard-webhooks, libraries/javascript/src/webhook.test.ts, "sign function works"
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const msgId = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
    const timestamp = 1614265330;
    const payload = '{"test": 2432232314}';
    expect(sign(secret, msgId, timestamp, payload)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
    // the prefix is optional for the key, as in the reference libraries
    expect(sign('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', msgId, timestamp, payload)).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('signs id.timestamp.body with the base64-decoded secret, not the secret text', () => {
    const secret = generateSecret();
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key).update('evt_1.1700000000.{"a":1}').digest('base64');
    expect(sign(secret, 'evt_1', 1700000000, '{"a":1}')).toBe(`v1,${expected}`);
    expect(secretKey(secret)).toEqual(key);
  });

  it('generates whsec_ secrets of 32 random bytes (the spec allows 24–64)', () => {
    const a = generateSecret();
    const b = generateSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(secretKey(a)).toHaveLength(32);
    expect(a).not.toBe(b);
  });

  it('carries one signature per secret, space-separated, and a receiver accepts either', () => {
    const current = generateSecret();
    const previous = generateSecret();
    const body = '{"id":"evt_1"}';
    const header = signatureHeader([current, previous], 'evt_1', 1700000000, body);
    const parts = header.split(' ');
    expect(parts).toEqual([
      sign(current, 'evt_1', 1700000000, body),
      sign(previous, 'evt_1', 1700000000, body),
    ]);
    const headers = { 'webhook-id': 'evt_1', 'webhook-timestamp': '1700000000', 'webhook-signature': header };
    const now = new Date(1700000000 * 1000);
    expect(verify(current, headers, body, { now })).toBe(true);
    expect(verify(previous, headers, body, { now })).toBe(true);
    expect(verify(generateSecret(), headers, body, { now })).toBe(false);
  });

  it('rejects a changed body, a stale timestamp or a missing header', () => {
    const secret = generateSecret();
    const headers = webhookHeaders([secret], 'evt_2', 1700000000, '{"a":1}');
    const now = new Date(1700000000 * 1000);
    expect(verify(secret, { ...headers }, '{"a":1}', { now })).toBe(true);
    expect(verify(secret, { ...headers }, '{"a":2}', { now })).toBe(false);
    expect(verify(secret, { ...headers }, '{"a":1}', { now: new Date((1700000000 + 301) * 1000) })).toBe(
      false,
    );
    expect(verify(secret, { ...headers, 'webhook-signature': undefined }, '{"a":1}', { now })).toBe(false);
  });
});
