import type { Db } from '@fakturo/db';
import { type Clock, DomainError, portal } from '@fakturo/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { STATUS } from '../../plugins/errors';
import { sendFile } from '../invoices/document-routes';
import { DEFAULT_PUBLIC_URL } from '../psp/routes';

/**
 * The customer portal (API.md: `GET /portal/{token}`, `/portal/{token}/pdf`, `POST /portal/{token}/pay`): the
 * link in every sent mail. Pages for people, not part of the JSON API (hidden from /openapi.json); no API key —
 * the token is the access, to this one document only. Not found and expired links get a page too, never a
 * JSON problem.
 */
export const portalRoutes: FastifyPluginAsyncTypebox<{
  db: Db;
  clockFor: (organizationId: string) => Clock;
  /** Where the payer returns from the provider's checkout: this portal page under the public URL. */
  publicUrl?: string;
}> = async (app, { db, clockFor, publicUrl = DEFAULT_PUBLIC_URL }) => {
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
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'self' https:; frame-ancestors 'none'",
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
    const here = `/portal/${request.params.token}`;
    const payAction = (await portal.canPayOnline(access, doc)) ? `${here}/pay` : null;
    return html(reply, 200, portal.documentPage(doc, { pdfHref: `${here}/pdf`, payAction }));
  });

  // The pay button is a plain form post: its (empty) urlencoded body is read and ignored, here only.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (_request, _body, done) => done(null, {}),
  );

  app.post('/portal/:token/pay', { config, schema: { hide: true, params } }, async (request, reply) => {
    const { token } = request.params;
    const access = await portal.open(db, token, clockFor);
    if (access.status !== 'open') return refused(reply, access);
    const doc = await portal.document(access);
    // paid or cancelled meanwhile (another tab): the page says so
    if (!portal.isPayable(doc)) return privatePage(reply).redirect(`/portal/${token}`, 303);
    try {
      return privatePage(reply).redirect(await portal.payOnline(access, token, publicUrl), 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      request.log.warn({ err: error }, 'portal payment link refused');
      return html(reply, STATUS[error.kind], portal.paymentUnavailablePage(doc.language, `/portal/${token}`));
    }
  });

  app.get('/portal/:token/pdf', { config, schema: { hide: true, params } }, async (request, reply) => {
    const access = await portal.open(db, request.params.token, clockFor);
    if (access.status !== 'open') return refused(reply, access);
    return sendFile(privatePage(reply), await portal.pdf(access), 'inline');
  });
};
