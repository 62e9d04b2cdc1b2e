/**
 * A webhook receiver: a plain node:http server that verifies each delivery's Standard Webhooks signature
 * with the SDK's `verifyWebhook` and logs the event.
 *
 *   FAKTURO_WEBHOOK_SECRET=whsec_… npm run example:webhook-receiver     # listens on http://127.0.0.1:4000
 *
 * Register http://127.0.0.1:4000/ as a webhook endpoint in Fakturo (loopback URLs need
 * FAKTURO_WEBHOOK_ALLOW_PRIVATE=true on the API) and use the `whsec_…` secret it shows once.
 * WEBHOOK_RECEIVER_PORT chooses the port (default 4000); it listens on 127.0.0.1 only.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook, type WebhookEvent, WebhookVerificationError } from '@fakturo/sdk';
import { isEntryPoint } from './env';

/** Deliveries are small (one event); anything far larger is not one of ours. */
const MAX_BODY_BYTES = 1024 * 1024;
/** Deliveries can arrive more than once (a retry after a lost answer): remember recent ids to act once. */
const REMEMBERED_IDS = 10_000;

export interface ReceiverOptions {
  /** The endpoint's `whsec_…` secret; FAKTURO_WEBHOOK_SECRET when omitted. Several while rotating. */
  secret?: string | string[];
  port?: number;
  host?: string;
  log?: (line: string) => void;
  /** Your handling of a verified event; logging only by default. */
  onEvent?: (event: WebhookEvent) => void | Promise<void>;
}

export interface Receiver {
  server: Server;
  url: string;
  close: () => Promise<void>;
}

class BodyTooLarge extends Error {}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Starts the receiver; resolves once it listens.
 *
 * @example
 * ```ts
 * const receiver = await main({ secret: 'whsec_…', port: 0, onEvent: (event) => queue.push(event) });
 * console.log(receiver.url);
 * await receiver.close();
 * ```
 */
export async function main(options: ReceiverOptions = {}): Promise<Receiver> {
  const secret = options.secret ?? process.env.FAKTURO_WEBHOOK_SECRET;
  if (!secret || secret.length === 0) {
    throw new Error('Set FAKTURO_WEBHOOK_SECRET to the endpoint’s whsec_… secret.');
  }
  const log = options.log ?? console.log;
  const seen = new Set<string>();

  const server = createServer(async (request, response) => {
    if (request.method !== 'POST') {
      response.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    try {
      // Verify the raw bytes as received: parsing and re-serialising the JSON would change them.
      const body = await readBody(request);
      const event = verifyWebhook(body, request.headers, secret);
      const id = String(request.headers['webhook-id']);
      if (seen.has(id)) {
        log(`duplicate ${id} (${event.type}) ignored`);
      } else {
        await options.onEvent?.(event);
        seen.add(id);
        if (seen.size > REMEMBERED_IDS) seen.delete(seen.values().next().value!);
        log(`${event.type} ${event.id} at ${event.createdAt}`);
      }
      // Answer fast with 2xx; slow work belongs in a queue, or the sender times out and retries.
      response.writeHead(204).end();
    } catch (error) {
      if (error instanceof WebhookVerificationError) {
        log(`rejected: ${error.code} (${error.message})`);
        response.writeHead(400, { 'content-type': 'text/plain' }).end(error.code);
      } else if (error instanceof BodyTooLarge) {
        response.writeHead(413).end();
      } else {
        // a failure of our own handling: 500 makes Fakturo deliver it again later
        log(`error handling a delivery: ${(error as Error).message}`);
        response.writeHead(500).end();
      }
    }
  });

  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? Number(process.env.WEBHOOK_RECEIVER_PORT || 4000);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.address}:${address.port}/`;
  log(`listening for Fakturo webhooks on ${url}`);
  return {
    server,
    url,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

if (isEntryPoint(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
