import type { Knex } from 'knex';
import * as audit from '../audit/service';
import * as contactsRepo from '../contacts/repo';
import { type Ctx, inTransaction, scoped } from '../context';
import { DomainError, FieldErrors, notFound } from '../errors';
import * as events from '../events/service';
import { newId } from '../ids';
import { applyCursor, type Page, type PageQuery, toPage } from '../pagination';

/** A named set of contacts (segments for mailings, collective billing, reports). */
export interface ContactGroup {
  id: string;
  name: string;
  description: string | null;
  /** Contacts in the group, archived ones included. */
  memberCount: number;
  createdAt: string;
}

/** On create `name` is required; on update every field is optional and `null` clears the description. */
export interface ContactGroupInput {
  name?: string;
  description?: string | null;
}

export interface ContactGroupListQuery extends PageQuery {
  /** Part of the name, case-insensitive. */
  q?: string;
}

export const GROUP_NAME_MAX = 100;
export const GROUP_DESCRIPTION_MAX = 1000;

interface GroupRow {
  id: string;
  name: string;
  description: string | null;
  member_count: number;
  created_at: Date;
}

function toGroup(row: GroupRow): ContactGroup {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    memberCount: row.member_count,
    createdAt: row.created_at.toISOString(),
  };
}

/** Groups with their member count in one query (a correlated count on the (organization_id, group_id) index). */
function selectGroups(ctx: Ctx): Knex.QueryBuilder {
  return scoped(ctx, 'contact_groups', 'g').select(
    'g.id',
    'g.name',
    'g.description',
    'g.created_at',
    ctx.db.raw(`(SELECT count(*)::int FROM contact_group_members m
      WHERE m.organization_id = g.organization_id AND m.group_id = g.id) AS member_count`),
  );
}

/**
 * Names are trimmed and must be unique in the organisation. `|` is refused because CSV files list a
 * contact's groups by name separated with `|` (see contacts/csv.ts): such a group could never be imported.
 */
function checkInput(input: ContactGroupInput, creating: boolean): FieldErrors {
  const errors = new FieldErrors();
  if (input.name !== undefined || creating) {
    const name = input.name?.trim() ?? '';
    if (!name) errors.add('name', 'required', 'a group needs a name');
    else if (name.length > GROUP_NAME_MAX)
      errors.add('name', 'too_long', `at most ${GROUP_NAME_MAX} characters`);
    else if (name.includes('|'))
      errors.add('name', 'contact_group_name_invalid', 'cannot contain `|` (CSV separator)');
  }
  if (input.description && input.description.length > GROUP_DESCRIPTION_MAX) {
    errors.add('description', 'too_long', `at most ${GROUP_DESCRIPTION_MAX} characters`);
  }
  return errors;
}

/** An empty description is no description (and ajv's type coercion turns a JSON `null` into `""`). */
function blankToNull(description: string | null | undefined): string | null {
  return description?.trim() ? description : null;
}

const nameTaken = (name: string) =>
  new DomainError('unprocessable', 'validation_failed', 'The request breaks one or more rules.', {
    errors: [
      { path: 'name', code: 'contact_group_name_taken', message: `a group named '${name}' exists already` },
    ],
  });

/** PostgreSQL's unique_violation: the name was taken by a concurrent writer between our check and our write. */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

async function nameExists(tx: Ctx, name: string, exceptId?: string): Promise<boolean> {
  const q = scoped(tx, 'contact_groups').where('name', name);
  if (exceptId) q.whereNot('id', exceptId);
  return (await q.first('id')) !== undefined;
}

export async function get(ctx: Ctx, id: string): Promise<ContactGroup> {
  const row: GroupRow | undefined = await selectGroups(ctx).where('g.id', id).first();
  if (!row) throw notFound('contact_group', id);
  return toGroup(row);
}

/** For batched loading (GraphQL): groups in the order of `ids`, undefined where none exists in this organisation. */
export async function getMany(ctx: Ctx, ids: readonly string[]): Promise<(ContactGroup | undefined)[]> {
  if (ids.length === 0) return [];
  const rows: GroupRow[] = await selectGroups(ctx).whereIn('g.id', [...new Set(ids)]);
  const found = new Map(rows.map((r) => [r.id, toGroup(r)]));
  return ids.map((id) => found.get(id));
}

/** Group ids by exact name, for CSV import: one query for all names of a file. */
export async function idsByName(ctx: Ctx, names: readonly string[]): Promise<Map<string, string>> {
  if (names.length === 0) return new Map();
  const rows: { id: string; name: string }[] = await scoped(ctx, 'contact_groups')
    .whereIn('name', [...new Set(names)])
    .select('id', 'name');
  return new Map(rows.map((r) => [r.name, r.id]));
}

