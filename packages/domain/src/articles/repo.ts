import type { Knex } from 'knex';
import type { PriceModel } from '../billing/pricing';
import { type Ctx, scoped } from '../context';
import { applyCursor } from '../pagination';
import type { ArticleDraft } from './rules';
import type { Article, ArticleListQuery } from './types';

export interface ArticleRow {
  id: string;
  organization_id: string;
  number: string;
  name: string;
  description: string | null;
  unit_code: string;
  tax_rate_kind: Article['taxRateKind'];
  supply_kind: Article['supplyKind'];
  currency: string;
  price_model: PriceModel;
  active: boolean;
  metadata: Record<string, string>;
  external_id: string | null;
  source: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export const COLUMNS = [
  'id',
  'organization_id',
  'number',
  'name',
  'description',
  'unit_code',
  'tax_rate_kind',
  'supply_kind',
  'currency',
  'price_model',
  'active',
  'metadata',
  'external_id',
  'source',
  'version',
  'created_at',
  'updated_at',
];

export function toArticle(row: ArticleRow): Article {
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    description: row.description,
    unitCode: row.unit_code,
    taxRateKind: row.tax_rate_kind,
    supplyKind: row.supply_kind,
    currency: row.currency,
    priceModel: row.price_model,
    active: row.active,
    metadata: row.metadata,
    externalId: row.external_id,
    source: row.source,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toRowColumns(draft: ArticleDraft) {
  return {
    name: draft.name.trim(),
    description: draft.description,
    unit_code: draft.unitCode,
    tax_rate_kind: draft.taxRateKind,
    supply_kind: draft.supplyKind,
    currency: draft.currency,
    // knex would send a JS array as a PostgreSQL array: JSON columns get their text
    price_model: JSON.stringify(draft.priceModel),
    active: draft.active,
    metadata: JSON.stringify(draft.metadata),
    external_id: draft.externalId,
    source: draft.source,
  };
}

export async function findById(ctx: Ctx, id: string): Promise<Article | undefined> {
  const row: ArticleRow | undefined = await scoped(ctx, 'articles').select(COLUMNS).where('id', id).first();
  return row && toArticle(row);
}

export async function findByIds(ctx: Ctx, ids: readonly string[]): Promise<Article[]> {
  if (ids.length === 0) return [];
  const rows: ArticleRow[] = await scoped(ctx, 'articles').select(COLUMNS).whereIn('id', ids);
  return rows.map(toArticle);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

export async function listRows(ctx: Ctx, query: ArticleListQuery): Promise<ArticleRow[]> {
  const q: Knex.QueryBuilder = scoped(ctx, 'articles').select(COLUMNS);
  for (const word of (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
    const like = `%${escapeLike(word)}%`;
    q.where((w) => w.whereRaw('lower(name) LIKE ?', [like]).orWhereRaw('lower(number) LIKE ?', [like]));
  }
  if (query.active !== undefined) q.where('active', query.active);
  if (query.currency) q.where('currency', query.currency);
  if (query.source) q.where('source', query.source);
  if (query.externalId) q.where('external_id', query.externalId);
  return applyCursor(q, query);
}
