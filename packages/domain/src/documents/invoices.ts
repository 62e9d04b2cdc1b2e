import type { Ctx } from '../context';
import type { Page } from '../pagination';
import type { Document, DocumentDraftInput, DocumentListQuery, MergeInput } from './resource';
import * as service from './service';

/**
 * Invoices, pro-formas, corrected invoices (384) and the cancellations (Storno) that reverse them:
 * `/v1/invoices`. Thin verbs over documents/service.ts, which holds the rules.
 */

export const list = (ctx: Ctx, query: DocumentListQuery): Promise<Page<Document>> =>
  service.list(ctx, 'invoice', query);
export const get = (ctx: Ctx, id: string): Promise<Document> => service.get(ctx, 'invoice', id);
export const getMany = (ctx: Ctx, ids: readonly string[]) => service.getMany(ctx, 'invoice', ids);
export const create = (ctx: Ctx, input: DocumentDraftInput): Promise<Document> =>
  service.create(ctx, 'invoice', input);
export const update = (
  ctx: Ctx,
  id: string,
  patch: DocumentDraftInput,
  expectedVersion?: number,
): Promise<Document> => service.update(ctx, 'invoice', id, patch, expectedVersion);
export const remove = (ctx: Ctx, id: string): Promise<Document> => service.remove(ctx, 'invoice', id);
export const finalize = (ctx: Ctx, id: string): Promise<Document> => service.finalize(ctx, 'invoice', id);
export const cancel = (ctx: Ctx, id: string): Promise<Document> => service.cancel(ctx, id);
export const merge = (ctx: Ctx, input: MergeInput): Promise<Document> => service.merge(ctx, input);
export const markSent = (ctx: Ctx, id: string): Promise<Document> => service.markSent(ctx, 'invoice', id);
export const file = (ctx: Ctx, id: string, kind: service.FileKind) => service.file(ctx, 'invoice', id, kind);
