import type { RequestOptions } from '../http';
import { type AutoPaginator, autoPage, type PagingBound } from '../pagination';
import type { QueryParams, Schema, SuccessBody } from '../types';
import { Resource } from './base';

/** One entry of the hash-chained, append-only audit log: who changed what, with before and after. */
export type AuditEntry = Schema<'AuditEntry'>;
/** The result of recomputing the chain: `valid`, entries `checked`, and the first broken `seq` if any. */
export type AuditVerification = Schema<'AuditVerification'>;
export type AuditLogListParams = QueryParams<'/v1/audit-log', 'get'>;
export type AuditEntryPage = SuccessBody<'/v1/audit-log', 'get'>;

/** `fakturo.auditLog`: the tamper-evident record of changes (GoBD), written with each change. */
export class AuditLog extends Resource {
  /**
   * One page of entries, newest first; filter by `resourceId`, `resourceType` or `action`.
   *
   * @example
   * ```ts
   * const { data } = await fakturo.auditLog.list({ resourceId: invoice.id });
   * for (const entry of data) console.log(entry.seq, entry.action, entry.actor.id, entry.createdAt);
   * ```
   */
  list(params: AuditLogListParams = {}, options?: RequestOptions): Promise<AuditEntryPage> {
    return this.call('get', '/v1/audit-log', { query: params }, options);
  }

  /**
   * Every matching entry, up to `maxItems` (required).
   *
   * @example
   * ```ts
   * const finalized = fakturo.auditLog.listAutoPaging({ action: 'invoice.finalized' }, { maxItems: 10_000 });
   * for await (const entry of finalized) archive(entry);
   * ```
   */
  listAutoPaging(
    params: AuditLogListParams,
    bound: PagingBound,
    options?: RequestOptions,
  ): AutoPaginator<AuditEntry> {
    return autoPage((query: AuditLogListParams) => this.list(query, options), params ?? {}, bound);
  }

  /**
   * Recomputes every entry's SHA-256 from its content and its link to the one before, and checks the chain's
   * head. `valid: false` names the first entry changed, removed or cut off (`firstBrokenSeq`).
   *
   * @example
   * ```ts
   * const { valid, checked, firstBrokenSeq } = await fakturo.auditLog.verify();
   * if (!valid) alert(`audit log broken at entry ${firstBrokenSeq} (of ${checked} checked)`);
   * ```
   */
  verify(options?: RequestOptions): Promise<AuditVerification> {
    return this.call('get', '/v1/audit-log/verify', {}, options);
  }
}
