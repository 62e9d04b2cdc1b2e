import { companyInput, personInput } from '@fakturo/testing';
import { describe, expect, it } from 'vitest';
import { type ContactImportReport, ValidationError } from '../src/index';
import { startLiveApi } from './support';

const api = await startLiveApi();
const fakturo = api.client();

describe('contacts as CSV through the SDK: export, then import elsewhere', () => {
  it('exports CSV text that imports into another organisation, contact for contact', async () => {
    const tag = `csv-${Date.now()}`;
    await fakturo.contacts.create(companyInput({ companyName: 'Exportwerk GmbH', tags: [tag] }));
    await fakturo.contacts.create(personInput({ lastName: 'Ausfuhr', tags: [tag] }));

    const csv = await fakturo.contacts.export({ tag, delimiter: ';' });
    expect(typeof csv).toBe('string');
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    expect(header).toContain('companyName');
    expect(rows).toHaveLength(2);
    expect(csv).toContain('Exportwerk GmbH');

    const other = api.client({}, await api.t.tenant('Import AG'));
    const report: ContactImportReport = await other.contacts.import(csv, { delimiter: ';' });
    expect(report).toMatchObject({ imported: 2, failed: 0, errors: [] });
    const imported = await Promise.all(report.contactIds.map((id) => other.contacts.get(id)));
    expect(imported.map((c) => c.displayName).sort()).toEqual(['Erika Ausfuhr', 'Exportwerk GmbH']);
  });

  it('reports bad rows with their line and field, or refuses the whole file when atomic', async () => {
    const csv = [
      'kind,firstName,lastName,iban',
      'person,Gute,Zeile,DE89370400440532013000',
      'person,Schlechte,Zeile,DE00123456780000000000',
    ].join('\n');
    const report = await fakturo.contacts.import(csv);
    expect(report).toMatchObject({ imported: 1, failed: 1 });
    expect(report.errors).toEqual([
      { row: 2, line: 3, errors: [expect.objectContaining({ path: 'iban', code: expect.any(String) })] },
    ]);

    const error = await fakturo.contacts.import(csv, { atomic: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ status: 422 });
  });
});
