import { randomBytes } from 'node:crypto';
import type { Db } from '@fakturo/db';
import { type Clock, DomainError, portal } from '@fakturo/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS } from '../../plugins/errors';
import { sendFile } from '../invoices/document-routes';

/** Requests per client address and minute to the portal's pages, files and forms. */
export const PORTAL_RATE_LIMIT = { max: 120, timeWindowMs: 60_000 };

type OpenAccess = Extract<portal.PortalAccess, { status: 'open' }>;
type Fields = Record<string, string | undefined>;
type Evidence = { ip: string; userAgent: string | undefined };

/**
 * The customer portal (API.md: `GET /portal/{token}`, `/portal/{token}/pdf`, `POST /portal/{token}/pay`,
 * `/accept`, `/decline`): the link in every sent mail. Pages for people, not part of the JSON API (hidden from /openapi.json); no API key —
 * the token is the access, to this one document only. Not found and expired links get a page too, never a
 * JSON problem.
 */
export const portalRoutes: FastifyPluginAsyncTypebox<{
  db: Db;
  clockFor: (organizationId: string) => Clock;
  /** Where the payer returns from the provider's checkout: this portal page under the public URL. */
  publicUrl: string;
  rateLimit?: { max: number; timeWindowMs: number };
}> = async (app, { db, clockFor, publicUrl, rateLimit = PORTAL_RATE_LIMIT }) => {
  const config = { public: true };
  // No API key here, so the API's per-key limit does not apply: one budget per client address for all portal
  // pages, files and forms together, far above what a person clicks (a page, its PDF, a form), so a script
  // cannot make the server render pages, serve files or create checkouts without end. Counted in process memory,
  // like the API's limit. A hook of this plugin runs before the routes' own (the API's limiter, which then skips).
  app.addHook(
    'onRequest',
    app.rateLimit({
      max: rateLimit.max,
      timeWindow: rateLimit.timeWindowMs,
      keyGenerator: (request: FastifyRequest) => request.ip,
      allowList: () => false,
    }),
  );
  const params = Type.Object({ token: Type.String({ maxLength: 200 }) });

  // The token is in the URL: no referrer to other sites, no caching, no indexing, no framing. Scripts only with
  // the page's nonce (the signature pad of a quote).
  const privatePage = (reply: FastifyReply, nonce?: string) =>
    reply
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .header('x-robots-tag', 'noindex, nofollow')
      .header('x-content-type-options', 'nosniff')
      .header(
        'content-security-policy',
        `default-src 'none'; style-src 'unsafe-inline'; img-src data:; ${nonce ? `script-src 'nonce-${nonce}'; ` : ''}base-uri 'none'; form-action 'self' https:; frame-ancestors 'none'`,
      );

  const html = (reply: FastifyReply, status: number, page: string, nonce?: string) =>
    privatePage(reply, nonce).code(status).type('text/html; charset=utf-8').send(page);

  /** The document's page; an open quote with its acceptance form (and what a refused attempt got wrong). */
  const documentPage = async (
    reply: FastifyReply,
    token: string,
    access: OpenAccess,
    refusedAttempt?: { status: number; signerName?: string; reason?: string; errors: string[] },
    fromCheckout = false,
  ) => {
    const view = await portal.view(access);
    const here = `/portal/${token}`;
    const nonce = view.openQuote ? randomBytes(16).toString('base64') : undefined;
    const accept = nonce
      ? { action: `${here}/accept`, declineAction: `${here}/decline`, nonce, ...refusedAttempt }
      : null;
    const page = portal.documentPage(view.doc, {
      pdfHref: `${here}/pdf`,
      preceding: view.preceding,
      eInvoices: view.eInvoices.map((kind) => ({
        format: kind === 'xrechnung-cii' ? 'XRechnung CII' : 'XRechnung UBL',
        href: `${here}/e-invoice/${kind}`,
      })),
      payAction: view.payOnline ? `${here}/pay` : null,
      fromCheckout,
      today: view.today,
      accept,
    });
    return html(reply, refusedAttempt?.status ?? 200, page, nonce);
  };

  // A request the API refuses before a route runs (a form field with a control character, a body too large)
  // or a failure: a page too, never the JSON API's problem+json, and nothing was written.
  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    const status =
      error instanceof DomainError ? STATUS[error.kind] : error.validation ? 400 : (error.statusCode ?? 500);
    if (status >= 500) request.log.error({ err: error }, 'portal request failed');
    const { token } = (request.params ?? {}) as { token?: string };
    return html(
      reply,
      status,
      portal.requestFailedPage(status, token ? `/portal/${encodeURIComponent(token)}` : null, request.id),
    );
  });

  const refused = (reply: FastifyReply, access: Exclude<portal.PortalAccess, { status: 'open' }>) =>
    access.status === 'expired'
      ? html(reply, 410, portal.expiredPage(access.language))
      : html(reply, 404, portal.notFoundPage());

  app.get('/portal/:token', { config, schema: { hide: true, params } }, async (request, reply) => {
    const access = await portal.open(db, request.params.token, clockFor);
    if (access.status !== 'open') return refused(reply, access);
    // a person opened it (a HEAD, as link checkers send, is not a view)
    if (request.method === 'GET') await portal.markViewed(access);
    const fromCheckout = (request.query as { from?: string }).from === 'checkout';
    return documentPage(reply, request.params.token, access, undefined, fromCheckout);
  });

  // The portal's forms post urlencoded fields: the pay button none, the acceptance a name and the signature
  // (a PNG data: URL of some KB). Here only; the JSON API reads JSON alone.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 400_000 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  // A quote's answer: the fields of its form, recorded with the browser's address and user agent.
  const answers = {
    accept: (access: OpenAccess, fields: Fields, evidence: Evidence) =>
      portal.acceptQuote(access, { signerName: fields.signerName, signature: fields.signature, ...evidence }),
    decline: (access: OpenAccess, fields: Fields, evidence: Evidence) =>
      portal.declineQuote(access, { signerName: fields.signerName, reason: fields.reason, ...evidence }),
  };
  for (const [verb, answer] of Object.entries(answers)) {
    app.post(`/portal/:token/${verb}`, { config, schema: { hide: true, params } }, async (request, reply) => {
      const { token } = request.params;
      const access = await portal.open(db, token, clockFor);
      if (access.status !== 'open') return refused(reply, access);
      const fields = (request.body ?? {}) as Fields;
      try {
        await answer(access, fields, { ip: request.ip, userAgent: request.headers['user-agent'] });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        // a quote answered, expired or converted meanwhile: the page shows how it stands now
        if (error.code !== 'validation_failed') return privatePage(reply).redirect(`/portal/${token}`, 303);
        // what to fix, with what was typed kept
        return documentPage(reply, token, access, {
          status: STATUS[error.kind],
          signerName: verb === 'accept' ? fields.signerName : undefined,
          reason: fields.reason,
          errors: (error.errors ?? []).map((e) => e.path),
        });
      }
      return privatePage(reply).redirect(`/portal/${token}`, 303);
    });
  }

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

  app.get(
    '/portal/:token/e-invoice/:kind',
    {
      config,
      schema: {
        hide: true,
        params: Type.Object({ token: params.properties.token, kind: Type.String({ maxLength: 40 }) }),
      },
    },
    async (request, reply) => {
      const access = await portal.open(db, request.params.token, clockFor);
      if (access.status !== 'open') return refused(reply, access);
      const file = await portal.eInvoice(access, request.params.kind);
      if (!file) return html(reply, 404, portal.notFoundPage());
      return sendFile(privatePage(reply), file, 'attachment');
    },
  );

  app.get('/portal/:token/pdf', { config, schema: { hide: true, params } }, async (request, reply) => {
    const access = await portal.open(db, request.params.token, clockFor);
    if (access.status !== 'open') return refused(reply, access);
    return sendFile(privatePage(reply), await portal.pdf(access), 'inline');
  });
};
