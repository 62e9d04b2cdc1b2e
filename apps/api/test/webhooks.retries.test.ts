import { type Ctx, webhooks } from '@fakturo/domain';
import { companyInput, createTestApp } from '@fakturo/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver } from './webhooks.receiver';

// Time is injected: the whole retry schedule (27.6 hours) and the 5-day rule run in milliseconds by moving
// this clock, and the delivery functions the worker's task calls are driven directly.
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
const MIN = 60 * S;
const H = 60 * MIN;

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

async function endpoint(path: string, body: Record<string, unknown> = {}) {
  const res = await t.api({
    method: 'POST',
    url: '/v1/webhook-endpoints',
    body: { url: `${receiver.url}/${path}`, enabledEvents: ['contact.*'], ...body },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; secret: string };
}

/** What the worker does for an endpoint: fan out new events, send what is due now. */
async function work(endpointId: string) {
  await webhooks.fanOut(ctx);
  return webhooks.deliverDue(ctx, endpointId, { sender });
}

const requestsTo = (path: string) => receiver.received.filter((r) => r.path === `/hooks/${path}`);

async function deliveriesOf(endpointId: string) {
  return (await t.api({ method: 'GET', url: `/v1/webhook-endpoints/${endpointId}/deliveries?limit=100` }))
    .body.data;
}

describe('retries follow the schedule exactly (injected clock)', () => {
  it('tries at 0, immediately again, +5 s, +5 min, +30 min, +2 h, +5 h, +10 h, +10 h, then fails', async () => {
    const ep = await endpoint('failing');
    receiver.respondWith((r) => (r.path === '/hooks/failing' ? { status: 503, body: 'maintenance' } : 200));
    await t.api({ method: 'POST', url: '/v1/contacts', body: companyInput() });

    // attempt 1 fails; the schedule's first retry is immediate, so the same run makes attempt 2
    let outcome = await work(ep.id);
    expect(outcome).toMatchObject({ attempted: 2, failed: 2, nextRunAt: new Date(T0.getTime() + 5 * S) });
    const expected = [0, 0];
    let at = 0;
    for (const delay of [5 * S, 5 * MIN, 30 * MIN, 2 * H, 5 * H, 10 * H, 10 * H]) {
      setTime(at + delay - 1); // a millisecond early: nothing is due
      outcome = await work(ep.id);
      expect(outcome.attempted).toBe(0);
      at += delay;
      setTime(at);
      outcome = await work(ep.id);
      expect(outcome.attempted).toBe(1);
      expected.push(at);
    }
    const attempts = requestsTo('failing');
    expect(attempts).toHaveLength(9);
    // each attempt is signed at its own time (the injected clock), as Standard Webhooks wants
    expect(attempts.map((r) => Number(r.headers['webhook-timestamp']) * 1000 - T0.getTime())).toEqual(
      expected,
    );
    expect(new Set(attempts.map((r) => r.headers['webhook-id'])).size).toBe(1);
    for (const r of attempts)
      expect(
        webhooks.signing.verify(ep.secret, r.headers as Record<string, string>, r.body, {
          now: new Date(Number(r.headers['webhook-timestamp']) * 1000),
        }),
      ).toBe(true);

    expect(outcome.nextRunAt).toBeNull();
    const [delivery] = await deliveriesOf(ep.id);
    expect(delivery).toMatchObject({
      status: 'failed',
      attempts: 9,
      nextAttemptAt: null,
      lastStatusCode: 503,
      lastResponseExcerpt: 'maintenance',
      completedAt: new Date(T0.getTime() + at).toISOString(),
    });
    setTime(at + 30 * H);
    expect((await work(ep.id)).attempted).toBe(0);
    // failing for 27.6 hours is not yet 5 days: the endpoint stays enabled, its streak recorded
    const stored = (await t.api({ method: 'GET', url: `/v1/webhook-endpoints/${ep.id}` })).body;
    expect(stored).toMatchObject({ enabled: true, failingSince: T0.toISOString() });
    await t.api({ method: 'DELETE', url: `/v1/webhook-endpoints/${ep.id}` });
  });

  it('schedules the next worker run for the next retry time', async () => {
    const ep = await endpoint('timer');
    receiver.respondWith((r) => (r.path === '/hooks/timer' ? 500 : 200));
    await t.api({ method: 'POST', url: '/v1/contacts', body: companyInput() });
    await webhooks.fanOut(ctx);
    const outcome = await webhooks.runDeliveries(ctx, ep.id, { sender });
    expect(outcome.nextRunAt).toEqual(new Date(T0.getTime() + 5 * S));
    const { rows } = await t.db.raw(
      `SELECT run_at FROM graphile_worker.jobs WHERE task_identifier = 'webhooks_deliver' AND key = ?`,
      [`webhooks_deliver_later:${ep.id}`],
    );
    expect(rows).toEqual([{ run_at: new Date(T0.getTime() + 5 * S) }]);
    await t.api({ method: 'DELETE', url: `/v1/webhook-endpoints/${ep.id}` });
  });

  it('disables an endpoint that has failed for 5 days, with a webhook_endpoint.disabled event', async () => {
    const ep = await endpoint('down');
    receiver.respondWith((r) => (r.path === '/hooks/down' ? 500 : 200));
    // a new event every day; every delivery fails
    for (let day = 0; day <= 5; day += 1) {
      setTime(day * 24 * H);
      await t.api({ method: 'POST', url: '/v1/contacts', body: companyInput() });
      const outcome = await work(ep.id);
      const enabled = (await t.api({ method: 'GET', url: `/v1/webhook-endpoints/${ep.id}` })).body.enabled;
      if (day < 5) {
        expect(enabled, `day ${day}`).toBe(true);
      } else {
        expect(outcome.disabled).toBe(true);
        expect(enabled).toBe(false);
      }
    }
    const stored = (await t.api({ method: 'GET', url: `/v1/webhook-endpoints/${ep.id}` })).body;
    expect(stored).toMatchObject({ disabledReason: 'failing', failingSince: T0.toISOString() });
    const events = await t.api({
      method: 'GET',
      url: `/v1/events?type=webhook_endpoint.disabled&resourceId=${ep.id}`,
    });
    expect(events.body.data).toHaveLength(1);
    // nothing is left open on a disabled endpoint
    const open = (await deliveriesOf(ep.id)).filter((d: { status: string }) => d.status === 'pending');
    expect(open).toEqual([]);
  });

  it('a success ends the failure streak', async () => {
    const ep = await endpoint('flaky');
    receiver.respondWith((r) => (r.path === '/hooks/flaky' ? 500 : 200));
    await t.api({ method: 'POST', url: '/v1/contacts', body: companyInput() });
    await work(ep.id);
    expect((await t.api({ method: 'GET', url: `/v1/webhook-endpoints/${ep.id}` })).body.failingSince).toBe(
      T0.toISOString(),
    );
    receiver.respondWith(() => 200);
    setTime(5 * S);
    await work(ep.id);
    expect(
      (await t.api({ method: 'GET', url: `/v1/webhook-endpoints/${ep.id}` })).body.failingSince,
    ).toBeNull();
    expect((await deliveriesOf(ep.id))[0]).toMatchObject({
      status: 'succeeded',
      attempts: 3,
      lastStatusCode: 200,
    });
    await t.api({ method: 'DELETE', url: `/v1/webhook-endpoints/${ep.id}` });
  });
});

describe('what a receiver answers is recorded, whatever it is', () => {
  it('records answers with NUL characters (PostgreSQL text cannot hold them), successes and failures alike', async () => {
    const ep = await endpoint('binary');
    receiver.respondWith((r) =>
      r.path === '/hooks/binary' ? { status: 500, body: 'gz\u0000\u0001 oops' } : 200,
    );
    await t.api({ method: 'POST', url: '/v1/contacts', body: companyInput() });
    await work(ep.id);
    // the first attempt and its immediate retry, both recorded
    expect((await deliveriesOf(ep.id))[0]).toMatchObject({
      status: 'pending',
      attempts: 2,
      lastStatusCode: 500,
      lastResponseExcerpt: 'gz\uFFFD\u0001 oops',
    });
    receiver.respondWith((r) => (r.path === '/hooks/binary' ? { status: 200, body: '\u0000ok' } : 200));
    setTime(5 * S);
    await work(ep.id);
    expect((await deliveriesOf(ep.id))[0]).toMatchObject({
      status: 'succeeded',
      attempts: 3,
      lastStatusCode: 200,
      lastResponseExcerpt: '\uFFFDok',
    });
    await t.api({ method: 'DELETE', url: `/v1/webhook-endpoints/${ep.id}` });
  });
});

describe('secret rotation on the wire', () => {
  it('signs with both secrets during the overlap, and only the new one after it', async () => {
    const ep = await endpoint('rotating');
    const rotated = await t.api({
      method: 'POST',
      url: `/v1/webhook-endpoints/${ep.id}/rotate-secret`,
      body: { expiresIn: 3600 },
    });
    const newSecret = rotated.body.secret as string;
    await t.api({ method: 'POST', url: '/v1/contacts', body: companyInput() });
    await work(ep.id);
    const [during] = requestsTo('rotating');
    const signatures = String(during!.headers['webhook-signature']).split(' ');
    expect(signatures).toHaveLength(2);
    const headers = (signature: string) => ({
      ...(during!.headers as Record<string, string>),
      'webhook-signature': signature,
    });
    const now = { now: T0 };
    expect(webhooks.signing.verify(newSecret, headers(signatures[0]!), during!.body, now)).toBe(true);
    expect(webhooks.signing.verify(ep.secret, headers(signatures[1]!), during!.body, now)).toBe(true);
    expect(webhooks.signing.verify(ep.secret, headers(signatures[0]!), during!.body, now)).toBe(false);

    setTime(3600 * S);
    await t.api({ method: 'POST', url: '/v1/contacts', body: companyInput() });
    await work(ep.id);
    const after = requestsTo('rotating')[1]!;
    expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
    const at = { now: new Date(T0.getTime() + 3600 * S) };
    expect(webhooks.signing.verify(newSecret, after.headers as Record<string, string>, after.body, at)).toBe(
      true,
    );
    expect(webhooks.signing.verify(ep.secret, after.headers as Record<string, string>, after.body, at)).toBe(
      false,
    );

    // the sweeper then forgets the old secret altogether
    await webhooks.sweep(t.db, clock);
    const row = await t.db('webhook_endpoints').where('id', ep.id).first();
    expect(row).toMatchObject({ previous_secret_encrypted: null, previous_secret_expires_at: null });
    await t.api({ method: 'DELETE', url: `/v1/webhook-endpoints/${ep.id}` });
  });
});

describe('ordering: one resource’s deliveries go out in event order', () => {
  it('holds a later event of a resource until the earlier one succeeded; other resources do not wait', async () => {
    const ep = await endpoint('ordered');
    const a = (await t.api({ method: 'POST', url: '/v1/contacts', body: companyInput({ companyName: 'A' }) }))
      .body;
    await t.api({ method: 'PATCH', url: `/v1/contacts/${a.id}`, body: { notes: 'first change' } });
    await t.api({ method: 'PATCH', url: `/v1/contacts/${a.id}`, body: { notes: 'second change' } });
    const b = (await t.api({ method: 'POST', url: '/v1/contacts', body: companyInput({ companyName: 'B' }) }))
      .body;
    // the receiver rejects A's first event until 5 seconds have passed
    receiver.respondWith((r) => {
      const event = JSON.parse(r.body);
      return event.type === 'contact.created' &&
        event.data.object.id === a.id &&
        current.getTime() < T0.getTime() + 5 * S
        ? 500
        : 200;
    });
    const first = await work(ep.id);
    const seen = () =>
      requestsTo('ordered').map(
        (r) => JSON.parse(r.body) as { type: string; data: { object: { id: string; notes: string | null } } },
      );
    // A.created failed twice (attempt and immediate retry); A's updates were held; B went through
    const name = (id: string) => (id === a.id ? 'A' : id === b.id ? 'B' : id);
    expect(seen().map((e) => `${name(e.data.object.id)} ${e.type}`)).toEqual([
      'A contact.created',
      'B contact.created',
      'A contact.created',
    ]);
    expect(first.nextRunAt).toEqual(new Date(T0.getTime() + 5 * S));
    const held = (await deliveriesOf(ep.id)).filter(
      (d: { status: string; attempts: number }) => d.status === 'pending' && d.attempts === 0,
    );
    expect(held).toHaveLength(2);

    setTime(5 * S);
    await work(ep.id);
    const aEvents = seen().filter((e) => e.data.object.id === a.id);
    expect(aEvents.map((e) => `${e.type} ${e.data.object.notes}`)).toEqual([
      'contact.created null',
      'contact.created null',
      'contact.created null',
      'contact.updated first change',
      'contact.updated second change',
    ]);
    expect((await deliveriesOf(ep.id)).every((d: { status: string }) => d.status === 'succeeded')).toBe(true);
    await t.api({ method: 'DELETE', url: `/v1/webhook-endpoints/${ep.id}` });
  });

  it('releases the next event when the earlier one finally failed', async () => {
    const ep = await endpoint('giving-up');
    const c = (await t.api({ method: 'POST', url: '/v1/contacts', body: companyInput() })).body;
    await t.api({ method: 'PATCH', url: `/v1/contacts/${c.id}`, body: { notes: 'later' } });
    receiver.respondWith((r) => (JSON.parse(r.body).type === 'contact.created' ? 500 : 200));
    let at = 0;
    await work(ep.id);
    for (const delay of [5 * S, 5 * MIN, 30 * MIN, 2 * H, 5 * H, 10 * H, 10 * H]) {
      at += delay;
      setTime(at);
      await work(ep.id);
    }
    const types = requestsTo('giving-up').map((r) => JSON.parse(r.body).type);
    expect(types).toEqual([...new Array(9).fill('contact.created'), 'contact.updated']);
    await t.api({ method: 'DELETE', url: `/v1/webhook-endpoints/${ep.id}` });
  });
});

describe('manual retry and replay', () => {
  it('retries a failed delivery once, on request; a pending one is refused', async () => {
    const ep = await endpoint('manual');
    receiver.respondWith((r) => (r.path === '/hooks/manual' ? 500 : 200));
    const test = await t.api({ method: 'POST', url: `/v1/webhook-endpoints/${ep.id}/test` });
    const pending = await t.api({ method: 'POST', url: `/v1/webhook-deliveries/${test.body.id}/retry` });
    expect(pending.status).toBe(409);
    expect(pending.body.code).toBe('webhook_delivery_pending');
    let at = 0;
    await work(ep.id);
    for (const delay of [5 * S, 5 * MIN, 30 * MIN, 2 * H, 5 * H, 10 * H, 10 * H]) {
      at += delay;
      setTime(at);
      await work(ep.id);
    }
    expect((await t.api({ method: 'GET', url: `/v1/webhook-deliveries/${test.body.id}` })).body.status).toBe(
      'failed',
    );

    const retried = await t.api({ method: 'POST', url: `/v1/webhook-deliveries/${test.body.id}/retry` });
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({
      status: 'pending',
      nextAttemptAt: new Date(T0.getTime() + at).toISOString(),
    });
    await work(ep.id); // fails again: one attempt, no new schedule
    expect(
      (await t.api({ method: 'GET', url: `/v1/webhook-deliveries/${test.body.id}` })).body,
    ).toMatchObject({
      status: 'failed',
      attempts: 10,
    });
    receiver.respondWith(() => 200);
    await t.api({ method: 'POST', url: `/v1/webhook-deliveries/${test.body.id}/retry` });
    await work(ep.id);
    expect(
      (await t.api({ method: 'GET', url: `/v1/webhook-deliveries/${test.body.id}` })).body,
    ).toMatchObject({
      status: 'succeeded',
      attempts: 11,
      lastStatusCode: 200,
    });
    await t.api({ method: 'DELETE', url: `/v1/webhook-endpoints/${ep.id}` });
  });

  it('replays events by id and by time range, as new deliveries with the same webhook-id', async () => {
    setTime(10 * 24 * H);
    const c1 = (await t.api({ method: 'POST', url: '/v1/contacts', body: companyInput() })).body;
    setTime(10 * 24 * H + H);
    const c2 = (await t.api({ method: 'POST', url: '/v1/contacts', body: companyInput() })).body;
    await t.api({ method: 'POST', url: '/v1/contact-groups', body: { name: 'not subscribed' } });
    setTime(10 * 24 * H + 2 * H);
    // an endpoint created after the events: it got none of them
    const ep = await endpoint('replay', { enabledEvents: ['contact.created'] });
    await work(ep.id);
    expect(requestsTo('replay')).toHaveLength(0);

    const eventOf = async (contactId: string) =>
      (await t.api({ method: 'GET', url: `/v1/events?type=contact.created&resourceId=${contactId}` })).body
        .data[0].id as string;
    const e1 = await eventOf(c1.id);
    const byId = await t.api({
      method: 'POST',
      url: `/v1/webhook-endpoints/${ep.id}/replay`,
      body: { eventIds: [e1] },
    });
    expect(byId.status).toBe(202);
    expect(byId.body).toEqual({ endpointId: ep.id, enqueued: 1 });
    await work(ep.id);
    expect(requestsTo('replay').map((r) => r.headers['webhook-id'])).toEqual([e1]);

    const byRange = await t.api({
      method: 'POST',
      url: `/v1/webhook-endpoints/${ep.id}/replay`,
      body: {
        from: new Date(T0.getTime() + 10 * 24 * H).toISOString(),
        to: new Date(T0.getTime() + 10 * 24 * H + H).toISOString(),
      },
    });
    expect(byRange.body.enqueued).toBe(2); // both contact.created, not the contact_group event
    await work(ep.id);
    expect(requestsTo('replay').map((r) => r.headers['webhook-id'])).toEqual([e1, e1, await eventOf(c2.id)]);
    const log = await deliveriesOf(ep.id);
    expect(log.map((d: { trigger: string; status: string }) => `${d.trigger} ${d.status}`)).toEqual([
      'replay succeeded',
      'replay succeeded',
      'replay succeeded',
    ]);

    const both = await t.api({
      method: 'POST',
      url: `/v1/webhook-endpoints/${ep.id}/replay`,
      body: { eventIds: [e1], from: T0.toISOString() },
    });
    expect(both.status).toBe(422);
    expect(both.body.errors[0]).toMatchObject({ path: 'eventIds', code: 'replay_selection_invalid' });
    const unknown = await t.api({
      method: 'POST',
      url: `/v1/webhook-endpoints/${ep.id}/replay`,
      body: { eventIds: [e1, 'evt_01JD3Y8WQ4XK0R5N6S7T8V9W0A'] },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([
      { path: 'eventIds.1', code: 'event_not_found', message: expect.any(String) },
    ]);
    await t.api({ method: 'DELETE', url: `/v1/webhook-endpoints/${ep.id}` });
  });
});
