import { canonicalJson } from '../audit/chain';
import { type Ctx, inTransaction, scoped } from '../context';
import { FieldErrors, notFound, versionMismatch } from '../errors';
import * as events from '../events/service';
import { newId } from '../ids';
import { formatNumber } from '../numbering/format';
import * as numbering from '../numbering/service';
import * as organizations from '../organizations/service';
import { type Page, toPage } from '../pagination';
import * as repo from './repo';
import { type ArticleDraft, checkArticle } from './rules';
import type { Article, ArticleInput, ArticleListQuery } from './types';

/** Article numbers taken when the caller gives none. */
export const ARTICLE_NUMBER_FORMAT = 'ART-{SEQ:5}';

export async function get(ctx: Ctx, id: string): Promise<Article> {
  const article = await repo.findById(ctx, id);
  if (!article) throw notFound('article', id);
  return article;
}

/** For batched loading (GraphQL) and contract items: articles in the order of `ids`, undefined where none. */
export async function getMany(ctx: Ctx, ids: readonly string[]): Promise<(Article | undefined)[]> {
  const found = new Map((await repo.findByIds(ctx, [...new Set(ids)])).map((a) => [a.id, a]));
  return ids.map((id) => found.get(id));
}

export async function list(ctx: Ctx, query: ArticleListQuery): Promise<Page<Article>> {
  return toPage(await repo.listRows(ctx, query), query, repo.toArticle);
}

/** The article number and external id must be free; a changed pair is checked against the stored ones. */
async function checkUnique(
  tx: Ctx,
  errors: FieldErrors,
  id: string | null,
  number: string | undefined,
  draft: ArticleDraft,
) {
  if (number !== undefined) {
    const taken = await scoped(tx, 'articles').where('number', number).first('id');
    if (taken && taken.id !== id)
      errors.add('number', 'article_number_taken', `'${number}' belongs to ${taken.id}`);
  }
  if (draft.externalId && draft.source) {
    const taken = await scoped(tx, 'articles')
      .where({ source: draft.source, external_id: draft.externalId })
      .first('id');
    if (taken && taken.id !== id)
      errors.add('externalId', 'external_id_taken', `this source's id belongs to ${taken.id}`);
  }
}

export async function create(ctx: Ctx, input: ArticleInput): Promise<Article> {
  const org = await organizations.get(ctx);
  const errors = new FieldErrors();
  const base = {
    name: input.name ?? '',
    description: input.description ?? null,
    unitCode: input.unitCode ?? 'C62',
    taxRateKind: input.taxRateKind ?? 'standard',
    supplyKind: input.supplyKind ?? 'services',
    currency: input.currency ?? org.currency,
    active: input.active ?? true,
    metadata: input.metadata ?? {},
    externalId: input.externalId ?? null,
    source: input.source ?? null,
    priceModel: null,
  };
  const priceModel = checkArticle(base, input.priceModel, errors);
  const draft: ArticleDraft = { ...base, priceModel: priceModel! };
  return inTransaction(ctx, async (tx) => {
    await checkUnique(tx, errors, null, input.number, draft);
    errors.throwIfAny();
    const now = tx.clock.now();
    // the counter row is locked until commit, so generated numbers are unique without a retry loop
    const number =
      input.number ?? formatNumber(ARTICLE_NUMBER_FORMAT, '', await numbering.take(tx, 'article', 1));
    const id = newId('article');
    await tx.db('articles').insert({
      id,
      organization_id: tx.organizationId,
      number,
      ...repo.toRowColumns(draft),
      created_at: now,
      updated_at: now,
    });
    const article = (await repo.findById(tx, id))!;
    await events.emit(tx, 'article.created', { ...article });
    return article;
  });
}

/**
 * Changes an article. A new price applies to contract items added from now on; running contracts keep the
 * price they were sold at (a change for them is a scheduled price change with its announcement).
 */
export async function update(
  ctx: Ctx,
  id: string,
  patch: ArticleInput,
  expectedVersion?: number,
): Promise<Article> {
  return inTransaction(ctx, async (tx) => {
    // row lock: a concurrent patch waits, then sees the new version (no lost update)
    const locked = await scoped(tx, 'articles').where('id', id).forUpdate().first('version');
    if (!locked) throw notFound('article', id);
    if (expectedVersion !== undefined && expectedVersion !== locked.version) {
      throw versionMismatch('article', expectedVersion, locked.version);
    }
    const current = (await repo.findById(tx, id))!;
    const errors = new FieldErrors();
    const base = {
      name: patch.name ?? current.name,
      description: patch.description === undefined ? current.description : patch.description,
      unitCode: patch.unitCode ?? current.unitCode,
      taxRateKind: patch.taxRateKind ?? current.taxRateKind,
      supplyKind: patch.supplyKind ?? current.supplyKind,
      currency: patch.currency ?? current.currency,
      active: patch.active ?? current.active,
      metadata: patch.metadata ?? current.metadata,
      externalId: patch.externalId === undefined ? current.externalId : patch.externalId,
      source: patch.source === undefined ? current.source : patch.source,
      priceModel: current.priceModel,
    };
    const priceModel = checkArticle(base, patch.priceModel, errors);
    const draft: ArticleDraft = { ...base, priceModel: priceModel! };
    const number = patch.number !== undefined && patch.number !== current.number ? patch.number : undefined;
    const external =
      draft.externalId !== current.externalId || draft.source !== current.source
        ? draft
        : { ...draft, externalId: null };
    await checkUnique(tx, errors, id, number, external);
    errors.throwIfAny();
    // a patch that changes nothing writes nothing: no new version, no `article.updated` (a shop connector
    // pushing its unchanged catalogue triggers no webhooks), as for contacts
    if (number === undefined && canonicalJson(draft) === canonicalJson(draftOf(current))) return current;
    await scoped(tx, 'articles')
      .where('id', id)
      .update({
        ...repo.toRowColumns(draft),
        ...(number ? { number } : {}),
        version: current.version + 1,
        updated_at: tx.clock.now(),
      });
    const article = (await repo.findById(tx, id))!;
    await events.emit(tx, 'article.updated', { ...article });
    return article;
  });
}

/** The stored article as the draft `update` builds, to compare with. */
function draftOf(article: Article): ArticleDraft {
  return {
    name: article.name,
    description: article.description,
    unitCode: article.unitCode,
    taxRateKind: article.taxRateKind,
    supplyKind: article.supplyKind,
    currency: article.currency,
    active: article.active,
    metadata: article.metadata,
    externalId: article.externalId,
    source: article.source,
    priceModel: article.priceModel,
  };
}
