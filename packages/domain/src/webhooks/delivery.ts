import { performance } from 'node:perf_hooks';
import type { Knex } from 'knex';
import type { Clock } from '../clock';
import { type Ctx, inTransaction } from '../context';
import * as events from '../events/service';
import { newId } from '../ids';
import * as jobs from '../jobs';
import * as repo from './repo';
import { matchesEventType } from './rules';
import { failingTooLong, nextAttemptAt, outcomeOf } from './schedule';
import type { SendResult, WebhookSender } from './sender';
import { deliverJob, disable, signingSecrets } from './service';
import { secretKey, webhookHeaders } from './signing';
import { WEBHOOK_TEST_EVENT, type WebhookEndpoint } from './types';

/**
 * The worker side of webhooks: fan-out (events → deliveries), delivery (deliveries → signed HTTP
 * requests with retries), and the sweeper that re-drives whatever a crashed process left behind.
 */

const FAN_OUT_BATCH = 1000;

/**
 * Turns up to `limit` of the organisation's queued events into deliveries to every enabled endpoint
 * subscribed to their type and schedules a delivery job per endpoint — one transaction, so a crash leaves
 * the events queued rather than half fanned out.
 */
export async function fanOut(
  ctx: Ctx,
  limit = FAN_OUT_BATCH,
): Promise<{ events: number; deliveries: number; more: boolean }> {
  return inTransaction(ctx, async (tx) => {
    // One fan-out per organisation at a time: deliveries are then created in event order, which the
    // per-resource ordering of delivery relies on. Other organisations fan out in parallel.
    await tx.db.raw('SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [
      `webhooks_fan_out:${tx.organizationId}`,
    ]);
    const now = tx.clock.now();
    const taken = await repo.takeQueuedEvents(tx, limit);
    if (taken.length === 0) return { events: 0, deliveries: 0, more: false };
    const endpoints = await repo.enabledSubscriptions(tx);
    const rows: repo.NewDelivery[] = [];
    for (const event of taken) {
      if (event.type === WEBHOOK_TEST_EVENT) continue;
      for (const endpoint of endpoints) {
        if (!matchesEventType(endpoint.enabled_events, event.type)) continue;
        // An endpoint receives what happened after it was created (older events: replay them). "After" by
        // the ids: ULIDs from one monotonic source on real time, so a sandbox whose test clock stands ahead —
        // its endpoints' created_at months past the real-time created_at of the worker's own events — still
        // gets the events written after its endpoint was.
        if (ulidOf(endpoint.id) > ulidOf(event.id)) continue;
        rows.push({
          id: newId('webhookDelivery'),
          organization_id: tx.organizationId,
          endpoint_id: endpoint.id,
          event_id: event.id,
          event_type: event.type,
          resource_id: event.resource_id,
          trigger: 'event',
          auto_retry: true,
          next_attempt_at: now,
          created_at: now,
          updated_at: now,
        });
      }
    }
    await repo.insertDeliveries(tx, rows);
    const endpointIds = [...new Set(rows.map((r) => r.endpoint_id))];
    await jobs.enqueueMany(
      tx,
      endpointIds.map((id) => deliverJob(tx.organizationId, id)),
    );
    return { events: taken.length, deliveries: rows.length, more: taken.length === limit };
  });
}

/** The ULID of a prefixed id (`evt_01…` → `01…`): ids of different kinds compare by creation. */
const ulidOf = (id: string) => id.slice(id.indexOf('_') + 1);

/** The `webhooks_fan_out` task: fans out until nothing is left (a big backlog hands over to a new job). */
export async function runFanOut(ctx: Ctx, maxBatches = 20): Promise<{ events: number; deliveries: number }> {
  const total = { events: 0, deliveries: 0 };
  for (let batch = 0; batch < maxBatches; batch += 1) {
    const result = await fanOut(ctx);
    total.events += result.events;
    total.deliveries += result.deliveries;
    if (!result.more) return total;
  }
  await jobs.enqueue(
    ctx,
    'webhooks_fan_out',
    { organizationId: ctx.organizationId },
    {
      jobKey: `webhooks_fan_out:more:${ctx.organizationId}`,
    },
  );
  return total;
}

export interface DeliverOptions {
  sender: WebhookSender;
  /** Requests in flight to this endpoint at most (default 256). */
  window?: number;
  /** Stop claiming new work after this much wall time; a follow-up job continues (default 10 s). */
  budgetMs?: number;
  /**
   * How long the endpoint's sending lease outlives the budget: the last requests' timeout plus recording
   * (default 60 s). A worker that dies mid-run holds the endpoint that long.
   */
  leaseMs?: number;
}

