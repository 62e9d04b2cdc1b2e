import * as articles from '../articles/service';
import type { Article, ArticleInput } from '../articles/types';
import * as contacts from '../contacts/service';
import type { Contact, ContactInput } from '../contacts/types';
import { type Ctx, scoped } from '../context';
import { DomainError, FieldErrors } from '../errors';
import { normaliseIban } from '../validation/bank';

/**
 * Webshop connectors (API.md: `PUT /v1/connectors/{source}/contacts/{externalId}`, `…/articles/{externalId}`):
 * idempotent upserts keyed by the shop's own ids. The contact or article with that `source` and `externalId`
 * is updated (fields left out keep their values: a shop does not know Fakturo's own fields), or created when
 * there is none. The same body again changes nothing — no new version, event or webhook — so a connector may
 * push its whole state on every sync. Everything else is the resource's own create and update: the same
 * checks, events and audit entries. The last write wins (no `If-Match`): the shop is the source of these fields.
 */

export interface Upserted<T> {
  value: T;
  /** true: there was none with this source and external id, and it was created now. */
  created: boolean;
}

/** A shop's name and its own id, as the path gives them. */
export interface ExternalKey {
  source: string;
  externalId: string;
}

type Keyed = { source?: string | null; externalId?: string | null };

/** A body naming another source or external id than its path is refused: the path is the key. */
function checkKey(input: Keyed, key: ExternalKey): void {
  const errors = new FieldErrors();
  for (const field of ['source', 'externalId'] as const) {
    if (input[field] !== undefined && input[field] !== key[field])
      errors.add(
        field,
        'connector_key_mismatch',
        `must be left out or equal the path's ${field} '${key[field]}'`,
      );
  }
  errors.throwIfAny();
}

/** A create that lost the race for its external id to a concurrent upsert of the same key. */
const lostRace = (error: unknown) =>
  error instanceof DomainError && (error.errors ?? []).some((e) => e.code === 'external_id_taken');

async function upsert<T extends { id: string }, I extends Keyed>(
  ctx: Ctx,
  table: 'contacts' | 'articles',
  key: ExternalKey,
  input: I,
  ops: {
    create: (ctx: Ctx, input: I) => Promise<T>;
    update: (ctx: Ctx, id: string, input: I) => Promise<T>;
    /** What a create needs beyond the resource's own checks. */
    checkCreate?: (input: I, errors: FieldErrors) => void;
  },
): Promise<Upserted<T>> {
  checkKey(input, key);
  const keyed = { ...input, source: key.source, externalId: key.externalId };
  const find = () =>
    scoped(ctx, table).where({ source: key.source, external_id: key.externalId }).first('id');
  const existing = await find();
  if (existing) return { value: await ops.update(ctx, existing.id, keyed), created: false };
  const errors = new FieldErrors();
  ops.checkCreate?.(keyed, errors);
  errors.throwIfAny();
  try {
    return { value: await ops.create(ctx, keyed), created: true };
  } catch (error) {
    // a concurrent upsert of the same key created it first: this one updates what it created
    const winner = lostRace(error) ? await find() : undefined;
    if (!winner) throw error;
    return { value: await ops.update(ctx, winner.id, keyed), created: false };
  }
}

/**
 * A shop knows no Fakturo ids: a bank account it sends again is matched to the stored one by IBAN, a mandate
 * by its reference, so a sync keeps their ids (and writes nothing when nothing changed) instead of replacing
 * them with new ones, as a PATCH would for items without an `id`.
 */
async function withKnownChildIds(ctx: Ctx, id: string, input: ContactInput): Promise<ContactInput> {
  if (!input.bankAccounts && !input.sepaMandates) return input;
  const current = await contacts.get(ctx, id);
  const accountIds = new Map(current.bankAccounts.map((b) => [b.iban, b.id]));
  const mandateIds = new Map(current.sepaMandates.map((m) => [m.reference, m.id]));
  return {
    ...input,
    ...(input.bankAccounts && {
      bankAccounts: input.bankAccounts.map((b) => {
        const known = b.id ?? accountIds.get(normaliseIban(b.iban) ?? b.iban);
        return known ? { ...b, id: known } : b;
      }),
    }),
    ...(input.sepaMandates && {
      sepaMandates: input.sepaMandates.map((m) => {
        const known = m.id ?? mandateIds.get(m.reference);
        return known ? { ...m, id: known } : m;
      }),
    }),
  };
}

/**
 * `PUT /v1/connectors/{source}/contacts/{externalId}`: a new contact needs `kind` as on create. Bank accounts
 * and mandates the contact has are recognised by IBAN and reference (withKnownChildIds).
 */
export function upsertContact(ctx: Ctx, key: ExternalKey, input: ContactInput): Promise<Upserted<Contact>> {
  return upsert(ctx, 'contacts', key, input, {
    create: contacts.create,
    update: async (ctx, id, input) => contacts.update(ctx, id, await withKnownChildIds(ctx, id, input)),
    checkCreate: (input, errors) => {
      if (!input.kind) errors.add('kind', 'required', 'a new contact needs its kind: person or company');
    },
  });
}

/** `PUT /v1/connectors/{source}/articles/{externalId}`: a new article needs what a create needs (name, price). */
export function upsertArticle(ctx: Ctx, key: ExternalKey, input: ArticleInput): Promise<Upserted<Article>> {
  return upsert(ctx, 'articles', key, input, articles);
}
