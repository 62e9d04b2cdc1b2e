import type { RequestOptions } from '../http';
import { type AutoPaginator, autoPage, type PagingBound } from '../pagination';
import type { QueryParams, RequestBody, Schema, SuccessBody } from '../types';
import { Resource } from './base';

/** A named group of contacts (e.g. "Key accounts"); contacts join it through their `groupIds`. */
export type ContactGroup = Schema<'ContactGroup'>;
export type ContactGroupCreateParams = RequestBody<'/v1/contact-groups', 'post'>;
export type ContactGroupUpdateParams = RequestBody<'/v1/contact-groups/{id}', 'patch'>;
export type ContactGroupListParams = QueryParams<'/v1/contact-groups', 'get'>;
export type ContactGroupPage = SuccessBody<'/v1/contact-groups', 'get'>;

/** `fakturo.contactGroups`: groups to organise and filter contacts. */
export class ContactGroups extends Resource {
  /**
   * Creates a group; names are unique in your organisation.
   *
   * @example
   * ```ts
   * const group = await fakturo.contactGroups.create({ name: 'Key accounts' });
   * await fakturo.contacts.update(contactId, { groupIds: [group.id] });
   * ```
   */
  create(params: ContactGroupCreateParams, options?: RequestOptions): Promise<ContactGroup> {
    return this.call('post', '/v1/contact-groups', { body: params }, options);
  }

  /**
   * Reads one group with its member count.
   *
   * @example
   * ```ts
   * const { name, memberCount } = await fakturo.contactGroups.get('grp_01JD3Y8WQ4XK0R5N6S7T8V9W0A');
   * ```
   */
  get(id: string, options?: RequestOptions): Promise<ContactGroup> {
    return this.call('get', '/v1/contact-groups/{id}', { params: { id } }, options);
  }

  /**
   * Renames a group or changes its description.
   *
   * @example
   * ```ts
   * await fakturo.contactGroups.update(groupId, { description: 'More than 10 000 € a year' });
   * ```
   */
  update(id: string, params: ContactGroupUpdateParams, options?: RequestOptions): Promise<ContactGroup> {
    return this.call('patch', '/v1/contact-groups/{id}', { params: { id }, body: params }, options);
  }

  /**
   * Deletes a group; its contacts stay, without it.
   *
   * @example
   * ```ts
   * await fakturo.contactGroups.del('grp_01JD3Y8WQ4XK0R5N6S7T8V9W0A');
   * ```
   */
  async del(id: string, options?: RequestOptions): Promise<void> {
    await this.call('delete', '/v1/contact-groups/{id}', { params: { id } }, options);
  }

  /**
   * One page of groups, newest first; `q` matches part of the name.
   *
   * @example
   * ```ts
   * const { data } = await fakturo.contactGroups.list({ q: 'key' });
   * ```
   */
  list(params: ContactGroupListParams = {}, options?: RequestOptions): Promise<ContactGroupPage> {
    return this.call('get', '/v1/contact-groups', { query: params }, options);
  }

  /**
   * Every group, up to `maxItems` (required).
   *
   * @example
   * ```ts
   * const groups = await fakturo.contactGroups.listAutoPaging({}, { maxItems: 500 }).toArray();
   * ```
   */
  listAutoPaging(
    params: ContactGroupListParams,
    bound: PagingBound,
    options?: RequestOptions,
  ): AutoPaginator<ContactGroup> {
    return autoPage((query: ContactGroupListParams) => this.list(query, options), params ?? {}, bound);
  }
}
