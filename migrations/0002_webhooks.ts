import type { Knex } from 'knex';

// Webhook endpoints, their deliveries, and the bookkeeping that makes the outbox → webhook path lossless.
export async function up(knex: Knex): Promise<void> {
  // The webhook side of the transactional outbox: events.emit adds a row here, in the event's transaction,
  // when the organisation has an enabled endpoint; the fan-out turns rows into deliveries and deletes them.
  // A narrow queue of its own instead of a flag on `events`: `events` stays insert-only, and taking work is
  // a cheap DELETE … RETURNING instead of an UPDATE rewriting wide, six-times-indexed event rows. A row left
  // behind (its fan-out job died with a process) is found again by the sweeper. No foreign keys: rows live
  // for milliseconds and are checked against nothing.
  await knex.raw(`
    CREATE TABLE webhook_outbox (
      organization_id text NOT NULL,
      event_id text NOT NULL,
      event_type text NOT NULL,
      resource_id text NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (organization_id, event_id)
    )`);

  await knex.raw(`
    CREATE TABLE webhook_endpoints (
      id text PRIMARY KEY,
      organization_id text NOT NULL REFERENCES organizations(id),
      url text NOT NULL,
      description text,
      -- exact types (invoice.paid), prefixes (invoice.*) or everything (*)
      enabled_events text[] NOT NULL,
      enabled boolean NOT NULL DEFAULT true,
      disabled_reason text CHECK (disabled_reason IN ('manual', 'gone', 'failing')),
      disabled_at timestamptz,
      -- first failure since the last success; an endpoint failing for 5 days is disabled
      failing_since timestamptz,
      metadata jsonb NOT NULL DEFAULT '{}',
      -- signing secrets, AES-256-GCM encrypted with FAKTURO_ENCRYPTION_KEY (never stored in plain text)
      secret_encrypted text NOT NULL,
      -- after a rotation the old secret keeps signing (a second signature) until it expires
      previous_secret_encrypted text,
      previous_secret_expires_at timestamptz,
      secret_rotated_at timestamptz,
      -- lease of the one worker run sending to this endpoint: a receiver gets one run's window of requests
      -- at a time however many jobs were started, and the run knows what it has in flight, so deliveries
      -- need no lease of their own; expires if that worker dies
      sending_until timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (enabled = (disabled_reason IS NULL))
    )`);
  await knex.raw('CREATE INDEX webhook_endpoints_org_idx ON webhook_endpoints (organization_id, id DESC)');

  // One row per (endpoint, event) to deliver; the row is its own delivery log (last attempt's outcome).
  await knex.raw(`
    CREATE TABLE webhook_deliveries (
      id text PRIMARY KEY,
      organization_id text NOT NULL REFERENCES organizations(id),
      endpoint_id text NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
      -- no foreign key to events: checking it would cost every insert, and events are never deleted
      -- (retention, when it comes, removes deliveries with their events)
      event_id text NOT NULL,
      event_type text NOT NULL,
      -- deliveries of one resource to one endpoint go out in event order (see the chain index)
      resource_id text NOT NULL,
      trigger text NOT NULL CHECK (trigger IN ('event', 'test', 'replay')),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      -- failures since the delivery was last armed: the position in the retry schedule
      failures integer NOT NULL DEFAULT 0,
      -- a manual retry is one attempt; automatic deliveries follow the whole schedule
      auto_retry boolean NOT NULL DEFAULT true,
      next_attempt_at timestamptz,
      last_attempt_at timestamptz,
      last_status_code integer,
      last_duration_ms integer,
      last_response_excerpt text,
      last_error text,
      completed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL))
    )`);
  await knex.raw(
    'CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (organization_id, endpoint_id, id DESC)',
  );
  // The claim scans an endpoint's due deliveries by due time and stops at the first not yet due. (No
  // event_id/id columns here: with them the planner may use this index for the ordering probe below.)
  await knex.raw(`CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries
    (organization_id, endpoint_id, next_attempt_at) WHERE status = 'pending'`);
  // "is an earlier delivery of this resource to this endpoint still open?" — asked for every candidate of
  // every claim. Its key is one expression no other index has, so the question stays an index probe even
  // before the table has planner statistics (a fresh table taking a burst would otherwise get a plan that
  // scans every open delivery per candidate: quadratic).
  await knex.raw(`CREATE INDEX webhook_deliveries_chain_idx ON webhook_deliveries
    ((organization_id || ' ' || endpoint_id || ' ' || resource_id), event_id, id) WHERE status = 'pending'`);

  // Jobs whose payload failed the check at the task's door: retrying cannot help, so they are recorded here
  // for an operator and taken off the queue (the queue table stays small, as graphile-worker advises).
  await knex.raw(`
    CREATE TABLE job_failures (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      task text NOT NULL,
      job_id text,
      payload jsonb,
      error text NOT NULL,
      details jsonb,
      failed_at timestamptz NOT NULL DEFAULT now()
    )`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('job_failures');
  await knex.schema.dropTableIfExists('webhook_deliveries');
  await knex.schema.dropTableIfExists('webhook_endpoints');
  await knex.schema.dropTableIfExists('webhook_outbox');
}