export interface DeliverOutcome {
  attempted: number;
  succeeded: number;
  failed: number;
  /** When there is something to send again: now (work left over), a retry time, or null. */
  nextRunAt: Date | null;
  /** The endpoint was disabled during this run (410 Gone, or failing for 5 days). */
  disabled: boolean;
}

interface Finished {
  claim: repo.ClaimedDelivery;
  attemptedAt: Date;
  finishedAt: Date;
  result: SendResult;
}

/**
 * Sends what is due for one endpoint, one run per endpoint at a time (a lease on the endpoint row). Up to
 * `window` requests are in flight, and the database work overlaps the sending instead of taking turns with
 * it: a "sync" records the results that came back meanwhile and claims as many deliveries as there are free
 * slots — for successes (the usual case) both in one statement, so a busy endpoint costs one round trip and
 * one commit per batch — and a few syncs may be under way at once. The clock decides what is due and when
 * retries come, so tests drive the whole schedule by moving an injected clock.
 */
export async function deliverDue(
  ctx: Ctx,
  endpointId: string,
  options: DeliverOptions,
): Promise<DeliverOutcome> {
  const budgetMs = options.budgetMs ?? 10_000;
  const leaseMs = options.leaseMs ?? 60_000;
  const outcome: DeliverOutcome = { attempted: 0, succeeded: 0, failed: 0, nextRunAt: null, disabled: false };

  // One run per endpoint at a time: another run holding the lease sends what this job was started for.
  const leaseStart = ctx.clock.now();
  const endpoint = await repo.acquireSending(
    ctx,
    endpointId,
    leaseStart,
    new Date(leaseStart.getTime() + budgetMs + leaseMs),
  );
  if (!endpoint) return outcome;
  let end: RunEnd;
  try {
    end = await sendWhileDue(ctx, endpoint, options, outcome);
  } finally {
    await repo.releaseSending(ctx, endpointId);
  }
  // Asked only after the lease is released: work that arrived during the run, whose own job found the
  // lease taken and left, is seen here and gets its run.
  if (end === 'budget_spent') outcome.nextRunAt = ctx.clock.now();
  else if (end === 'nothing_due') outcome.nextRunAt = await repo.nextDue(ctx, endpointId);
  return outcome;
}

type RunEnd = 'nothing_due' | 'budget_spent' | 'endpoint_disabled';

/** Syncs (record + claim round trips) of one run that may be under way at once. */
const MAX_SYNCS = 4;

