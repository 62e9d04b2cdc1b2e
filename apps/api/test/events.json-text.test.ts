import { events } from '@fakturo/domain';
import { createTestApp } from '@fakturo/testing';
import { describe, expect, it } from 'vitest';

// Webhook bodies are built from PostgreSQL's text of the stored event (events.eventJson) instead of parsing
// and serialising it again; they must stay byte for byte what GET /v1/events/{id} answers.
const t = await createTestApp();

describe('an event as JSON text from its stored row', () => {
  it('is byte for byte what GET /v1/events/{id} answers, whatever the data holds', async () => {
    const object = {
      id: 'con_text',
      name: 'Müller & Söhne "Gebäudereinigung", Köln: {a, b}',
      note: 'tab\there, newline\nthere, backslash \\ and slash /, bell \u0007, emoji 🧾, line sep \u2028',
      spaces: '  leading, inner  and trailing  ',
      amounts: [0, -5, 1999, 12.5, 0.1, 9007199254740991],
      nested: { empty: {}, list: [], flag: true, nothing: null, deeper: [{ 'key with space': 'v' }] },
      '': 'empty key',
    };
    const emitted = await events.emit(
      { ...t.main.ctx, requestId: 'req_"quoted"' },
      'contact.created',
      object,
      {
        fanOut: false,
      },
    );
    const { rows } = await t.db.raw(
      `SELECT e.id, e.type, e.organization_id, e.request_id, e.data::text AS data, ${events.CREATED_AT_ISO} AS created_at
       FROM events e WHERE e.id = ?`,
      [emitted.id],
    );
    const text = events.eventJson(rows[0]);
    const answered = await t.api({ method: 'GET', url: `/v1/events/${emitted.id}` });
    expect(answered.status).toBe(200);
    expect(text).toBe(answered.text);
    // and the same event: only jsonb's order of members (shorter keys first) differs from the emitted object
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(emitted)));
  });

  it('removes only the separators PostgreSQL writes', () => {
    expect(events.compactJsonbText('{"a b": "c, d: e", "f": [1, 2, {"g": "\\" ,"}]}')).toBe(
      '{"a b":"c, d: e","f":[1,2,{"g":"\\" ,"}]}',
    );
    expect(events.compactJsonbText('[]')).toBe('[]');
  });
});
