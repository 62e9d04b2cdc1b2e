import { createHash } from 'node:crypto';
import * as articles from '../articles/service';
import type { Article, ArticleInput } from '../articles/types';
import { canonicalJson } from '../audit/chain';
import * as contacts from '../contacts/service';
import type { Contact, ContactInput } from '../contacts/types';
import { type Ctx, inTransaction, scoped } from '../context';
import * as invoices from '../documents/invoices';
import type { Document, DocumentDraftInput, DocumentLineInput } from '../documents/resource';
import { DomainError, FieldErrors } from '../errors';

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
 * `PUT /v1/connectors/{source}/contacts/{externalId}`: a new contact needs `kind` as on create. Bank accounts
 * and mandates the contact has are recognised by IBAN and reference (contacts' `matchChildrenByKey`).
 */
export function upsertContact(ctx: Ctx, key: ExternalKey, input: ContactInput): Promise<Upserted<Contact>> {
  return upsert(ctx, 'contacts', key, input, {
    create: contacts.create,
    update: (ctx, id, input) => contacts.update(ctx, id, input, undefined, { matchChildrenByKey: true }),
    checkCreate: (input, errors) => {
      if (!input.kind) errors.add('kind', 'required', 'a new contact needs its kind: person or company');
    },
  });
}

/** `PUT /v1/connectors/{source}/articles/{externalId}`: a new article needs what a create needs (name, price). */
export function upsertArticle(ctx: Ctx, key: ExternalKey, input: ArticleInput): Promise<Upserted<Article>> {
  return upsert(ctx, 'articles', key, input, articles);
}

/** A line of a shop's order: a document line whose article, if any, is given as the shop knows it. */
export interface OrderLineInput extends Omit<DocumentLineInput, 'articleId'> {
  /** The product as the shop knows it (`externalId` required): upserted like `…/articles/{externalId}`. */
  article?: ArticleInput;
}

/** `PUT /v1/connectors/{source}/orders/{externalId}`. */
export interface OrderInput
  extends Pick<
    DocumentDraftInput,
    | 'currency'
    | 'language'
    | 'issueDate'
    | 'serviceDate'
    | 'servicePeriod'
    | 'dueDate'
    | 'sendDate'
    | 'notes'
    | 'metadata'
  > {
  /** The buyer as the shop knows it (`externalId` required): upserted like `…/contacts/{externalId}`. */
  customer: ContactInput;
  lines: OrderLineInput[];
  /** true: the invoice is finalized (numbered, immutable) at once; default false: a draft. */
  finalize?: boolean;
}

function orderConflict(documentId: string, status: string): DomainError {
  return new DomainError(
    'conflict',
    'order_invoice_issued',
    `The order's invoice ${documentId} is ${status}: an issued invoice is not changed (GoBD). Cancel it or credit it, then send the order under a new id.`,
    { details: { documentId, state: status } },
  );
}

/**
 * An order of the shop `key.source` becomes one invoice (API.md): its customer and the products on its lines are
 * upserted by the shop's ids (created or matched, never duplicated), the invoice is written as a draft, or
 * finalized when `finalize` is set. The same order again changes nothing; a changed order updates the draft,
 * and is refused (409 `order_invoice_issued`) once the invoice is issued. All of it is one transaction; calls
 * for one order queue on an advisory lock, so concurrent calls make one invoice, and orders of one customer or
 * product on the customer's and products' locks, so they make one contact and one article.
 */
export async function upsertOrder(
  ctx: Ctx,
  key: ExternalKey,
  input: OrderInput,
): Promise<Upserted<Document>> {
  // the customer and each line's product as the shop knows them: by its id, and of this shop
  const keyed: { path: string; what: string; value: Keyed | undefined }[] = [
    { path: 'customer', what: 'customer', value: input.customer },
    ...input.lines.map((line, i) => ({ path: `lines.${i}.article`, what: 'product', value: line.article })),
  ];
  const errors = new FieldErrors();
  for (const { path, what, value } of keyed) {
    if (!value) continue;
    if (!value.externalId) errors.add(`${path}.externalId`, 'required', `the shop's id of the ${what}`);
    if (value.source !== undefined && value.source !== key.source)
      errors.add(
        `${path}.source`,
        'connector_key_mismatch',
        `must be left out or equal the path's source '${key.source}'`,
      );
  }
  errors.throwIfAny();
  const bodySha256 = createHash('sha256').update(canonicalJson(input), 'utf8').digest('hex');
  return inTransaction(ctx, async (tx) => {
    // one order at a time per key; and its customer and products, so that two orders of one new customer
    // (or product) do not both create it — in sorted order, so two orders never wait for each other in a circle
    const others = new Set([
      `connector_contact:${input.customer.externalId}`,
      ...input.lines.flatMap((line) =>
        line.article ? [`connector_article:${line.article.externalId}`] : [],
      ),
    ]);
    for (const lock of [`connector_order:${key.externalId}`, ...[...others].sort()]) {
      await tx.db.raw('SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [
        `${tx.organizationId}:${key.source}:${lock}`,
      ]);
    }
    const known = await scoped(tx, 'connector_orders')
      .where({ source: key.source, external_id: key.externalId })
      .first('document_id', 'body_sha256');
    if (known?.body_sha256 === bodySha256)
      return { value: await invoices.get(tx, known.document_id), created: false };
    if (known) {
      const current = await invoices.get(tx, known.document_id);
      if (current.status !== 'draft') throw orderConflict(current.id, current.status);
    }
    const { customer, lines, finalize, ...head } = input;
    const { externalId: customerId, source: _customerSource, ...customerFields } = customer;
    const contact = (await upsertContact(tx, { source: key.source, externalId: customerId! }, customerFields))
      .value;
    const documentLines: DocumentLineInput[] = [];
    for (const { article, ...line } of lines) {
      if (!article) {
        documentLines.push(line);
        continue;
      }
      const { externalId: articleId, source: _articleSource, ...articleFields } = article;
      const upserted = await upsertArticle(tx, { source: key.source, externalId: articleId! }, articleFields);
      documentLines.push({ ...line, articleId: upserted.value.id });
    }
    const draft: DocumentDraftInput = {
      ...head,
      contactId: contact.id,
      lines: documentLines,
      // the order's key travels with the invoice, so the shop's side can tell which order it is
      metadata: { ...head.metadata, shopSource: key.source, shopOrderId: key.externalId },
    };
    let invoice = known
      ? await invoices.update(tx, known.document_id, draft)
      : await invoices.create(tx, draft);
    if (finalize) invoice = await invoices.finalize(tx, invoice.id);
    const now = tx.clock.now();
    if (known) {
      await scoped(tx, 'connector_orders')
        .where({ source: key.source, external_id: key.externalId })
        .update({ body_sha256: bodySha256, updated_at: now });
    } else {
      await tx.db('connector_orders').insert({
        organization_id: tx.organizationId,
        source: key.source,
        external_id: key.externalId,
        document_id: invoice.id,
        body_sha256: bodySha256,
        created_at: now,
        updated_at: now,
      });
    }
    return { value: invoice, created: !known };
  });
}
