import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSender, EXCERPT_BYTES, USER_AGENT } from '../src/webhooks/sender';

// The sender against a real HTTP server on 127.0.0.1: what an attempt records for each way an exchange ends.

type Route = (req: IncomingMessage, res: ServerResponse, body: string) => void;
const routes: Record<string, Route> = {
  '/echo': (req, res, body) =>
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ headers: req.headers, body })),
  // 100 KiB: more than the sender reads (64 KiB) before dropping the connection
  '/big': (_req, res) => res.writeHead(200).end('é'.repeat(50 * 1024)),
  // the status and part of the body, then nothing
  '/stall': (_req, res) => {
    res.writeHead(202);
    res.write('partial');
  },
  '/moved': (_req, res) => res.writeHead(301, { location: '/echo' }).end(),
};

const server = createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => {
    body += chunk;
  });
  req.on('end', () => (routes[req.url ?? ''] ?? ((_q, r) => r.writeHead(404).end()))(req, res, body));
});
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('webhooks sender', () => {
  it('POSTs the body with the JSON content type, its user agent and the given headers', async () => {
    const sender = createSender({ policy: { allowPrivate: true } });
    try {
      const result = await sender.send(`${base}/echo`, { 'webhook-id': 'evt_1' }, '{"a":"ü"}');
      expect(result).toMatchObject({ statusCode: 200, error: null });
      const echoed = JSON.parse(result.responseExcerpt!);
      expect(echoed.body).toBe('{"a":"ü"}');
      expect(echoed.headers).toMatchObject({
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        'webhook-id': 'evt_1',
        'content-length': String(Buffer.byteLength('{"a":"ü"}')),
      });
    } finally {
      await sender.close();
    }
  });

  it('keeps the first KiB of a long answer, never splitting a character, and stays usable after it', async () => {
    const sender = createSender({ policy: { allowPrivate: true } });
    try {
      const big = await sender.send(`${base}/big`, {}, '{}');
      expect(big).toMatchObject({ statusCode: 200, error: null });
      expect(Buffer.byteLength(big.responseExcerpt!)).toBeLessThanOrEqual(EXCERPT_BYTES);
      expect(big.responseExcerpt).toBe('é'.repeat(EXCERPT_BYTES / 2));
      expect(await sender.send(`${base}/echo`, {}, '{}')).toMatchObject({ statusCode: 200, error: null });
    } finally {
      await sender.close();
    }
  });

  it('records the status of an answer whose body stops coming, once the time limit is up', async () => {
    const sender = createSender({ policy: { allowPrivate: true }, timeoutMs: 300 });
    try {
      const stalled = await sender.send(`${base}/stall`, {}, '{}');
      expect(stalled).toMatchObject({ statusCode: 202, error: null, responseExcerpt: 'partial' });
      expect(stalled.durationMs).toBeGreaterThanOrEqual(290);
      expect(stalled.durationMs).toBeLessThan(1500);
    } finally {
      await sender.close();
    }
  });

  it('does not follow redirects, and names a refused connection', async () => {
    const sender = createSender({ policy: { allowPrivate: true } });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    try {
      expect(await sender.send(`${base}/moved`, {}, '{}')).toMatchObject({ statusCode: 301, error: null });
      expect(await sender.send(`http://127.0.0.1:${port}/hooks`, {}, '{}')).toMatchObject({
        statusCode: null,
        responseExcerpt: null,
        error: 'connection_refused',
      });
    } finally {
      await sender.close();
    }
  });
});
