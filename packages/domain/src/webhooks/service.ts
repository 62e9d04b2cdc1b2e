import { systemClock } from '../clock';
import { type Ctx, inTransaction } from '../context';
import { decryptSecret, encryptSecret } from '../crypto/secrets';
import { DomainError, FieldErrors, notFound, versionMismatch } from '../errors';
import * as events from '../events/service';
import { isId, newId } from '../ids';
import * as jobs from '../jobs';
import { type Page, toPage } from '../pagination';
import * as repo from './repo';
import {
  applyEndpointPatch,
  checkEndpoint,
  type EndpointDraft,
  MAX_ENDPOINTS_PER_ORGANIZATION,
} from './rules';
import { generateSecret } from './signing';
import { checkUrl, policyFromEnv, type Resolver, type SsrfPolicy, systemResolver } from './ssrf';
import {
  WEBHOOK_TEST_EVENT,
  type WebhookDelivery,
  type WebhookDeliveryListQuery,
  type WebhookEndpoint,
  type WebhookEndpointInput,
  type WebhookEndpointListQuery,
  type WebhookEndpointWithSecret,
  type WebhookReplayInput,
  type WebhookReplayResult,
} from './types';

/** Deployment settings of the URL check; the environment decides unless a test passes its own. */
export interface UrlCheckSettings {
  policy?: SsrfPolicy;
  resolver?: Resolver;
}

export const DEFAULT_ROTATION_OVERLAP_SECONDS = 24 * 3600;
export const MAX_ROTATION_OVERLAP_SECONDS = 7 * 24 * 3600;
/** A replay by time range takes at most this many events; narrow the range for more. */
export const MAX_REPLAY_EVENTS = 10_000;

/**
 * When a delivery asked for through the API (test, retry, replay) becomes due: now. Deliveries are claimed
 * on the worker's clock — system time, as the fan-out schedules them — but a sandbox's API requests run on
 * its test clock, which may stand months ahead: a delivery due "now" on that clock would wait until real
 * time caught up. The earlier of the two is now for the worker whichever clock the request ran on.
 */
function dueNow(tx: Ctx): Date {
  return new Date(Math.min(tx.clock.now().getTime(), systemClock.now().getTime()));
}

/** The AES-GCM additional data binding an endpoint's secrets to its row. */
export const secretContext = (endpointId: string) => `webhook_endpoint:${endpointId}`;

/** The job that sends what is due for an endpoint — now, or at `runAt` (the next retry). */
export function deliverJob(
  organizationId: string,
  endpointId: string,
  runAt?: Date,
): jobs.JobSpec<'webhooks_deliver'> {
  // Two keys: "now" (new deliveries, retries, replays) and "later" (the next scheduled retry), so a timer
  // set for later never pushes back a job that should run now.
  return runAt
    ? {
        task: 'webhooks_deliver',
        payload: { organizationId, endpointId },
        jobKey: `webhooks_deliver_later:${endpointId}`,
        runAt,
      }
    : {
        task: 'webhooks_deliver',
        payload: { organizationId, endpointId },
        jobKey: `webhooks_deliver:${endpointId}`,
      };
}

async function urlProblem(url: string, settings: UrlCheckSettings, errors: FieldErrors): Promise<void> {
  const problem = await checkUrl(
    url,
    settings.policy ?? policyFromEnv(),
    settings.resolver ?? systemResolver,
  );
  if (problem && !errors.list.some((e) => e.path === 'url')) errors.add('url', problem.code, problem.message);
}

export async function get(ctx: Ctx, id: string): Promise<WebhookEndpoint> {
  const row = await repo.findEndpoint(ctx, id);
  if (!row) throw notFound('webhook_endpoint', id);
  return repo.toEndpoint(row);
}

export async function list(ctx: Ctx, query: WebhookEndpointListQuery): Promise<Page<WebhookEndpoint>> {
  return toPage(await repo.listEndpoints(ctx, query), query, repo.toEndpoint);
}

/**
 * Creates an endpoint with a fresh `whsec_` secret. The secret is returned this once and stored only
 * encrypted. The URL must pass the SSRF rules, including every address its host resolves to now.
 */
