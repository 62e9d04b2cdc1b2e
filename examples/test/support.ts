import type { AddressInfo } from 'node:net';
import { Fakturo } from '@fakturo/sdk';
import { createTestApp, type TestApp } from '@fakturo/testing';

/** The real API on this test file's own database, listening on a free loopback port like `npm start`. */
export async function startLiveApi(): Promise<{ t: TestApp; baseUrl: string; fakturo: Fakturo }> {
  const t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return { t, baseUrl, fakturo: new Fakturo({ apiKey: t.main.apiKey, baseUrl }) };
}
