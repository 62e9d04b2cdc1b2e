import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Ctx, webhooks } from '@fakturo/domain';
import { companyInput, createTestApp } from '@fakturo/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver } from './webhooks.receiver';

// Deliveries are claimed and recorded in batches (one statement records a batch's results and claims the
// next). These tests pin down what batching must not change: a failure inside a batch retries only its own
// delivery, on its own schedule; a run that dies with a batch in flight loses nothing (the lease expires, the
// sweeper re-drives, the batch goes out again: at least once); every attempt is bounded in time.
process.env.FAKTURO_WEBHOOK_ALLOW_PRIVATE = 'true';
const T0 = new Date('2026-03-02T08:00:00.000Z');
let current = new Date(T0);
const clock = { now: () => new Date(current) };
const setTime = (ms: number) => {
  current = new Date(T0.getTime() + ms);
};
const t = await createTestApp({ clock });
const ctx: Ctx = t.main.ctx;
const S = 1000;

let receiver: Receiver;
const sender = webhooks.createSender({ policy: { allowPrivate: true } });

beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await sender.close();
  await receiver.close();
});
beforeEach(() => {
  setTime(0);
  receiver.respondWith(() => 200);
});

async function endpoint(path: string) {
  const res = await t.api({
    method: 'POST',
    url: '/v1/webhook-endpoints',
    body: { url: `${receiver.url}/${path}`, enabledEvents: ['contact.*'] },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; secret: string };
}

async function contacts(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const res = await t.api({ method: 'POST', url: '/v1/contacts', body: companyInput() });
    expect(res.status).toBe(201);
    ids.push(res.body.id);
  }
  return ids;
}

const objectId = (body: string) => JSON.parse(body).data.object.id as string;
const requestsTo = (path: string, from = 0) =>
  receiver.received.slice(from).filter((r) => r.path === `/hooks/${path}`);

async function deliveriesOf(endpointId: string) {
  const res = await t.api({ method: 'GET', url: `/v1/webhook-endpoints/${endpointId}/deliveries?limit=100` });
  expect(res.status).toBe(200);
  return res.body.data as { id: string; status: string; attempts: number; nextAttemptAt: string | null }[];
}

describe('a failure inside a batch', () => {
  it('retries only the deliveries that failed; the rest of the batch is recorded as succeeded', async () => {
    const ep = await endpoint('mixed');
    const ids = await contacts(30);
    const failing = new Set([ids[2], ids[9], ids[10], ids[17], ids[23], ids[29]]);
    receiver.respondWith((r) => (failing.has(objectId(r.body)) ? { status: 500, body: 'no' } : 200));
    const before = receiver.received.length;

    await webhooks.fanOut(ctx);
    // one run, one window: all 30 go out in a batch; the six failures get the immediate first retry
    const outcome = await webhooks.deliverDue(ctx, ep.id, { sender });
    expect(outcome).toMatchObject({ attempted: 36, succeeded: 24, failed: 12 });
    expect(outcome.nextRunAt).toEqual(new Date(T0.getTime() + 5 * S));
    const log = await deliveriesOf(ep.id);
    expect(log).toHaveLength(30);
    const pending = log.filter((d) => d.status === 'pending');
    expect(pending).toHaveLength(6);
    for (const d of pending) {
      expect(d).toMatchObject({ attempts: 2, nextAttemptAt: new Date(T0.getTime() + 5 * S).toISOString() });
    }
    for (const d of log.filter((x) => x.status === 'succeeded')) expect(d.attempts).toBe(1);

    // the next retry sends those six again, and nothing else
    receiver.respondWith(() => 200);
    setTime(5 * S);
    const mark = receiver.received.length;
    expect(await webhooks.deliverDue(ctx, ep.id, { sender })).toMatchObject({ attempted: 6, succeeded: 6 });
    expect(new Set(requestsTo('mixed', mark).map((r) => objectId(r.body)))).toEqual(failing);
    expect(requestsTo('mixed', before)).toHaveLength(42);
    expect((await deliveriesOf(ep.id)).every((d) => d.status === 'succeeded')).toBe(true);
    await t.api({ method: 'DELETE', url: `/v1/webhook-endpoints/${ep.id}` });
  });

  it('a receiver URL that is down keeps its own deliveries pending; another endpoint of the same events is done', async () => {
    const good = await endpoint('good');
    const down = await endpoint('down');
    receiver.respondWith((r) => (r.path === '/hooks/down' ? 503 : 200));
    const ids = await contacts(12);
    await webhooks.fanOut(ctx);
    const [ok, failed] = await Promise.all([
      webhooks.deliverDue(ctx, good.id, { sender }),
      webhooks.deliverDue(ctx, down.id, { sender }),
    ]);
    expect(ok).toMatchObject({ attempted: 12, succeeded: 12, failed: 0, nextRunAt: null });
    expect(failed).toMatchObject({ attempted: 24, succeeded: 0, failed: 24 });
    expect((await deliveriesOf(good.id)).map((d) => d.status)).toEqual(Array(12).fill('succeeded'));
    expect((await deliveriesOf(down.id)).map((d) => [d.status, d.attempts])).toEqual(
      Array(12).fill(['pending', 2]),
    );

    setTime(5 * S);
    const mark = receiver.received.length;
    expect(await webhooks.deliverDue(ctx, good.id, { sender })).toMatchObject({ attempted: 0 });
    expect(await webhooks.deliverDue(ctx, down.id, { sender })).toMatchObject({ attempted: 12, failed: 12 });
    expect(requestsTo('good', mark)).toHaveLength(0);
    expect(
      requestsTo('down', mark)
        .map((r) => objectId(r.body))
        .sort(),
    ).toEqual([...ids].sort());
    await t.api({ method: 'DELETE', url: `/v1/webhook-endpoints/${good.id}` });
    await t.api({ method: 'DELETE', url: `/v1/webhook-endpoints/${down.id}` });
  });
});