export async function create(
  ctx: Ctx,
  input: WebhookEndpointInput & { url: string; enabledEvents: string[] },
  settings: UrlCheckSettings = {},
): Promise<WebhookEndpointWithSecret> {
  const { draft, errors } = checkEndpoint(
    {
      url: input.url,
      description: input.description ?? null,
      enabledEvents: input.enabledEvents,
      enabled: input.enabled ?? true,
      metadata: input.metadata ?? {},
    },
    settings.policy ?? policyFromEnv(),
  );
  await urlProblem(draft.url, settings, errors);
  errors.throwIfAny();
  return inTransaction(ctx, async (tx) => {
    if ((await repo.countEndpoints(tx)) >= MAX_ENDPOINTS_PER_ORGANIZATION) {
      throw new DomainError(
        'conflict',
        'webhook_endpoint_limit_reached',
        `An organisation can have at most ${MAX_ENDPOINTS_PER_ORGANIZATION} webhook endpoints; delete one first.`,
      );
    }
    const id = newId('webhookEndpoint');
    const secret = generateSecret();
    const now = tx.clock.now();
    const row: repo.EndpointRow = {
      id,
      organization_id: tx.organizationId,
      url: draft.url,
      description: draft.description,
      enabled_events: draft.enabledEvents,
      enabled: draft.enabled,
      disabled_reason: draft.enabled ? null : 'manual',
      disabled_at: draft.enabled ? null : now,
      failing_since: null,
      metadata: draft.metadata,
      secret_encrypted: encryptSecret(secret, secretContext(id)),
      previous_secret_encrypted: null,
      previous_secret_expires_at: null,
      secret_rotated_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await repo.insertEndpoint(tx, row);
    const endpoint = repo.toEndpoint(row);
    await events.emit(tx, 'webhook_endpoint.created', { ...endpoint });
    return { ...endpoint, secret };
  });
}

/** Stops an endpoint: open deliveries end as failed (replay them after re-enabling if needed). */
export async function disable(
  tx: Ctx,
  row: repo.EndpointRow,
  reason: NonNullable<WebhookEndpoint['disabledReason']>,
  now: Date,
): Promise<repo.EndpointRow> {
  const updated = await repo.updateEndpoint(tx, row.id, {
    enabled: false,
    disabled_reason: reason,
    disabled_at: now,
    version: row.version + 1,
    updated_at: now,
  });
  await repo.failOpenDeliveries(tx, row.id, now, 'endpoint_disabled');
  return updated;
}

export async function update(
  ctx: Ctx,
  id: string,
  patch: WebhookEndpointInput,
  expectedVersion?: number,
  settings: UrlCheckSettings = {},
): Promise<WebhookEndpoint> {
  const policy = settings.policy ?? policyFromEnv();
  return inTransaction(ctx, async (tx) => {
    // row lock: a concurrent patch (or a delivery disabling the endpoint) waits and sees the new version
    const current = await repo.findEndpoint(tx, id, { lock: true });
    if (!current) throw notFound('webhook_endpoint', id);
    if (expectedVersion !== undefined && expectedVersion !== current.version) {
      throw versionMismatch('webhook_endpoint', expectedVersion, current.version);
    }
    const before: EndpointDraft = {
      url: current.url,
      description: current.description,
      enabledEvents: current.enabled_events,
      enabled: current.enabled,
      metadata: current.metadata,
    };
    const { draft, errors } = checkEndpoint(applyEndpointPatch(before, patch), policy);
    if (patch.url !== undefined) await urlProblem(draft.url, settings, errors);
    errors.throwIfAny();
    const now = tx.clock.now();
    const enabling = draft.enabled && !current.enabled;
    const disabling = !draft.enabled && current.enabled;
    const row = await repo.updateEndpoint(tx, id, {
      url: draft.url,
      description: draft.description,
      enabled_events: draft.enabledEvents,
      metadata: draft.metadata,
      version: current.version + 1,
      updated_at: now,
      // re-enabling starts afresh: no disabled reason, no failure streak
      ...(enabling ? { enabled: true, disabled_reason: null, disabled_at: null, failing_since: null } : {}),
      ...(disabling ? { enabled: false, disabled_reason: 'manual' as const, disabled_at: now } : {}),
    });
    if (disabling) await repo.failOpenDeliveries(tx, id, now, 'endpoint_disabled');
    const endpoint = repo.toEndpoint(row);
    await events.emit(tx, 'webhook_endpoint.updated', { ...endpoint });
    return endpoint;
  });
}

export async function remove(ctx: Ctx, id: string): Promise<WebhookEndpoint> {
  return inTransaction(ctx, async (tx) => {
    const row = await repo.findEndpoint(tx, id, { lock: true });
    if (!row) throw notFound('webhook_endpoint', id);
    await repo.deleteEndpoint(tx, id); // its deliveries go with it
    const endpoint = repo.toEndpoint(row);
    await events.emit(tx, 'webhook_endpoint.deleted', { ...endpoint });
    return endpoint;
  });
}

/**
 * Issues a new secret. For `expiresIn` seconds (default 24 h, at most 7 days, 0 = none) the old secret keeps
 * signing too: each delivery carries both signatures, so receivers can switch without missing a webhook.
 * Rotating again within an overlap retires the oldest secret at once.
 */
export async function rotateSecret(
  ctx: Ctx,
  id: string,
  input: { expiresIn?: number } = {},
): Promise<WebhookEndpointWithSecret> {
  const expiresIn = input.expiresIn ?? DEFAULT_ROTATION_OVERLAP_SECONDS;
  if (!Number.isInteger(expiresIn) || expiresIn < 0 || expiresIn > MAX_ROTATION_OVERLAP_SECONDS) {
    const errors = new FieldErrors();
    errors.add(
      'expiresIn',
      'expires_in_invalid',
      `must be whole seconds from 0 to ${MAX_ROTATION_OVERLAP_SECONDS}`,
    );
    errors.throwIfAny();
  }
  return inTransaction(ctx, async (tx) => {
    const current = await repo.findEndpoint(tx, id, { lock: true });
    if (!current) throw notFound('webhook_endpoint', id);
    const secret = generateSecret();
    const now = tx.clock.now();
    const row = await repo.updateEndpoint(tx, id, {
      secret_encrypted: encryptSecret(secret, secretContext(id)),
      previous_secret_encrypted: expiresIn > 0 ? current.secret_encrypted : null,
      previous_secret_expires_at: expiresIn > 0 ? new Date(now.getTime() + expiresIn * 1000) : null,
      secret_rotated_at: now,
      version: current.version + 1,
      updated_at: now,
    });
    const endpoint = repo.toEndpoint(row);
    await events.emit(tx, 'webhook_endpoint.updated', { ...endpoint });
    return { ...endpoint, secret };
  });
}

/** The signing keys of an endpoint at `now`: the current secret, and the previous one during its overlap. */
export function signingSecrets(row: repo.EndpointRow, now: Date): string[] {
  const secrets = [decryptSecret(row.secret_encrypted, secretContext(row.id))];
  if (
    row.previous_secret_encrypted &&
    row.previous_secret_expires_at &&
    row.previous_secret_expires_at > now
  ) {
    secrets.push(decryptSecret(row.previous_secret_encrypted, secretContext(row.id)));
  }
  return secrets;
}

/** The endpoint, kept from being deleted until the transaction ends (it writes deliveries for it). */
async function requireEnabled(tx: Ctx, id: string): Promise<repo.EndpointRow> {
  const row = await repo.findEndpoint(tx, id, { lock: 'keyShare' });
  if (!row) throw notFound('webhook_endpoint', id);
  if (!row.enabled) {
    throw new DomainError(
      'conflict',
      'webhook_endpoint_disabled',
      `The endpoint is disabled (${row.disabled_reason}); enable it with PATCH first.`,
    );
  }
  return row;
}

/**
 * Sends a `webhook.test` event to this endpoint only (whatever its event filter), through the normal
 * delivery path: signed, logged, retried.
 */
export async function sendTest(ctx: Ctx, id: string): Promise<WebhookDelivery> {
  return inTransaction(ctx, async (tx) => {
    const row = await requireEnabled(tx, id);
    const event = await events.emit(tx, WEBHOOK_TEST_EVENT, { ...repo.toEndpoint(row) }, { fanOut: false });
    const now = tx.clock.now();
    const deliveryId = newId('webhookDelivery');
    await repo.insertDeliveries(tx, [
      {
        id: deliveryId,
        organization_id: tx.organizationId,
        endpoint_id: id,
        event_id: event.id,
        event_type: event.type,
        resource_id: id,
        trigger: 'test',
        auto_retry: true,
        next_attempt_at: dueNow(tx),
        created_at: now,
        updated_at: now,
      },
    ]);
    await jobs.enqueueMany(tx, [deliverJob(tx.organizationId, id)]);
    return repo.toDelivery((await repo.findDelivery(tx, deliveryId))!);
  });
}

export async function listDeliveries(
  ctx: Ctx,
  endpointId: string,
  query: WebhookDeliveryListQuery,
): Promise<Page<WebhookDelivery>> {
  if (!(await repo.findEndpoint(ctx, endpointId))) throw notFound('webhook_endpoint', endpointId);
  return toPage(await repo.listDeliveries(ctx, endpointId, query), query, repo.toDelivery);
}

export async function getDelivery(ctx: Ctx, id: string): Promise<WebhookDelivery> {
  const row = await repo.findDelivery(ctx, id);
  if (!row) throw notFound('webhook_delivery', id);
  return repo.toDelivery(row);
}

/**
 * Sends a finished delivery (succeeded or failed) once more, now. A manual retry is a single attempt: if it
 * fails, the delivery is failed again rather than starting the whole schedule over.
 */
export async function retryDelivery(ctx: Ctx, id: string): Promise<WebhookDelivery> {
  return inTransaction(ctx, async (tx) => {
    const delivery = await repo.findDelivery(tx, id, { lock: true });
    if (!delivery) throw notFound('webhook_delivery', id);
    if (delivery.status === 'pending') {
      throw new DomainError(
        'conflict',
        'webhook_delivery_pending',
        'The delivery is still pending; it is retried on its schedule.',
      );
    }
    await requireEnabled(tx, delivery.endpoint_id);
    const now = tx.clock.now();
    const row = await repo.updateDelivery(tx, id, {
      status: 'pending',
      failures: 0,
      auto_retry: false,
      next_attempt_at: dueNow(tx),
      completed_at: null,
      updated_at: now,
    });
    await jobs.enqueueMany(tx, [deliverJob(tx.organizationId, delivery.endpoint_id)]);
    return repo.toDelivery(row);
  });
}

/**
 * Delivers past events to an endpoint again, as new deliveries (same `webhook-id`, so receivers that
 * de-duplicate still can): the events named by `eventIds` whatever their type, or every event of the
 * endpoint's types created within `from`–`to` (`to` defaults to now).
 */
export async function replay(
  ctx: Ctx,
  endpointId: string,
  input: WebhookReplayInput,
): Promise<WebhookReplayResult> {
  const errors = new FieldErrors();
  const byIds = input.eventIds !== undefined;
  const byRange = input.from !== undefined || input.to !== undefined;
  if (byIds === byRange)
    errors.add('eventIds', 'replay_selection_invalid', 'give either eventIds, or from (and to)');
  if (byRange && input.from === undefined) errors.add('from', 'required', 'a range needs its start');
  // instants, not texts: `…T10:00:00+02:00` is before `…T09:00:00Z`
  if (input.from && input.to && Date.parse(input.from) > Date.parse(input.to))
    errors.add('to', 'range_invalid', 'must not be before from');
  if (byIds && input.eventIds!.length === 0) errors.add('eventIds', 'required', 'name at least one event');
  errors.throwIfAny();
  return inTransaction(ctx, async (tx) => {
    const endpoint = await requireEnabled(tx, endpointId);
    const now = tx.clock.now();
    let found: { id: string; type: string; resource_id: string }[];
    if (byIds) {
      const ids = [...new Set(input.eventIds)];
      found = await repo.findEvents(
        tx,
        ids.filter((id) => isId('event', id)),
      );
      const known = new Set(found.map((e) => e.id));
      input.eventIds!.forEach((id, i) => {
        if (!known.has(id)) errors.add(`eventIds.${i}`, 'event_not_found', `no event '${id}'`);
      });
      errors.throwIfAny();
      found.sort((a, b) => (a.id < b.id ? -1 : 1));
    } else {
      const range = { from: input.from!, to: input.to ?? now.toISOString() };
      found = await repo.findEventsInRange(
        tx,
        range,
        endpoint.enabled_events,
        [WEBHOOK_TEST_EVENT],
        MAX_REPLAY_EVENTS + 1,
      );
      if (found.length > MAX_REPLAY_EVENTS) {
        throw new DomainError(
          'unprocessable',
          'replay_range_too_large',
          `The range holds more than ${MAX_REPLAY_EVENTS} events; replay it in smaller ranges.`,
        );
      }
    }
    await repo.insertDeliveries(
      tx,
      found.map((event) => ({
        id: newId('webhookDelivery'),
        organization_id: tx.organizationId,
        endpoint_id: endpointId,
        event_id: event.id,
        event_type: event.type,
        resource_id: event.resource_id,
        trigger: 'replay' as const,
        auto_retry: true,
        next_attempt_at: dueNow(tx),
        created_at: now,
        updated_at: now,
      })),
    );
    if (found.length > 0) await jobs.enqueueMany(tx, [deliverJob(tx.organizationId, endpointId)]);
    return { endpointId, enqueued: found.length };
  });
}
