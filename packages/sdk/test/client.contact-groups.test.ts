import { personInput } from '@fakturo/testing';
import { describe, expect, it } from 'vitest';
import { type ContactGroup, NotFoundError, ValidationError } from '../src/index';
import { startLiveApi } from './support';

const api = await startLiveApi();
const fakturo = api.client();

describe('contact groups through the SDK', () => {
  it('creates, reads, renames, lists and deletes a group; contacts join it through groupIds', async () => {
    const group: ContactGroup = await fakturo.contactGroups.create({ name: 'Key accounts' });
    expect(group).toMatchObject({
      id: expect.any(String),
      name: 'Key accounts',
      description: null,
      memberCount: 0,
    });

    const contact = await fakturo.contacts.create(personInput({ groupIds: [group.id] }));
    expect(contact.groupIds).toEqual([group.id]);
    expect(await fakturo.contactGroups.get(group.id)).toMatchObject({ memberCount: 1 });
    expect((await fakturo.contacts.list({ groupId: group.id })).data.map((c) => c.id)).toEqual([contact.id]);

    const renamed = await fakturo.contactGroups.update(group.id, {
      name: 'Top accounts',
      description: '> 10 000 €',
    });
    expect(renamed).toMatchObject({ name: 'Top accounts', description: '> 10 000 €' });
    expect((await fakturo.contactGroups.list({ q: 'top' })).data.map((g) => g.id)).toEqual([group.id]);

    await fakturo.contactGroups.del(group.id);
    await expect(fakturo.contactGroups.get(group.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await fakturo.contacts.get(contact.id)).groupIds).toEqual([]);
  });

  it('refuses a taken name with the field named', async () => {
    await fakturo.contactGroups.create({ name: 'Resellers' });
    const error = await fakturo.contactGroups.create({ name: 'Resellers' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors).toContainEqual(
      expect.objectContaining({ path: 'name', code: 'contact_group_name_taken' }),
    );
  });

  it('auto-pages groups up to the bound', async () => {
    for (const name of ['A-1', 'A-2', 'A-3', 'A-4']) await fakturo.contactGroups.create({ name });
    const some = await fakturo.contactGroups.listAutoPaging({ q: 'A-', limit: 1 }, { maxItems: 3 }).toArray();
    expect(some.map((g) => g.name)).toEqual(['A-4', 'A-3', 'A-2']);
    expect(() => fakturo.contactGroups.listAutoPaging({}, undefined as never)).toThrow(/needs a bound/);
  });
});