describe('a run that dies with a batch in flight', () => {
  it('leaves the batch pending; after the lease the sweeper re-drives it and it goes out again (at least once)', async () => {
    const ep = await endpoint('crash');
    const ids = await contacts(10);
    await webhooks.fanOut(ctx);
    const before = receiver.received.length;
    // The requests reach the receiver, but the process "dies" before any answer is recorded: the sender's
    // promises never settle, so the run never writes a result (as when the worker is killed mid-batch).
    const dying: webhooks.WebhookSender = {
      send: (url, headers, body) => {
        void sender.send(url, headers, body);
        return new Promise(() => {});
      },
      close: async () => {},
    };
    void webhooks.deliverDue(ctx, ep.id, { sender: dying });
    await receiver.waitFor(before + 10);
    expect(requestsTo('crash', before)).toHaveLength(10);
    // nothing recorded: every delivery is still open
    expect((await deliveriesOf(ep.id)).map((d) => [d.status, d.attempts])).toEqual(
      Array(10).fill(['pending', 0]),
    );

    // while the dead run's lease lasts, another run leaves the endpoint alone and the sweeper waits
    expect(await webhooks.deliverDue(ctx, ep.id, { sender })).toMatchObject({ attempted: 0 });
    setTime(69 * S);
    expect((await webhooks.sweep(t.db, clock)).deliverJobs).toBe(0);

    // the lease (10 s budget + 60 s) has expired: the sweeper schedules a run, and the run sends the batch again
    setTime(71 * S);
    const swept = await webhooks.sweep(t.db, clock);
    expect(swept.deliverJobs).toBe(1);
    const { rows } = await t.db.raw(
      `SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'webhooks_deliver' AND key = ?`,
      [`webhooks_deliver:${ep.id}`],
    );
    expect(rows[0].n).toBe(1);
    const mark = receiver.received.length;
    expect(await webhooks.deliverDue(ctx, ep.id, { sender })).toMatchObject({ attempted: 10, succeeded: 10 });
    const again = requestsTo('crash', mark);
    expect(again.map((r) => objectId(r.body)).sort()).toEqual([...ids].sort());
    // the same webhook-id as the first time (receivers de-duplicate on it), signed for this attempt
    const firstIds = requestsTo('crash', before)
      .slice(0, 10)
      .map((r) => r.headers['webhook-id'])
      .sort();
    expect(again.map((r) => r.headers['webhook-id']).sort()).toEqual(firstIds);
    for (const r of again) {
      expect(webhooks.signing.verify(ep.secret, r.headers as never, r.body, { now: clock.now() })).toBe(true);
    }
    expect((await deliveriesOf(ep.id)).map((d) => [d.status, d.attempts])).toEqual(
      Array(10).fill(['succeeded', 1]),
    );
    await t.db.raw(`SELECT graphile_worker.remove_job(?)`, [`webhooks_deliver:${ep.id}`]);
    await t.api({ method: 'DELETE', url: `/v1/webhook-endpoints/${ep.id}` });
  });
});

describe('the time limit of an attempt', () => {
  it('ends an attempt that gets no answer within the limit as a timeout; the next attempt is unaffected', async () => {
    const held: { end: () => void }[] = [];
    const server = createServer((req, res) => {
      req.resume();
      if (req.url === '/slow')
        held.push({ end: () => res.end() }); // never answers in time
      else res.writeHead(200).end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const quick = webhooks.createSender({ policy: { allowPrivate: true }, timeoutMs: 300 });
    try {
      const [slow, fast] = await Promise.all([
        quick.send(`${base}/slow`, {}, '{}'),
        quick.send(`${base}/fast`, {}, '{}'),
      ]);
      expect(slow).toMatchObject({ statusCode: null, error: 'timeout' });
      expect(slow.durationMs).toBeGreaterThanOrEqual(290);
      expect(slow.durationMs).toBeLessThan(1500);
      expect(fast).toMatchObject({ statusCode: 200, error: null, responseExcerpt: 'ok' });
      // the limit applies to every attempt, including one started after the previous ones ended
      const later = await quick.send(`${base}/slow`, {}, '{}');
      expect(later).toMatchObject({ statusCode: null, error: 'timeout' });
    } finally {
      for (const h of held) h.end();
      await quick.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
