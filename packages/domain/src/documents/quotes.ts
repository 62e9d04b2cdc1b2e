import type { Ctx } from '../context';
import type { Page } from '../pagination';
import type { Document, DocumentDraftInput, DocumentListQuery, QuoteDecisionInput } from './resource';
import * as service from './service';

/**
 * Quotes, `/v1/quotes`: draft → finalized → sent → accepted / declined / expired, accepted → converted into a
 * draft invoice. Thin verbs over documents/service.ts.
 */

export const list = (ctx: Ctx, query: DocumentListQuery): Promise<Page<Document>> =>
  service.list(ctx, 'quote', query);
export const get = (ctx: Ctx, id: string): Promise<Document> => service.get(ctx, 'quote', id);
export const getMany = (ctx: Ctx, ids: readonly string[]) => service.getMany(ctx, 'quote', ids);
export const create = (ctx: Ctx, input: DocumentDraftInput): Promise<Document> =>
  service.create(ctx, 'quote', input);
export const update = (
  ctx: Ctx,
  id: string,
  patch: DocumentDraftInput,
  expectedVersion?: number,
): Promise<Document> => service.update(ctx, 'quote', id, patch, expectedVersion);
export const remove = (ctx: Ctx, id: string): Promise<Document> => service.remove(ctx, 'quote', id);
export const finalize = (ctx: Ctx, id: string): Promise<Document> => service.finalize(ctx, 'quote', id);
export const markSent = (ctx: Ctx, id: string): Promise<Document> => service.markSent(ctx, 'quote', id);
export const accept = (
  ctx: Ctx,
  id: string,
  input: QuoteDecisionInput = {},
  evidence?: service.PortalEvidence,
): Promise<Document> => service.accept(ctx, id, input, evidence);
export const signature = service.signature;
export const decline = (ctx: Ctx, id: string, input: QuoteDecisionInput = {}): Promise<Document> =>
  service.decline(ctx, id, input);
/** Returns the new draft invoice. */
export const convert = (ctx: Ctx, id: string): Promise<Document> => service.convert(ctx, id);
export const file = (ctx: Ctx, id: string, kind: service.FileKind = 'pdf') =>
  service.file(ctx, 'quote', id, kind);
/** Worker: marks open quotes past their validity as expired. */
export const expire = service.expireQuotes;