async function sendWhileDue(
  ctx: Ctx,
  first: repo.EndpointRow,
  options: DeliverOptions,
  outcome: DeliverOutcome,
): Promise<RunEnd> {
  const window = options.window ?? 256;
  const budgetMs = options.budgetMs ?? 10_000;
  const endpointId = first.id;
  let endpoint = first;
  let keysFor = keyCache(endpoint);

  const started = performance.now();
  /** Requests under way. */
  let inFlight = 0;
  /** Deliveries sent and not yet recorded: a claim must not pick them again. */
  const busyIds = new Set<string>();
  let finished: Finished[] = [];
  /** Syncs under way. */
  let syncs = 0;
  // The loop below sleeps until a request or a sync finishes. One shared wake-up instead of a
  // Promise.race over everything under way: a race over a window of 256 attaches 256 reactions for every
  // response that comes back, which cost more Node CPU than the request itself.
  let wakeUp: (() => void) | null = null;
  const wake = () => {
    const resolve = wakeUp;
    wakeUp = null;
    resolve?.();
  };
  /** Slots that syncs under way are claiming for. */
  let reserved = 0;
  /** Counts syncs that recorded results: a claim that came up short may find more after one of them. */
  let recordings = 0;
  /** The last claim found less than it asked for, and nothing recorded since can have released more. */
  let exhausted = false;
  let stopped = false;
  let failure: unknown = null;

  const send = (claim: repo.ClaimedDelivery, url: string, keys: Buffer[]) => {
    // encoded once, for the signature and for the socket
    const body = Buffer.from(claim.body);
    const attemptedAt = ctx.clock.now();
    const headers = webhookHeaders(keys, claim.event_id, Math.floor(attemptedAt.getTime() / 1000), body);
    busyIds.add(claim.id);
    inFlight += 1;
    void options.sender
      .send(url, headers, body)
      // the sender turns failures into results; anything else it throws is a failed attempt all the same
      .catch(
        (error): SendResult => ({
          statusCode: null,
          durationMs: 0,
          responseExcerpt: null,
          error: String(error),
        }),
      )
      .then((result) => {
        finished.push({ claim, attemptedAt, finishedAt: ctx.clock.now(), result });
        inFlight -= 1;
        wake();
      });
  };

  const sync = async (results: Finished[], want: number) => {
    const before = recordings;
    let successes = results;
    if (results.some((f) => outcomeOf(f.result.statusCode) !== 'succeeded')) {
      const state = await record(ctx, endpointId, results);
      if (state.disabled) outcome.disabled = true;
      if (!state.enabled) stopped = true;
      successes = [];
    }
    const now = ctx.clock.now();
    const limit = stopped ? 0 : want;
    const claims =
      limit > 0 || successes.length > 0
        ? await repo.claimDue(ctx, endpointId, limit, now, [...busyIds], successes.map(successRecord))
        : [];
    for (const f of results) busyIds.delete(f.claim.id); // recorded: no longer open
    for (const f of results) {
      outcome.attempted += 1;
      if (outcomeOf(f.result.statusCode) === 'succeeded') outcome.succeeded += 1;
      else outcome.failed += 1;
    }
    if (results.length > 0) {
      recordings += 1;
      exhausted = false; // recorded results may have released successors; the next claim sees them
    } else if (claims.length < want && recordings === before) {
      exhausted = true;
    }
    if (claims.length === 0) return;
    if (claims.some((c) => c.endpoint_version !== endpoint.version)) {
      const fresh = await repo.findEndpoint(ctx, endpointId); // URL or secrets changed since the run began
      if (fresh) {
        endpoint = fresh;
        keysFor = keyCache(fresh);
      }
    }
    const keys = keysFor(now);
    for (const c of claims) send(c, endpoint.url, keys);
  };

  for (;;) {
    // A few syncs may overlap (they touch distinct rows), so one slow round trip never idles the window.
    if (!failure && syncs < MAX_SYNCS) {
      const inBudget = performance.now() - started < budgetMs;
      const free = window - inFlight - reserved;
      const want = stopped || !inBudget || exhausted ? 0 : free;
      const idle = inFlight === 0 && syncs === 0;
      // A statement's fixed cost (planning, skipping the window in the due index, the commit) is several
      // times one delivery's share, so results are gathered into batches worth it: with the window full, an
      // eighth of it (32); with little out, half of what is out, so the last few are recorded promptly.
      // Further syncs overlap a running one only with a big batch, so when the database is slow the work
      // gathers into few large statements, not many small ones.
      const outstanding = inFlight + finished.length;
      const worth = syncs === 0 ? Math.max(1, Math.min(window / 8, Math.ceil(outstanding / 2))) : window / 2;
      const claimNow = want > 0 && (free >= window / 4 || idle) && want + finished.length >= worth;
      const recordNow = finished.length > 0 && finished.length >= worth;
      if (claimNow || recordNow) {
        const results = finished;
        finished = [];
        // a sync that records claims the free slots too: same statement, no extra round trip
        const claiming = want;
        reserved += claiming;
        syncs += 1;
        void sync(results, claiming)
          .catch((error) => {
            failure = error;
          })
          .finally(() => {
            syncs -= 1;
            reserved -= claiming;
            wake();
          });
        continue;
      }
    }
    if (inFlight === 0 && syncs === 0) {
      if (finished.length > 0 && !failure) continue;
      break;
    }
    await new Promise<void>((resolve) => {
      wakeUp = resolve;
    });
  }
  // A failed sync ends the run once the requests out have returned: the job fails and is retried, and what
  // was sent but not recorded is still pending, so it goes out again (at least once).
  if (failure) throw failure;

  return stopped ? 'endpoint_disabled' : exhausted ? 'nothing_due' : 'budget_spent';
}

function successRecord({ claim, attemptedAt, finishedAt, result }: Finished): repo.AttemptRecord {
  return {
    id: claim.id,
    status: 'succeeded',
    failures: claim.failures,
    next_attempt_at: null,
    attempted_at: attemptedAt,
    status_code: result.statusCode,
    duration_ms: result.durationMs,
    excerpt: result.responseExcerpt,
    error: null,
    completed_at: finishedAt,
  };
}

/** Decrypts an endpoint's secrets once; returns the HMAC keys valid at a given time. */
function keyCache(endpoint: repo.EndpointRow): (now: Date) => Buffer[] {
  const all = signingSecrets(endpoint, new Date(0)).map(secretKey);
  return (now) => (all.length > 1 && endpoint.previous_secret_expires_at! <= now ? all.slice(0, 1) : all);
}

/**
 * Writes a batch of attempts with failures among them, and what they mean for the endpoint, in one
 * transaction under the endpoint's row lock: each failed delivery is scheduled for its next attempt or has
 * finally failed; successes are recorded; the failure streak starts or ends; 410 Gone, or failing for 5
 * days, disables the endpoint (with a `webhook_endpoint.disabled` event).
 */
