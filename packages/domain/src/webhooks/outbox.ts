import type { Ctx } from '../context';
import type { EventRow } from '../events/service';
import * as jobs from '../jobs';

/**
 * From the outbox to webhooks: how a written event reaches the fan-out.
 *
 * Chosen: `events.emit` queues the event in `webhook_outbox` and adds one `webhooks_fan_out` job per
 * transaction and organisation — both with SQL inside the transaction of the change, in one statement.
 * So the queue row and the job exist exactly when the event committed; a transaction writing a thousand
 * events adds one job; the job key carries the transaction id, so concurrent transactions never queue
 * behind a shared key. The same statement does nothing when the organisation has no enabled endpoint
 * (most tenants, most of the time): events then cost webhooks one indexed lookup.
 *
 * Not chosen: a trigger on `events` inserting deliveries directly. It couples every writing transaction
 * to the endpoint matching and would put the subscription rules in PL/pgSQL, while the domain lives once,
 * in TypeScript. Nor a `fanned_out_at` flag on `events`: marking would rewrite wide, much-indexed event rows
 * (and `events` can stay insert-only).
 *
 * Nothing is lost when a process dies: a queued event stays in `webhook_outbox` until a fan-out has
 * committed its deliveries, and the `webhooks_sweep` cron (every minute) adds a fan-out job for every
 * organisation that still has queued events.
 */
export async function scheduleFanOut(
  tx: Ctx,
  rows: readonly Pick<EventRow, 'id' | 'type' | 'resource_id' | 'created_at'>[],
): Promise<void> {
  const org = tx.organizationId;
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000).map((r) => ({
      id: r.id,
      type: r.type,
      resource_id: r.resource_id,
      created_at: r.created_at,
    }));
    // one job per transaction: once a statement of this transaction added it, later ones only queue
    const marker = `webhooks_fan_out:${org}`;
    const job = jobs.perTransaction.added(tx.db, marker)
      ? null
      : jobs.addJobPerTransaction('webhooks_fan_out', { organizationId: org }, marker);
    const { rows: subscribed } = await tx.db.raw(
      `WITH subscribed AS (
         SELECT 1 FROM webhook_endpoints WHERE organization_id = ? AND enabled LIMIT 1
       ), queued AS (
         INSERT INTO webhook_outbox (organization_id, event_id, event_type, resource_id, created_at)
         SELECT ?, e.id, e.type, e.resource_id, e.created_at
         FROM jsonb_to_recordset(?::jsonb) AS e(id text, type text, resource_id text, created_at timestamptz)
         WHERE EXISTS (SELECT 1 FROM subscribed)
       )
       SELECT ${job ? `(${job.sql}).id` : '1'} WHERE EXISTS (SELECT 1 FROM subscribed)`,
      [org, org, JSON.stringify(chunk), ...(job?.bindings ?? [])],
    );
    if (job && subscribed.length > 0) jobs.perTransaction.remember(tx.db, marker);
  }
}
