import type { Ctx } from '../context';
import type { Page } from '../pagination';
import type { Document, DocumentDraftInput, DocumentListQuery } from './resource';
import * as service from './service';

/**
 * Credit notes (381): partial or full credits of an issued invoice, `/v1/credit-notes`. Thin verbs over
 * documents/service.ts.
 */

export const list = (ctx: Ctx, query: DocumentListQuery): Promise<Page<Document>> =>
  service.list(ctx, 'credit_note', query);
export const get = (ctx: Ctx, id: string): Promise<Document> => service.get(ctx, 'credit_note', id);
export const getMany = (ctx: Ctx, ids: readonly string[]) => service.getMany(ctx, 'credit_note', ids);
export const create = (ctx: Ctx, input: DocumentDraftInput): Promise<Document> =>
  service.create(ctx, 'credit_note', input);
export const update = (
  ctx: Ctx,
  id: string,
  patch: DocumentDraftInput,
  expectedVersion?: number,
): Promise<Document> => service.update(ctx, 'credit_note', id, patch, expectedVersion);
export const remove = (ctx: Ctx, id: string): Promise<Document> => service.remove(ctx, 'credit_note', id);
export const finalize = (ctx: Ctx, id: string): Promise<Document> => service.finalize(ctx, 'credit_note', id);
export const markSent = (ctx: Ctx, id: string): Promise<Document> => service.markSent(ctx, 'credit_note', id);
export const file = (ctx: Ctx, id: string, kind: service.FileKind) =>
  service.file(ctx, 'credit_note', id, kind);