async function record(
  ctx: Ctx,
  endpointId: string,
  batch: Finished[],
): Promise<{ enabled: boolean; disabled: boolean }> {
  return inTransaction(ctx, async (tx) => {
    const endpoint = await repo.findEndpoint(tx, endpointId, { lock: true });
    const ordered = [...batch].sort((a, b) => a.finishedAt.getTime() - b.finishedAt.getTime());
    let failingSince = endpoint?.failing_since ?? null;
    let gone = false;
    for (const f of ordered) {
      const result = outcomeOf(f.result.statusCode);
      if (result === 'succeeded') failingSince = null;
      else failingSince ??= f.finishedAt;
      if (result === 'gone') gone = true;
    }
    const now = tx.clock.now();
    const disableFor: WebhookEndpoint['disabledReason'] =
      endpoint?.enabled && gone
        ? 'gone'
        : endpoint?.enabled && failingTooLong(failingSince, now)
          ? 'failing'
          : null;
    const stillEnabled = Boolean(endpoint?.enabled) && disableFor === null;

    await repo.recordAttempts(
      tx,
      endpointId,
      ordered.map((f) => {
        if (outcomeOf(f.result.statusCode) === 'succeeded') return successRecord(f);
        const failures = f.claim.failures + 1;
        const next = stillEnabled ? nextAttemptAt(f.finishedAt, failures, f.claim.auto_retry) : null;
        return {
          id: f.claim.id,
          status: next ? 'pending' : 'failed',
          failures,
          next_attempt_at: next,
          attempted_at: f.attemptedAt,
          status_code: f.result.statusCode,
          duration_ms: f.result.durationMs,
          excerpt: f.result.responseExcerpt,
          error: f.result.error,
          completed_at: next ? null : f.finishedAt,
        };
      }),
    );
    if (!endpoint) return { enabled: false, disabled: false };

    let current = endpoint;
    const streakChanged = (failingSince?.getTime() ?? null) !== (endpoint.failing_since?.getTime() ?? null);
    if (streakChanged) current = await repo.updateEndpoint(tx, endpointId, { failing_since: failingSince });
    if (disableFor) {
      current = await disable(tx, current, disableFor, now);
      await events.emit(tx, 'webhook_endpoint.disabled', { ...repo.toEndpoint(current) });
    }
    return { enabled: current.enabled, disabled: disableFor !== null };
  });
}

/**
 * The `webhooks_deliver` task: sends what is due, then schedules the next run — at once when work was
 * left over, at the next retry time otherwise.
 */
export async function runDeliveries(
  ctx: Ctx,
  endpointId: string,
  options: DeliverOptions,
): Promise<DeliverOutcome> {
  const outcome = await deliverDue(ctx, endpointId, options);
  if (outcome.nextRunAt) {
    const later = outcome.nextRunAt > ctx.clock.now() ? outcome.nextRunAt : undefined;
    await jobs.enqueueMany(ctx, [deliverJob(ctx.organizationId, endpointId, later)]);
  }
  return outcome;
}

export interface SweepOutcome {
  fanOutJobs: number;
  deliverJobs: number;
  expiredSecrets: number;
}

/** How late a due delivery may be before the sweeper assumes its job was lost. */
const OVERDUE_GRACE_MS = 60_000;

/**
 * The `webhooks_sweep` cron (every minute). Normal operation never needs it; it repairs what a crash
 * left: events still queued whose fan-out job died with its process, deliveries whose timer job or sender
 * died. It also forgets rotated-out secrets after their overlap. Finding the work spans organisations;
 * the work itself then runs per organisation.
 */
export async function sweep(db: Knex, clock: Clock): Promise<SweepOutcome> {
  const now = clock.now();
  const organizations = await repo.organizationsWithQueuedEvents(db, 1000);
  await jobs.enqueueMany(
    { db },
    organizations.map((organizationId) => ({
      task: 'webhooks_fan_out' as const,
      payload: { organizationId },
      jobKey: `webhooks_fan_out:sweep:${organizationId}`,
    })),
  );
  const overdue = await repo.endpointsWithOverdueDeliveries(db, now, OVERDUE_GRACE_MS, 1000);
  await jobs.enqueueMany(
    { db },
    overdue.map((o) => deliverJob(o.organization_id, o.endpoint_id)),
  );
  const expiredSecrets = await repo.dropExpiredPreviousSecrets(db, now);
  return { fanOutJobs: organizations.length, deliverJobs: overdue.length, expiredSecrets };
}
