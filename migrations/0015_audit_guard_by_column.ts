import type { Knex } from 'knex';

// The audit log's append-only guard (0005, 0011) ran a PL/pgSQL function for every row the sealer links into
// the chain, comparing every column — the jsonb `before` and `after` included — to prove only the chain
// columns changed. The same rule, declared by column so PostgreSQL decides without calling a function:
// - an UPDATE naming any content column is refused, whatever the values (nothing but sealing ever updates);
// - an UPDATE naming a chain column is refused unless it seals an unsealed entry (checked in the trigger's
//   WHEN, in C); `audit_log_sealed_whole` (0011) keeps `seq` and both hashes together;
// - DELETE is refused.
// Every UPDATE names at least one column, so every UPDATE meets one of the first two. Sealing (the one update
// allowed) no longer costs a function call and two jsonb comparisons per entry.
const CONTENT = [
  'organization_id',
  'id',
  'actor_type',
  'actor_id',
  'action',
  'resource_type',
  'resource_id',
  'before',
  'after',
  'request_id',
  'created_at',
].join(', ');

export async function up(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER audit_log_guard ON audit_log');
  await knex.raw(`
    CREATE OR REPLACE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'the audit log is append-only (GoBD)' USING ERRCODE = 'P0001';
    END $$`);
  await knex.raw(
    `CREATE TRIGGER audit_log_guard_content BEFORE UPDATE OF ${CONTENT} ON audit_log
       FOR EACH ROW EXECUTE FUNCTION audit_log_guard()`,
  );
  await knex.raw(
    `CREATE TRIGGER audit_log_guard_chain BEFORE UPDATE OF seq, prev_hash, hash ON audit_log
       FOR EACH ROW WHEN (OLD.seq IS NOT NULL OR NEW.seq IS NULL) EXECUTE FUNCTION audit_log_guard()`,
  );
  await knex.raw(
    'CREATE TRIGGER audit_log_guard_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_guard()',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER audit_log_guard_content ON audit_log');
  await knex.raw('DROP TRIGGER audit_log_guard_chain ON audit_log');
  await knex.raw('DROP TRIGGER audit_log_guard_delete ON audit_log');
  // 0011's function: sealing an unsealed entry, and only its chain columns
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
  await knex.raw(
    'CREATE TRIGGER audit_log_guard BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_guard()',
  );
}
