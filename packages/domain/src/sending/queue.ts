import * as contactsRepo from '../contacts/repo';
import { type Ctx, scoped } from '../context';
import { familyOf } from '../documents/lifecycle';
import type { DocumentStatus } from '../documents/resource';
import type { DocumentType } from '../documents/types';
import * as events from '../events/service';
import { newId } from '../ids';
import * as jobs from '../jobs';
import * as repo from './repo';
import { recipientsOf, SEND_MAX_ATTEMPTS, sendRefusal, takesEInvoice } from './rules';

// Queueing sends inside the caller's transaction. Kept apart from service.ts so billing runs can queue the
// invoices of a `finalize_and_send` batch without importing the scheduler (which needs the test clocks).

/** The worker job of one send; its key makes a repeated enqueue replace, never duplicate, the job. */
export function sendJob(organizationId: string, sendId: string): jobs.JobSpec<'documents_send'> {
  return {
    task: 'documents_send',
    payload: { organizationId, sendId },
    jobKey: `documents_send:${sendId}`,
    maxAttempts: SEND_MAX_ATTEMPTS,
  };
}

/**
 * Queues the automatic send of issued documents — the send date arrived (`schedule`) or a `finalize_and_send`
 * billing run issued them (`billing_run`) — in the caller's transaction: one send per document to the
 * contact's billing addresses, with the e-invoice the contact wants, and its worker job. A document gets at
 * most one automatic send (a unique index), so a second sweep adds nothing. A contact without an e-mail
 * address gets a send that failed at once (`recipient_missing`, `document_send.failed`): visible, not
 * silently skipped. Returns how many sends were queued.
 */
export async function queueAutomatic(
  tx: Ctx,
  documentIds: readonly string[],
  trigger: 'schedule' | 'billing_run',
): Promise<number> {
  if (documentIds.length === 0) return 0;
  const docs: { id: string; type: DocumentType; status: DocumentStatus; contact_id: string }[] = await scoped(
    tx,
    'documents',
  )
    .whereIn('id', [...documentIds])
    .whereNull('sent_at')
    .select('id', 'type', 'status', 'contact_id');
  const sendable = docs.filter((d) => !sendRefusal(familyOf(d.type), d.status));
  if (sendable.length === 0) return 0;
  const contacts = new Map(
    (await contactsRepo.findByIds(tx, [...new Set(sendable.map((d) => d.contact_id))])).map((c) => [c.id, c]),
  );
  const now = tx.clock.now();
  const rows: repo.NewSend[] = sendable.map((doc) => {
    const contact = contacts.get(doc.contact_id);
    const recipients = recipientsOf(contact?.emails ?? []);
    const base = {
      id: newId('documentSend'),
      document_id: doc.id,
      trigger,
      recipients,
      einvoice_format: takesEInvoice(doc.type) ? (contact?.eInvoiceFormat ?? null) : null,
    };
    if (recipients.length > 0) return { ...base, status: 'queued' as const };
    return {
      ...base,
      status: 'failed' as const,
      last_error_code: 'recipient_missing',
      last_error: 'The contact has no e-mail address; add one and retry the send.',
      failed_at: now,
    };
  });
  const inserted = new Set(await repo.insert(tx, rows, now, { skipTaken: true }));
  const queued = rows.filter((r) => inserted.has(r.id) && r.status === 'queued');
  await jobs.enqueueMany(
    tx,
    queued.map((r) => sendJob(tx.organizationId, r.id)),
  );
  for (const r of rows.filter((r) => inserted.has(r.id) && r.status === 'failed')) {
    const failed = (await repo.find(tx, r.id))!;
    await events.emit(tx, 'document_send.failed', { ...repo.toSend(failed) });
  }
  return queued.length;
}