/** Group names by id, for CSV export. */
export async function namesById(ctx: Ctx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows: { id: string; name: string }[] = await scoped(ctx, 'contact_groups')
    .whereIn('id', [...new Set(ids)])
    .select('id', 'name');
  return new Map(rows.map((r) => [r.id, r.name]));
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

export async function list(ctx: Ctx, query: ContactGroupListQuery): Promise<Page<ContactGroup>> {
  const q = selectGroups(ctx);
  if (query.q?.trim()) q.whereILike('g.name', `%${escapeLike(query.q.trim())}%`);
  const rows: GroupRow[] = await applyCursor(q, query, 'g.id');
  return toPage(rows, query, toGroup);
}

export async function create(ctx: Ctx, input: ContactGroupInput): Promise<ContactGroup> {
  checkInput(input, true).throwIfAny();
  const name = input.name!.trim();
  return inTransaction(ctx, async (tx) => {
    if (await nameExists(tx, name)) throw nameTaken(name);
    const id = newId('contactGroup');
    try {
      await tx.db('contact_groups').insert({
        id,
        organization_id: tx.organizationId,
        name,
        description: blankToNull(input.description),
        created_at: tx.clock.now(),
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(name);
      throw error;
    }
    const group = await get(tx, id);
    await events.emit(tx, 'contact_group.created', { ...group });
    return group;
  });
}

export async function update(ctx: Ctx, id: string, input: ContactGroupInput): Promise<ContactGroup> {
  checkInput(input, false).throwIfAny();
  return inTransaction(ctx, async (tx) => {
    // row lock: concurrent renames of one group apply one after the other
    const current = await scoped(tx, 'contact_groups').where('id', id).forUpdate().first('id');
    if (!current) throw notFound('contact_group', id);
    const changes: Record<string, unknown> = {};
    if (input.name !== undefined) {
      const name = input.name.trim();
      if (await nameExists(tx, name, id)) throw nameTaken(name);
      changes.name = name;
    }
    if (input.description !== undefined) changes.description = blankToNull(input.description);
    if (Object.keys(changes).length > 0) {
      try {
        await scoped(tx, 'contact_groups').where('id', id).update(changes);
      } catch (error) {
        if (isUniqueViolation(error)) throw nameTaken(String(changes.name));
        throw error;
      }
    }
    const group = await get(tx, id);
    await events.emit(tx, 'contact_group.updated', { ...group });
    return group;
  });
}

/**
 * Deletes a group and its memberships; the contacts themselves stay. The event carries the group as it was
 * (with the member count it had), so a subscriber knows which memberships went away.
 */
export async function remove(ctx: Ctx, id: string): Promise<ContactGroup> {
  return inTransaction(ctx, async (tx) => {
    // row lock first: a contact write that checked this group (FOR KEY SHARE) finishes before we delete it
    const locked = await scoped(tx, 'contact_groups').where('id', id).forUpdate().first('id');
    if (!locked) throw notFound('contact_group', id);
    const group = await get(tx, id);
    const members: string[] = await scoped(tx, 'contact_group_members')
      .where('group_id', id)
      .orderBy('contact_id')
      .pluck('contact_id');
    await scoped(tx, 'contact_group_members').where('group_id', id).delete();
    await scoped(tx, 'contact_groups').where('id', id).delete();
    await events.emit(tx, 'contact_group.deleted', { ...group });
    // The members' `groupIds` changed: they get a new version and updatedAt, a `contact.updated` event and an
    // audit entry each, as any change of a contact does — a sync reading `updatedGte`, a cache by ETag, a
    // webhook consumer all learn of it (before, the contacts changed silently).
    if (members.length > 0) {
      const now = tx.clock.now();
      await scoped(tx, 'contacts')
        .whereIn('id', members)
        .update({ version: tx.db.raw('version + 1'), updated_at: now });
      const updated = await contactsRepo.findByIds(tx, members);
      await events.emitMany(
        tx,
        'contact.updated',
        updated.map((c) => ({ ...c })),
      );
      await audit.recordMany(
        tx,
        updated.map((c) => ({
          action: 'contact.updated',
          resourceType: 'contact',
          resourceId: c.id,
          before: { groupIds: [...c.groupIds, id].sort(), version: c.version - 1 },
          after: { groupIds: c.groupIds, version: c.version },
        })),
      );
    }
    return group;
  });
}
