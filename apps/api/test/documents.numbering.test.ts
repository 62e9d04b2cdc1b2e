import { fixedClock } from '@fakturo/domain';
import { companyInput, createTestApp } from '@fakturo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { contact, draft, line, post, readySeller } from './documents.support';

// DOMAIN.md §2: numbers are taken at finalize, inside the finalizing transaction, from a counter row held
// until commit — unique and gap-free under concurrency, and a failed finalize gives its number back.
const t = await createTestApp({ clock: fixedClock('2026-06-01T08:00:00Z') });

let buyer: { id: string };
beforeAll(async () => {
  await readySeller(t);
  buyer = await contact(t, companyInput());
});

const sequence = (number: string) => Number(number.replace('RE-2026-', ''));

async function drafts(n: number, extra: Record<string, unknown> = {}): Promise<string[]> {
  const ids: string[] = [];
  // created one after the other: the test is about finalizing at once
  for (let i = 0; i < n; i++)
    ids.push(
      (await draft(t, { contactId: buyer.id, lines: [line({ name: `Position ${i}` })], ...extra })).id,
    );
  return ids;
}

describe('gap-free numbering', () => {
  it('50 drafts finalized in parallel get an unbroken sequence of numbers', async () => {
    const ids = await drafts(50);
    const responses = await Promise.all(ids.map((id) => post(t, `/v1/invoices/${id}/finalize`)));
    expect(responses.map((r) => r.status)).toEqual(ids.map(() => 200));
    const numbers = responses.map((r) => sequence(r.body.number)).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const stored = await t
      .db('documents')
      .where({ organization_id: t.main.organizationId, status: 'finalized' })
      .pluck('number');
    expect(new Set(stored).size).toBe(50);
  }, 120_000);

  it('a finalize that fails after taking its number leaves no gap, alone or among concurrent ones', async () => {
    // the injected failure: the finalizing UPDATE of a marked draft raises, after numbering.take ran in the
    // same transaction — the whole transaction, number included, rolls back
    await t.db.raw(`
      CREATE FUNCTION test_fail_finalize() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'draft' AND NEW.status = 'finalized' AND NEW.metadata->>'failFinalize' IS NOT NULL THEN
          RAISE EXCEPTION 'injected failure after the number was taken';
        END IF;
        RETURN NEW;
      END $$`);
    await t.db.raw(
      'CREATE TRIGGER test_fail_finalize BEFORE UPDATE ON documents FOR EACH ROW EXECUTE FUNCTION test_fail_finalize()',
    );
    const [doomed] = await drafts(1, { metadata: { failFinalize: 'yes' } });
    const failed = await post(t, `/v1/invoices/${doomed}/finalize`);
    expect(failed.status).toBe(500);
    const [next] = await drafts(1);
    expect(sequence((await post(t, `/v1/invoices/${next}/finalize`)).body.number)).toBe(51);

    // concurrent: 12 good and 4 failing finalizes at once; the good ones get 52…63, nothing is skipped
    const good = await drafts(12);
    const bad = await drafts(4, { metadata: { failFinalize: 'yes' } });
    const mixed = [...good.slice(0, 6), ...bad, ...good.slice(6)];
    const responses = await Promise.all(mixed.map((id) => post(t, `/v1/invoices/${id}/finalize`)));
    const ok = responses
      .filter((r) => r.status === 200)
      .map((r) => sequence(r.body.number))
      .sort((a, b) => a - b);
    expect(ok).toEqual(Array.from({ length: 12 }, (_, i) => 52 + i));
    expect(responses.filter((r) => r.status === 500)).toHaveLength(4);
    const rows = await t
      .db('documents')
      .whereIn('id', [doomed!, ...bad])
      .select('status', 'number');
    expect(rows.every((r) => r.status === 'draft' && r.number === null)).toBe(true);
    // nothing of the failed transactions remains: no event, no audit entry
    expect(await t.db('events').whereIn('resource_id', bad).where('type', 'invoice.finalized')).toHaveLength(
      0,
    );
    expect(
      await t.db('audit_log').whereIn('resource_id', bad).where('action', 'invoice.finalized'),
    ).toHaveLength(0);
  }, 120_000);
});
