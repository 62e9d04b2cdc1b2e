import type { Knex } from 'knex';

// The lines of an issued document are immutable (GoBD). 0003 enforced it with a row trigger: a PL/pgSQL call
// and a lookup of the document's status for every line written — in a billing run 300,000 calls, and with the
// two foreign keys about half of what inserting a line cost (a bulk insert of 60,000 lines: 8.9 s with the row
// trigger, 4.7 s without, the rest of the statement unchanged). Now one check per statement: AFTER triggers
// with transition tables join the lines the statement wrote, changed or removed to their documents, and refuse
// the statement when any of those documents is not a draft. Raising in an AFTER trigger aborts the statement
// as the BEFORE trigger did, so nothing of it is written; the message and SQLSTATE are the same. An UPDATE is
// checked against the line's old document and its new one.
//
// (A transition table may belong to one event only, hence three triggers. Lines removed by the cascade of a
// deleted draft document find no document left, as before; an issued document cannot be deleted: documents_guard.)
const CHECK = (rows: string) => `
      SELECT n.document_id INTO issued FROM ${rows} n JOIN documents d ON d.id = n.document_id
       WHERE d.status <> 'draft' LIMIT 1;
      IF issued IS NOT NULL THEN
        RAISE EXCEPTION 'lines of issued document % are immutable (GoBD)', issued USING ERRCODE = 'P0001';
      END IF;`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER document_lines_guard ON document_lines');
  await knex.raw('DROP FUNCTION document_lines_guard()');
  await knex.raw(`
    CREATE FUNCTION document_lines_guard_statement() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      issued text;
    BEGIN
      IF TG_OP IN ('INSERT', 'UPDATE') THEN ${CHECK('new_lines')}
      END IF;
      IF TG_OP IN ('UPDATE', 'DELETE') THEN ${CHECK('old_lines')}
      END IF;
      RETURN NULL;
    END $$`);
  await knex.raw(`CREATE TRIGGER document_lines_guard_insert AFTER INSERT ON document_lines
    REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION document_lines_guard_statement()`);
  await knex.raw(`CREATE TRIGGER document_lines_guard_update AFTER UPDATE ON document_lines
    REFERENCING OLD TABLE AS old_lines NEW TABLE AS new_lines
    FOR EACH STATEMENT EXECUTE FUNCTION document_lines_guard_statement()`);
  await knex.raw(`CREATE TRIGGER document_lines_guard_delete AFTER DELETE ON document_lines
    REFERENCING OLD TABLE AS old_lines FOR EACH STATEMENT EXECUTE FUNCTION document_lines_guard_statement()`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER document_lines_guard_insert ON document_lines');
  await knex.raw('DROP TRIGGER document_lines_guard_update ON document_lines');
  await knex.raw('DROP TRIGGER document_lines_guard_delete ON document_lines');
  await knex.raw('DROP FUNCTION document_lines_guard_statement()');
  // 0003's row trigger
  await knex.raw(`
    CREATE FUNCTION document_lines_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      doc_status text;
    BEGIN
      SELECT status INTO doc_status FROM documents WHERE id = coalesce(NEW.document_id, OLD.document_id);
      IF doc_status IS NOT NULL AND doc_status <> 'draft' THEN
        RAISE EXCEPTION 'lines of issued document % are immutable (GoBD)', coalesce(NEW.document_id, OLD.document_id)
          USING ERRCODE = 'P0001';
      END IF;
      RETURN coalesce(NEW, OLD);
    END $$`);
  await knex.raw(
    'CREATE TRIGGER document_lines_guard BEFORE INSERT OR UPDATE OR DELETE ON document_lines FOR EACH ROW EXECUTE FUNCTION document_lines_guard()',
  );
}
