import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';

describe('FAKTURO_TRUST_PROXY', () => {
  it('trusts no proxy unless told; true, or the proxies by address and range', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ FAKTURO_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ FAKTURO_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ FAKTURO_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
    ]);
  });

  it('refuses what is none of these, instead of trusting something else', () => {
    // a hop count would silently trust no one in Fastify
    expect(() => loadConfig({ FAKTURO_TRUST_PROXY: '2' })).toThrow(/not a hop count/);
    expect(() => loadConfig({ FAKTURO_TRUST_PROXY: 'loopback' })).toThrow(/FAKTURO_TRUST_PROXY/);
    expect(() => loadConfig({ FAKTURO_TRUST_PROXY: '10.0.0.0/8; rm -rf' })).toThrow(/FAKTURO_TRUST_PROXY/);
  });
});
