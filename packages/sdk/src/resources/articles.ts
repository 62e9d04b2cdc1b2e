import type { RequestOptions } from '../http';
import { type AutoPaginator, autoPage, type PagingBound } from '../pagination';
import type { QueryParams, RequestBody, Schema, SuccessBody } from '../types';
import { Resource, type UpdateOptions } from './base';

/** A product or service with its price model (flat, per unit, graduated or volume tiers). */
export type Article = Schema<'Article'>;
export type ArticleCreateParams = RequestBody<'/v1/articles', 'post'>;
export type ArticleUpdateParams = RequestBody<'/v1/articles/{id}', 'patch'>;
export type ArticleListParams = QueryParams<'/v1/articles', 'get'>;
export type ArticlePage = SuccessBody<'/v1/articles', 'get'>;

/** `fakturo.articles`: what you sell, with its price; contract items and document lines refer to them. */
export class Articles extends Resource {
  /**
   * Creates an article. The number comes from `ART-{SEQ:5}` unless given; amounts are integer minor units,
   * per-unit prices decimal strings of minor units (`"0.35"` is a third of a cent). Every broken rule is
   * reported at once (`ValidationError.errors`).
   *
   * @example
   * ```ts
   * const hosting = await fakturo.articles.create({
   *   name: 'Managed hosting',
   *   unitCode: 'MON',
   *   priceModel: { kind: 'flat', amount: 4900 }, // 49.00 € per period
   * });
   * ```
   */
  create(params: ArticleCreateParams, options?: RequestOptions): Promise<Article> {
    return this.call('post', '/v1/articles', { body: params }, options);
  }

  /**
   * Reads one article; `NotFoundError` when it does not exist in your organisation.
   *
   * @example
   * ```ts
   * const article = await fakturo.articles.get('art_01JD3Y8WQ4XK0R5N6S7T8V9W0A');
   * ```
   */
  get(id: string, options?: RequestOptions): Promise<Article> {
    return this.call('get', '/v1/articles/{id}', { params: { id } }, options);
  }

  /**
   * Changes the fields you send. A new price applies to contract items added afterwards; running contracts
   * keep theirs (schedule a price change on the contract). `ifMatch` guards against concurrent edits.
   *
   * @example
   * ```ts
   * const article = await fakturo.articles.get(id);
   * await fakturo.articles.update(id, { active: false }, { ifMatch: article.version });
   * ```
   */
  update(id: string, params: ArticleUpdateParams, options: UpdateOptions = {}): Promise<Article> {
    const { ifMatch, ...rest } = options;
    return this.call('patch', '/v1/articles/{id}', { params: { id }, body: params, ifMatch }, rest);
  }

  /**
   * One page of articles, newest first; `q` matches words in number or name.
   *
   * @example
   * ```ts
   * const { data } = await fakturo.articles.list({ active: true, q: 'hosting' });
   * ```
   */
  list(params: ArticleListParams = {}, options?: RequestOptions): Promise<ArticlePage> {
    return this.call('get', '/v1/articles', { query: params }, options);
  }

  /**
   * Every matching article, up to `maxItems` (required).
   *
   * @example
   * ```ts
   * for await (const article of fakturo.articles.listAutoPaging({ active: true }, { maxItems: 500 })) {
   *   console.log(article.number, article.name);
   * }
   * ```
   */
  listAutoPaging(
    params: ArticleListParams,
    bound: PagingBound,
    options?: RequestOptions,
  ): AutoPaginator<Article> {
    return autoPage((query: ArticleListParams) => this.list(query, options), params ?? {}, bound);
  }
}
