import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp, type TestTenant } from '@fakturo/testing';
import { Fakturo, type FakturoOptions } from '../src/index';

/** A seller complete enough to issue documents (UStG §14(4), XRechnung's contact details). */
export const SELLER = {
  legalName: 'Nordlicht Software GmbH',
  address: { line1: 'Hafenstraße 12', postalCode: '20457', city: 'Hamburg', country: 'DE' },
  vatId: 'DE136695976',
  email: 'rechnung@nordlicht.example',
  phone: '+49 40 1234567',
  bankAccount: { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' },
};

export interface LiveApi {
  t: TestApp;
  baseUrl: string;
  /** An SDK client for a tenant (main by default) pointed at the listening API. */
  client: (options?: Partial<FakturoOptions>, tenant?: TestTenant) => Fakturo;
}

/**
 * The real API on this file's own database, listening on a free loopback port, so the SDK goes through
 * real HTTP (sockets, headers, problem+json) rather than Fastify's inject.
 */
export async function startLiveApi(options: Parameters<typeof createTestApp>[0] = {}): Promise<LiveApi> {
  const t = await createTestApp(options);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    t,
    baseUrl,
    client: (overrides = {}, tenant = t.main) =>
      new Fakturo({ apiKey: tenant.apiKey, baseUrl, ...overrides }),
  };
}

/** A fetch that records what it sent and lets a test decide, per call, to pass through or fake an answer. */
export function recordingFetch(
  behave: (
    call: number,
    url: string,
    init: RequestInit,
  ) => Promise<Response | undefined> | Response | undefined = () => undefined,
) {
  const calls: { url: string; method: string; headers: Record<string, string>; at: number }[] = [];
  const impl: typeof fetch = async (input, init = {}) => {
    const url = String(input);
    calls.push({
      url,
      method: init.method ?? 'GET',
      headers: { ...(init.headers as Record<string, string>) },
      at: performance.now(),
    });
    const faked = await behave(calls.length, url, init);
    return faked ?? fetch(input, init);
  };
  return { fetch: impl, calls };
}

export function problem(status: number, code: string, headers: Record<string, string> = {}): Response {
  return new Response(
    JSON.stringify({
      type: `https://docs.fakturo.dev/errors/${code}`,
      title: 'x',
      status,
      detail: code,
      code,
      requestId: `req_fake_${status}`,
    }),
    { status, headers: { 'content-type': 'application/problem+json', ...headers } },
  );
}
