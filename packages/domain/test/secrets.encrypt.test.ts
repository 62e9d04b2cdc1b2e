import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  decryptSecret,
  encryptSecret,
  loadEncryptionKey,
  parseEncryptionKey,
  setEncryptionKey,
} from '../src/crypto/secrets';

afterEach(() => setEncryptionKey(null));

describe('secrets at rest: AES-256-GCM', () => {
  it('round-trips, and never stores the plain text', () => {
    setEncryptionKey(randomBytes(32));
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const stored = encryptSecret(secret, 'webhook_endpoint:we_1');
    expect(stored).toMatch(/^v1\.[0-9a-f]{8}\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(stored).not.toContain('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
    expect(encryptSecret(secret, 'webhook_endpoint:we_1')).not.toBe(stored); // fresh IV every time
    expect(decryptSecret(stored, 'webhook_endpoint:we_1')).toBe(secret);
  });

  it('binds a value to its row: copied into another row it does not decrypt', () => {
    setEncryptionKey(randomBytes(32));
    const stored = encryptSecret('whsec_abc', 'webhook_endpoint:we_1');
    expect(() => decryptSecret(stored, 'webhook_endpoint:we_2')).toThrow();
  });

  it('names the key a value needs when another key is loaded', () => {
    setEncryptionKey(randomBytes(32));
    const stored = encryptSecret('whsec_abc', 'ctx');
    setEncryptionKey(randomBytes(32));
    expect(() => decryptSecret(stored, 'ctx')).toThrow(/encrypted with key [0-9a-f]{8}/);
  });

  it('takes FAKTURO_ENCRYPTION_KEY as base64 or hex and refuses anything else', () => {
    const key = randomBytes(32);
    expect(parseEncryptionKey(key.toString('base64'))).toEqual(key);
    expect(parseEncryptionKey(key.toString('hex'))).toEqual(key);
    expect(() => parseEncryptionKey('short')).toThrow(/32 random bytes/);
    expect(() => parseEncryptionKey(randomBytes(16).toString('base64'))).toThrow(/32 random bytes/);
    expect(loadEncryptionKey({ env: { FAKTURO_ENCRYPTION_KEY: key.toString('base64') } })).toEqual({
      origin: 'env',
    });
  });

  it('requires the key in production', () => {
    expect(() => loadEncryptionKey({ env: { NODE_ENV: 'production' } })).toThrow(/required in production/);
  });

  it('generates a development key once in the data folder (0600) and reads it back after a restart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fakturo-key-'));
    try {
      const first = loadEncryptionKey({ env: {}, dataDir: dir });
      expect(first).toEqual({ origin: 'generated', path: join(dir, 'encryption-key') });
      expect(statSync(first.path!).mode & 0o777).toBe(0o600);
      const stored = encryptSecret('whsec_dev', 'ctx');
      setEncryptionKey(null);
      expect(loadEncryptionKey({ env: {}, dataDir: dir })).toEqual({ origin: 'file', path: first.path });
      expect(decryptSecret(stored, 'ctx')).toBe('whsec_dev');
      expect(parseEncryptionKey(readFileSync(first.path!, 'utf8'))).toHaveLength(32);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
