import type { RequestOptions } from '../http';
import { type AutoPaginator, autoPage, type PagingBound } from '../pagination';
import type { QueryParams, Schema, SuccessBody } from '../types';
import { Resource } from './base';

/** Something that happened (`contact.created`, …), written in the same transaction as the change. */
export type Event = Schema<'Event'>;
export type EventListParams = QueryParams<'/v1/events', 'get'>;
export type EventPage = SuccessBody<'/v1/events', 'get'>;

/** `fakturo.events`: the event log that webhooks are delivered from. */
export class Events extends Resource {
  /**
   * One page of events, newest first; `type` takes wildcards like `contact.*`.
   *
   * @example
   * ```ts
   * const { data } = await fakturo.events.list({ type: 'contact.*', limit: 20 });
   * ```
   */
  list(params: EventListParams = {}, options?: RequestOptions): Promise<EventPage> {
    return this.call('get', '/v1/events', { query: params }, options);
  }

  /**
   * Every matching event, up to `maxItems` (required): e.g. to catch up after downtime.
   *
   * @example
   * ```ts
   * const since = new Date(Date.now() - 3600_000).toISOString();
   * for await (const event of fakturo.events.listAutoPaging({ createdGte: since }, { maxItems: 5000 })) {
   *   handle(event);
   * }
   * ```
   */
  listAutoPaging(
    params: EventListParams,
    bound: PagingBound,
    options?: RequestOptions,
  ): AutoPaginator<Event> {
    return autoPage((query: EventListParams) => this.list(query, options), params ?? {}, bound);
  }

  /**
   * Reads one event.
   *
   * @example
   * ```ts
   * const event = await fakturo.events.get('evt_01JD3Y8WQ4XK0R5N6S7T8V9W0A');
   * ```
   */
  get(id: string, options?: RequestOptions): Promise<Event> {
    return this.call('get', '/v1/events/{id}', { params: { id } }, options);
  }
}
