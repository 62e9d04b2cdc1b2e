import type { Knex } from 'knex';

// When the customer first opened a sent document in the customer portal (the mail's link). A life-cycle
// column like sent_at: documents_guard does not freeze it, so it is set on an issued document.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE documents ADD COLUMN viewed_at timestamptz');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE documents DROP COLUMN viewed_at');
}
