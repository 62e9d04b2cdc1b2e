import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a test receiver got: the request exactly as it arrived. */
export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  path: string;
}

export type Respond = (request: Received, index: number) => number | { status: number; body?: string };

/**
 * A real HTTP receiver on 127.0.0.1 (node:http) for webhook tests: records every request and answers with
 * the status `respond` chooses (200 by default).
 */
export async function startReceiver(respond: Respond = () => 200) {
  const received: Received[] = [];
  let answer = respond;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        path: req.url ?? '/',
      };
      received.push(request);
      const reply = answer(request, received.length - 1);
      const { status, body } = typeof reply === 'number' ? { status: reply, body: 'ok' } : reply;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    respondWith(next: Respond) {
      answer = next;
    },
    /** Resolves once `count` requests arrived (polling; fails after `timeoutMs`). */
    async waitFor(count: number, timeoutMs = 15_000): Promise<Received[]> {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline)
          throw new Error(`expected ${count} webhook requests, got ${received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
