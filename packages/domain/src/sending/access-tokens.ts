import { createHash, randomBytes } from 'node:crypto';
import type { Ctx } from '../context';
import { newId } from '../ids';

/**
 * Portal access tokens (DOMAIN.md §12): the link in a sent mail lets the customer open that one document
 * without an API key. 256 random bits, only the SHA-256 stored, expiring and revocable. The portal that
 * accepts them is portal/service.ts (`GET /portal/{token}`).
 */

const TOKEN_PREFIX = 'fkp_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function portalUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/portal/${token}`;
}

/**
 * Creates a token for a document and returns its id, the plain token (shown in the mail, never stored) and when
 * it was made.
 */
export async function issue(
  ctx: Ctx,
  documentId: string,
  expiresAt: Date,
): Promise<{ id: string; token: string; createdAt: Date }> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const id = newId('documentAccessToken');
  const createdAt = ctx.clock.now();
  await ctx.db('document_access_tokens').insert({
    id,
    organization_id: ctx.organizationId,
    document_id: documentId,
    token_hash: hashToken(token),
    created_at: createdAt,
    expires_at: expiresAt,
  });
  return { id, token, createdAt };
}

/** A token whose mail never went out opens nothing. Answers when it was revoked. */
export async function revoke(ctx: Ctx, id: string): Promise<Date> {
  const revokedAt = ctx.clock.now();
  await ctx
    .db('document_access_tokens')
    .where({ organization_id: ctx.organizationId, id })
    .whereNull('revoked_at')
    .update({ revoked_at: revokedAt });
  return revokedAt;
}
