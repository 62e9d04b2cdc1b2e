import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ChainedEntry,
  canonicalJson,
  entryHash,
  entryHashOfText,
  GENESIS_HASH,
  unsealedBytes,
  unsealedText,
} from '../src/audit/chain';

const entry = (overrides: Partial<ChainedEntry> = {}): ChainedEntry => ({
  organizationId: 'org_01',
  seq: 1,
  id: 'aud_01',
  actor: { type: 'api_key', id: 'key_01' },
  action: 'invoice.finalized',
  resourceType: 'invoice',
  resourceId: 'doc_01',
  before: { status: 'draft', number: null },
  after: { status: 'finalized', number: 'RE-2026-00001', grossTotal: 11900 },
  requestId: 'req_01',
  createdAt: '2026-05-04T12:00:00.000Z',
  ...overrides,
});

/** The same object with its keys in reverse order, as jsonb may hand it back. */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reordered(v)]),
  );
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson('ä"\\')).toBe(JSON.stringify('ä"\\'));
  });

  it('is one text per value whatever the key order (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const plain = JSON.parse(JSON.stringify(value));
        expect(canonicalJson(reordered(plain))).toBe(canonicalJson(plain));
        expect(JSON.parse(canonicalJson(plain))).toEqual(plain);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson({ amount: Number.NaN })).toThrow(RangeError);
  });
});

describe('entryHash', () => {
  it('is SHA-256 hex, stable, and independent of key order', () => {
    const hash = entryHash(GENESIS_HASH, entry());
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(entryHash(GENESIS_HASH, reordered(entry()) as ChainedEntry)).toBe(hash);
  });

  it('changes with any field of the entry and with the previous hash', () => {
    const hash = entryHash(GENESIS_HASH, entry());
    const changes: Partial<ChainedEntry>[] = [
      { seq: 2 },
      { action: 'invoice.cancelled' },
      { actor: { type: 'api_key', id: 'key_02' } },
      { after: { status: 'finalized', number: 'RE-2026-00001', grossTotal: 11901 } },
      { before: null },
      { requestId: null },
      { createdAt: '2026-05-04T12:00:00.001Z' },
    ];
    for (const change of changes) expect(entryHash(GENESIS_HASH, entry(change))).not.toBe(hash);
    expect(entryHash('f'.repeat(64), entry())).not.toBe(hash);
  });
});

describe('entryHashOfText', () => {
  it('is the entry hash, from the text or bytes kept before the entry had its seq (property)', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.jsonValue(),
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        // any UTF-16 text, lone surrogates included: the kept bytes are the UTF-8 of the escaped JSON
        fc.option(fc.string({ unit: 'binary' }), { nil: null }),
        (before, after, seq, requestId) => {
          const { seq: _, ...content } = entry({
            before: JSON.parse(JSON.stringify(before) ?? 'null'),
            after: JSON.parse(JSON.stringify(after) ?? 'null'),
            requestId,
          });
          const hash = entryHash(GENESIS_HASH, { ...content, seq });
          expect(entryHashOfText(GENESIS_HASH, unsealedText(content), seq)).toBe(hash);
          // what the sealer keeps (audit/service.ts Sealer.remember)
          expect(entryHashOfText(GENESIS_HASH, unsealedBytes(content), seq)).toBe(hash);
        },
      ),
      { numRuns: 300 },
    );
  });
});
