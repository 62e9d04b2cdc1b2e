import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Encryption at rest for secrets Fakturo must be able to read back (webhook signing secrets, later PSP
 * keys) — unlike API keys, which are only ever compared and so are stored hashed.
 *
 * AES-256-GCM with a 32-byte key from `FAKTURO_ENCRYPTION_KEY` (base64 or hex). Outside production a
 * missing key is generated once and kept in `FAKTURO_DATA_DIR/encryption-key` (mode 0600), so `npm start`
 * works on a fresh machine and restarts can still read what they stored; production refuses to start
 * without the variable rather than silently inventing a key nobody backs up.
 *
 * Stored form: `v1.<key id>.<iv>.<ciphertext>.<tag>` (base64url parts). The key id (first 8 hex digits of
 * SHA-256 of the key) makes "this was encrypted with another key" a clear error instead of a bare
 * authentication failure. Each value is bound to its row through the GCM additional data (`context`, e.g.
 * `webhook_endpoint:we_…`), so a ciphertext copied into another row does not decrypt.
 */

export const ENCRYPTION_KEY_ENV = 'FAKTURO_ENCRYPTION_KEY';
export const ENCRYPTION_KEY_FILE = 'encryption-key';

interface Key {
  bytes: Buffer;
  id: string;
}

let current: Key | null = null;

function toKey(bytes: Buffer): Key {
  return { bytes, id: createHash('sha256').update(bytes).digest('hex').slice(0, 8) };
}

/** A 32-byte key written as base64 (44 characters) or hex (64 characters). */
export function parseEncryptionKey(raw: string): Buffer {
  const text = raw.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (bytes.length !== 32 || (!/^[0-9a-fA-F]{64}$/.test(text) && bytes.toString('base64') !== text)) {
    throw new Error(
      `${ENCRYPTION_KEY_ENV} must be 32 random bytes as base64 or hex, e.g. the output of \`openssl rand -base64 32\`.`,
    );
  }
  return bytes;
}

export interface KeySource {
  env?: NodeJS.ProcessEnv;
  /** Where a development key is kept; default `FAKTURO_DATA_DIR` or `./.data`. */
  dataDir?: string;
}

/**
 * Loads the key (call once at start-up so a bad or missing key stops the process early). Returns where the
 * key came from, for the start-up log.
 */
export function loadEncryptionKey(source: KeySource = {}): {
  origin: 'env' | 'file' | 'generated';
  path?: string;
} {
  const env = source.env ?? process.env;
  const raw = env[ENCRYPTION_KEY_ENV];
  if (raw) {
    current = toKey(parseEncryptionKey(raw));
    return { origin: 'env' };
  }
  if (env.NODE_ENV === 'production') {
    throw new Error(`${ENCRYPTION_KEY_ENV} is required in production (32 random bytes, base64 or hex).`);
  }
  const dir = resolve(source.dataDir ?? (env.FAKTURO_DATA_DIR || './.data'));
  const path = join(dir, ENCRYPTION_KEY_FILE);
  try {
    current = toKey(parseEncryptionKey(readFileSync(path, 'utf8')));
    return { origin: 'file', path };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dir, { recursive: true });
  try {
    // 'wx': when API and worker start together, one writes the key and the other reads it
    writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  current = toKey(parseEncryptionKey(readFileSync(path, 'utf8')));
  return { origin: 'generated', path };
}

/** Sets the key directly (tests, tools); `null` forgets it so the next use loads it again. */
export function setEncryptionKey(key: Buffer | null): void {
  if (key && key.length !== 32) throw new Error('the encryption key must be 32 bytes');
  current = key ? toKey(key) : null;
}

function key(): Key {
  if (!current) loadEncryptionKey();
  return current!;
}

export function encryptSecret(plaintext: string, context: string): string {
  const k = key();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', k.bytes, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [
    'v1',
    k.id,
    iv.toString('base64url'),
    ciphertext.toString('base64url'),
    tag.toString('base64url'),
  ].join('.');
}

export function decryptSecret(stored: string, context: string): string {
  const k = key();
  const [version, keyId, iv, ciphertext, tag] = stored.split('.');
  if (version !== 'v1' || !keyId || iv === undefined || ciphertext === undefined || tag === undefined) {
    throw new Error('not an encrypted secret of a known format');
  }
  if (keyId !== k.id) {
    throw new Error(
      `this secret was encrypted with key ${keyId}, but ${ENCRYPTION_KEY_ENV} is key ${k.id}; restore the original key`,
    );
  }
  const decipher = createDecipheriv('aes-256-gcm', k.bytes, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
    'utf8',
  );
}
