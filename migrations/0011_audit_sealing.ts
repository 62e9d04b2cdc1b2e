import type { Knex } from 'knex';

// The audit log's hash chain is sealed after commit instead of inside every writing transaction.
//
// Before: each audited write locked its organisation's chain head until its commit had been flushed, so all
// writes of one organisation queued on one row (POST /v1/contacts reached 80 req/s, lock-bound with the
// server idle 68 % of the time). Now a write appends its entry unsealed (no `seq`, no hashes: no shared lock);
// right after the commit a sealer takes the head lock once for every entry committed meanwhile, gives them
// their `seq` in order, and links them with `prev_hash`/`hash` in one statement. What the chain proves is
// unchanged — once sealed, changing, removing or inserting an entry breaks it — and an entry stays unsealed
// only for the moment between its commit and the next seal (reading the log or verifying seals first; a
// worker cron seals whatever a process that died left behind).
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE audit_log DROP CONSTRAINT audit_log_pkey');
  await knex.raw(`
    ALTER TABLE audit_log
      ALTER COLUMN seq DROP NOT NULL,
      ALTER COLUMN prev_hash DROP NOT NULL,
      ALTER COLUMN hash DROP NOT NULL,
      ADD CONSTRAINT audit_log_sealed_whole CHECK ((seq IS NULL) = (hash IS NULL) AND (seq IS NULL) = (prev_hash IS NULL))`);
  await knex.raw('CREATE UNIQUE INDEX audit_log_seq_key ON audit_log (organization_id, seq)');
  // the sealer's work list: small, because entries leave it within moments of their commit
  await knex.raw(
    'CREATE INDEX audit_log_unsealed_idx ON audit_log (organization_id, created_at, id) WHERE seq IS NULL',
  );
  // Still append-only: the one change allowed is sealing an unsealed entry, and only its chain columns.
  await knex.raw(`
    CREATE OR REPLACE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
         AND (NEW.organization_id, NEW.id, NEW.actor_type, NEW.actor_id, NEW.action, NEW.resource_type,
              NEW.resource_id, NEW.request_id, NEW.created_at)
             IS NOT DISTINCT FROM
             (OLD.organization_id, OLD.id, OLD.actor_type, OLD.actor_id, OLD.action, OLD.resource_type,
              OLD.resource_id, OLD.request_id, OLD.created_at)
         AND NEW.before IS NOT DISTINCT FROM OLD.before AND NEW.after IS NOT DISTINCT FROM OLD.after THEN
        RETURN NEW;
      END IF;
      RAISE EXCEPTION 'the audit log is append-only (GoBD)' USING ERRCODE = 'P0001';
    END $$`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE OR REPLACE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'the audit log is append-only (GoBD)' USING ERRCODE = 'P0001';
    END $$`);
  await knex.raw('DROP INDEX IF EXISTS audit_log_unsealed_idx');
  await knex.raw('DROP INDEX IF EXISTS audit_log_seq_key');
  await knex.raw('ALTER TABLE audit_log DROP CONSTRAINT IF EXISTS audit_log_sealed_whole');
  await knex.raw(
    'ALTER TABLE audit_log ALTER COLUMN seq SET NOT NULL, ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL',
  );
  await knex.raw('ALTER TABLE audit_log ADD PRIMARY KEY (organization_id, seq)');
}
