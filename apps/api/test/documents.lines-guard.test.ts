import { fixedClock } from '@fakturo/domain';
import { companyInput, createTestApp } from '@fakturo/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { contact, draft, finalize, line, ok, patch, readySeller } from './documents.support';

// The database's own GoBD guard on document lines (migration 0017: one check per statement): whatever SQL
// reaches the table, the lines of an issued document cannot be added, changed, moved or removed, and a
// refused statement writes nothing — while drafts stay freely editable.
const t = await createTestApp({ clock: fixedClock('2026-03-15T10:00:00Z') });

let buyer: { id: string };
beforeAll(async () => {
  await readySeller(t);
  buyer = await contact(t, companyInput({ companyName: 'Bäckerei Müller KG' }));
});

const linesOf = (documentId: string) =>
  t.db('document_lines').where('document_id', documentId).orderBy('position').select('*');

/** A raw line row for `documentId`, copied from one of its stored lines. */
async function copyOf(documentId: string, position: number) {
  const [template] = await linesOf(documentId);
  const { id: _id, ...rest } = template;
  return { ...rest, id: `dl_guard_${documentId.slice(-6)}_${position}`, position };
}

describe('the lines of an issued document', () => {
  it('refuse INSERT, UPDATE (also moving a line in or out) and DELETE, and a refused statement writes nothing', async () => {
    const done = await finalize(t, (await draft(t, { contactId: buyer.id, lines: [line(), line()] })).id);
    const open = await draft(t, { contactId: buyer.id, lines: [line()] });
    const before = await linesOf(done.id);
    expect(before).toHaveLength(2);

    await expect(t.db('document_lines').insert(await copyOf(done.id, 3))).rejects.toThrow(
      `lines of issued document ${done.id} are immutable (GoBD)`,
    );
    // one statement with a draft's line and an issued document's line: refused as a whole
    await expect(
      t.db('document_lines').insert([await copyOf(open.id, 5), await copyOf(done.id, 4)]),
    ).rejects.toThrow(/immutable \(GoBD\)/);
    await expect(
      t.db('document_lines').where('document_id', done.id).update({ name: 'changed' }),
    ).rejects.toThrow(/immutable \(GoBD\)/);
    // moving a line out of the issued document, or a draft's line into it
    await expect(
      t.db('document_lines').where('id', before[0].id).update({ document_id: open.id, position: 9 }),
    ).rejects.toThrow(/immutable \(GoBD\)/);
    const [openLine] = await linesOf(open.id);
    await expect(
      t.db('document_lines').where('id', openLine.id).update({ document_id: done.id, position: 9 }),
    ).rejects.toThrow(/immutable \(GoBD\)/);
    await expect(t.db('document_lines').where('document_id', done.id).delete()).rejects.toThrow(
      /immutable \(GoBD\)/,
    );

    expect(await linesOf(done.id)).toEqual(before);
    expect(await linesOf(open.id)).toHaveLength(1);
  });
});

describe('the lines of a draft', () => {
  it('can be added, changed and removed, through the API and in SQL; deleting the draft removes them', async () => {
    const open = await draft(t, { contactId: buyer.id, lines: [line()] });
    await t.db('document_lines').insert(await copyOf(open.id, 2));
    await t.db('document_lines').where('document_id', open.id).update({ name: 'Geändert' });
    await t.db('document_lines').where({ document_id: open.id, position: 2 }).delete();
    expect((await linesOf(open.id)).map((l) => l.name)).toEqual(['Geändert']);

    const edited = await ok(
      patch(t, `/v1/invoices/${open.id}`, { lines: [line({ name: 'A' }), line({ name: 'B' })] }),
    );
    expect(edited.lines.map((l: { name: string }) => l.name)).toEqual(['A', 'B']);

    const removed = await t.api({ method: 'DELETE', url: `/v1/invoices/${open.id}` });
    expect(removed.status).toBe(204);
    expect(await linesOf(open.id)).toEqual([]);
  });
});
