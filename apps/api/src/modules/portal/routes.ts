import type { Db } from '@fakturo/db';
import { type Clock, portal } from '@fakturo/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { sendFile } from '../invoices/document-routes';

/**
 * The customer portal (API.md: `GET /portal/{token}`, `GET /portal/{token}/pdf`): the link in every sent mail.
 * Pages for people, not part of the JSON API (hidden from /openapi.json); no API key — the token is the
 * access, to this one document only. Not found and expired links get a page too, never a JSON problem.
 */
export const portalRoutes: FastifyPluginAsyncTypebox<{
  db: Db;
  clockFor: (organizationId: string) => Clock;
}> = async (app, { db, clockFor }) => {
  const config = { public: true };
  const params = Type.Object({ token: Type.String({ maxLength: 200 }) });

  // The token is in the URL: no referrer to other sites, no caching, no indexing, no framing, no scripts.
  const privatePage = (reply: FastifyReply) =>
    reply
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .header('x-robots-tag', 'noindex, nofollow')
      .header('x-content-type-options', 'nosniff')
      .header(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      );

  const html = (reply: FastifyReply, status: number, page: string) =>
    privatePage(reply).code(status).type('text/html; charset=utf-8').send(page);

  const refused = (reply: FastifyReply, access: Exclude<portal.PortalAccess, { status: 'open' }>) =>
    access.status === 'expired'
      ? html(reply, 410, portal.expiredPage(access.language))
      : html(reply, 404, portal.notFoundPage());

  app.get('/portal/:token', { config, schema: { hide: true, params } }, async (request, reply) => {
    const access = await portal.open(db, request.params.token, clockFor);
    if (access.status !== 'open') return refused(reply, access);
    const doc = await portal.document(access);
    return html(reply, 200, portal.documentPage(doc, `/portal/${request.params.token}/pdf`));
  });

  app.get('/portal/:token/pdf', { config, schema: { hide: true, params } }, async (request, reply) => {
    const access = await portal.open(db, request.params.token, clockFor);
    if (access.status !== 'open') return refused(reply, access);
    return sendFile(privatePage(reply), await portal.pdf(access), 'inline');
  });
};
