import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestApp } from '@fakturo/testing';
import Stripe from 'stripe';

/**
 * Local stand-ins for Stripe and Mollie (no provider can be reached from these machines). Each speaks the
 * part of the provider's HTTP API that Fakturo's code calls through the official SDK — same paths, auth,
 * encodings and response shapes — and delivers the provider's callbacks over real HTTP to the app, signed
 * (Stripe) the way the provider signs them. They keep every request they received so tests can check what
 * the SDKs actually sent.
 */

// biome-ignore lint/suspicious/noExplicitAny: JSON a provider or the API answered, whatever each test reads of it
type Json = any;

const token = (n = 14) =>
  randomBytes(n)
    .toString('base64url')
    .replace(/[^A-Za-z0-9]/g, 'x');

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  response.writeHead(status, { 'content-type': type, 'request-id': `req_${token(8)}` });
  response.end(JSON.stringify(body));
}

/** The app listening on a loopback port, so the stand-ins can call it back over HTTP. */
export async function listening(t: TestApp): Promise<string> {
  const address = t.app.server.address();
  if (address && typeof address === 'object') return `http://127.0.0.1:${address.port}`;
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** Stripe: the form fields as sent (`line_items[0][price_data][unit_amount]`); Mollie: the JSON body. */
  body: Json;
}

// ——— Stripe ———

export interface FakeStripe {
  /** For FAKTURO_STRIPE_API_BASE. */
  url: string;
  requests: RecordedRequest[];
  sessions: Map<string, Stripe.Checkout.Session>;
  /** The keys accepted (`Authorization: Bearer …`); anything else gets Stripe's 401. */
  keys: Set<string>;
  /** An event about a session as Stripe sends it: JSON text, pretty-printed as Stripe does. */
  event(type: string, sessionId: string, session?: Partial<Stripe.Checkout.Session>): string;
  /**
   * The shop refunds `amount` (Stripe's units) of the session's payment in the Stripe dashboard: the
   * `charge.refunded` event Stripe sends, its Charge carrying the total refunded so far (`amount_refunded`) and
   * the PaymentIntent's metadata, as Stripe copies it onto the Charge. The session must have been paid (`event`).
   */
  refundEvent(sessionId: string, amount: number): string;
  /**
   * A `charge.dispute.*` event about the session's charge. The stand-in keeps one Dispute per charge and moves
   * it as Stripe does: `created` opens it (`needs_response`, the disputed amount withdrawn at once — or, with
   * `status: 'warning_needs_response'`, an inquiry that moves no money); `funds_withdrawn` withdraws it (an
   * inquiry escalated); `funds_reinstated` gives back `reinstated` (default all); `closed` sets `status`. Every
   * move of money is one of the Dispute's `balance_transactions`, in the account's currency, with the fee.
   */
  disputeEvent(
    type: string,
    sessionId: string,
    options?: { amount?: number; status?: Stripe.Dispute.Status; reinstated?: number },
  ): string;
  /** Posts an event to the app's Stripe webhook, signed with `secret` (or with the given header). */
  deliver(
    appUrl: string,
    payload: string,
    options: { secret: string; timestamp?: number; header?: string },
  ): Promise<{ status: number; body: Json }>;
  close(): Promise<void>;
}

/** Unflattens Stripe's form encoding of one object: `metadata[a]=1` → `{ a: '1' }`. */
function formObject(form: Record<string, string>, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  const prefix = `${name}[`;
  for (const [key, value] of Object.entries(form)) {
    const rest = key.startsWith(prefix) && key.endsWith(']') ? key.slice(prefix.length, -1) : '';
    if (rest && !/[[\]]/.test(rest)) out[rest] = value;
  }
  return out;
}

export async function startFakeStripe(): Promise<FakeStripe> {
  const requests: RecordedRequest[] = [];
  const sessions = new Map<string, Stripe.Checkout.Session>();
  const keys = new Set<string>();
  const idempotent = new Map<string, unknown>();
  // what Stripe keeps beside a session: its PaymentIntent's metadata (payment_intent_data), the Charge of
  // the payment and a Dispute of that Charge
  const intentMetadata = new Map<string, Record<string, string>>();
  const charges = new Map<string, Stripe.Charge>();
  const disputes = new Map<string, Stripe.Dispute>();

  const server = http.createServer(async (request, response) => {
    const raw = await readBody(request);
    const form = Object.fromEntries(new URLSearchParams(raw));
    const path = new URL(request.url ?? '/', 'http://stripe').pathname;
    requests.push({ method: request.method ?? '', path, headers: request.headers, body: form });
    const key = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!key || !keys.has(key)) {
      send(response, 401, {
        error: {
          type: 'invalid_request_error',
          message: `Invalid API Key provided: ${key?.slice(0, 8) ?? ''}***`,
        },
      });
      return;
    }
    if (request.method === 'POST' && path === '/v1/checkout/sessions') {
      const replayKey = `${key} ${request.headers['idempotency-key']}`;
      if (request.headers['idempotency-key'] && idempotent.has(replayKey)) {
        send(response, 200, idempotent.get(replayKey));
        return;
      }
      const id = `cs_test_${token(24)}`;
      const now = Math.floor(Date.now() / 1000);
      const session = {
        id,
        object: 'checkout.session',
        mode: 'payment',
        status: 'open',
        payment_status: 'unpaid',
        livemode: key.startsWith('sk_live_'),
        amount_total:
          Number(form['line_items[0][price_data][unit_amount]']) *
          Number(form['line_items[0][quantity]'] ?? 1),
        currency: form['line_items[0][price_data][currency]'],
        client_reference_id: form.client_reference_id ?? null,
        customer_email: form.customer_email ?? null,
        metadata: formObject(form, 'metadata'),
        success_url: form.success_url,
        cancel_url: form.cancel_url,
        created: now,
        expires_at: now + 24 * 3600,
        payment_intent: null,
        url: `https://checkout.stripe.com/c/pay/${id}#fidkdWxOYHwnPyd1blpxYHZxWjA0`,
      } as unknown as Stripe.Checkout.Session;
      sessions.set(id, session);
      intentMetadata.set(id, formObject(form, 'payment_intent_data[metadata]'));
      if (request.headers['idempotency-key']) idempotent.set(replayKey, session);
      send(response, 200, session);
      return;
    }
    const match = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (request.method === 'GET' && match && sessions.has(match[1]!)) {
      send(response, 200, sessions.get(match[1]!));
      return;
    }
    send(response, 404, {
      error: {
        type: 'invalid_request_error',
        message: `Unrecognized request URL (${request.method}: ${path})`,
      },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const now = () => Math.floor(Date.now() / 1000);
  const envelope = (type: string, object: { livemode: boolean }) =>
    JSON.stringify(
      {
        id: `evt_${token(24)}`,
        object: 'event',
        api_version: '2026-10-28.endive',
        created: now(),
        data: { object },
        livemode: object.livemode,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        type,
      },
      null,
      2,
    );

  /** The Charge of a paid session: one per PaymentIntent, made when first asked for. */
  function chargeOf(sessionId: string): Stripe.Charge {
    const session = sessions.get(sessionId);
    if (!session?.payment_intent) throw new Error(`session ${sessionId} has no payment yet`);
    let charge = charges.get(sessionId);
    if (!charge) {
      charge = {
        id: `ch_${token(24)}`,
        object: 'charge',
        amount: session.amount_total,
        amount_captured: session.amount_total,
        amount_refunded: 0,
        captured: true,
        created: now(),
        currency: session.currency,
        description: null,
        disputed: false,
        livemode: session.livemode,
        // Stripe copies the PaymentIntent's metadata onto the Charge it makes
        metadata: { ...intentMetadata.get(sessionId) },
        paid: true,
        payment_intent: session.payment_intent,
        refunded: false,
        status: 'succeeded',
      } as unknown as Stripe.Charge;
      charges.set(sessionId, charge);
    }
    return charge;
  }

  const balanceTransaction = (dispute: Stripe.Dispute, amount: number, reversal: boolean) =>
    ({
      id: `txn_${token(24)}`,
      object: 'balance_transaction',
      amount,
      created: now(),
      currency: dispute.currency,
      description: `Chargeback ${reversal ? 'reversal' : 'withdrawal'} for ${dispute.charge}`,
      fee: reversal ? 0 : 1500,
      net: reversal ? amount : amount - 1500,
      reporting_category: reversal ? 'dispute_reversal' : 'dispute',
      source: dispute.id,
      status: 'pending',
      type: 'adjustment',
    }) as unknown as Stripe.BalanceTransaction;

  return {
    url,
    requests,
    sessions,
    keys,
    event(type, sessionId, overrides = {}) {
      const stored = sessions.get(sessionId);
      if (!stored) throw new Error(`no session ${sessionId}`);
      const paid = type === 'checkout.session.async_payment_succeeded' || overrides.payment_status === 'paid';
      const session = {
        ...stored,
        status: type === 'checkout.session.expired' ? 'expired' : 'complete',
        // one PaymentIntent per session, from the first event on
        payment_intent: stored.payment_intent ?? `pi_${token(24)}`,
        ...(paid ? { payment_status: 'paid' } : {}),
        ...overrides,
      } as Stripe.Checkout.Session;
      sessions.set(sessionId, session);
      return envelope(type, session);
    },
    refundEvent(sessionId, amount) {
      const charge = chargeOf(sessionId);
      if (charge.amount_refunded + amount > charge.amount) throw new Error('refund exceeds the charge');
      charge.amount_refunded += amount;
      charge.refunded = charge.amount_refunded === charge.amount;
      return envelope('charge.refunded', charge);
    },
    disputeEvent(type, sessionId, options = {}) {
      const charge = chargeOf(sessionId);
      const dispute =
        disputes.get(sessionId) ??
        ({
          id: `du_${token(24)}`,
          object: 'dispute',
          amount: options.amount ?? charge.amount - charge.amount_refunded,
          balance_transactions: [],
          charge: charge.id,
          created: now(),
          currency: charge.currency,
          is_charge_refundable: false,
          livemode: charge.livemode,
          metadata: {},
          payment_intent: charge.payment_intent,
          reason: 'fraudulent',
          status: options.status ?? 'needs_response',
        } as unknown as Stripe.Dispute);
      disputes.set(sessionId, dispute);
      charge.disputed = true;
      const moved = (sign: number) => dispute.balance_transactions.some((b) => Math.sign(b.amount) === sign);
      const withdraw = () => {
        if (!moved(-1))
          dispute.balance_transactions.push(balanceTransaction(dispute, -dispute.amount, false));
      };
      if (type === 'charge.dispute.created' && !dispute.status.startsWith('warning_')) withdraw();
      if (type === 'charge.dispute.funds_withdrawn') {
        dispute.status = options.status ?? 'needs_response';
        withdraw();
      }
      if (type === 'charge.dispute.funds_reinstated' && !moved(1)) {
        const back = options.reinstated ?? dispute.amount;
        dispute.balance_transactions.push(balanceTransaction(dispute, back, true));
        dispute.status = options.status ?? 'won';
      }
      if (type === 'charge.dispute.closed') dispute.status = options.status ?? dispute.status;
      return envelope(type, dispute);
    },
    async deliver(appUrl, payload, options) {
      const header =
        options.header ??
        Stripe.webhooks.generateTestHeaderString({
          payload,
          secret: options.secret,
          ...(options.timestamp ? { timestamp: options.timestamp } : {}),
        });
      const response = await fetch(`${appUrl}/v1/psp/stripe/webhook`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'stripe-signature': header,
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        },
        body: payload,
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// ——— Mollie ———

export interface MolliePaymentRecord {
  resource: 'payment';
  id: string;
  mode: 'test' | 'live';
  status: string;
  amount: { currency: string; value: string };
  description: string;
  redirectUrl: string;
  webhookUrl: string;
  metadata: unknown;
  createdAt: string;
  expiresAt?: string;
  paidAt?: string;
  method: string | null;
  [key: string]: unknown;
}

export interface FakeMollie {
  /** For FAKTURO_MOLLIE_API_BASE. */
  url: string;
  requests: RecordedRequest[];
  payments: Map<string, MolliePaymentRecord>;
  keys: Set<string>;
  /** Moves a payment to a status, as the payer or the bank would. */
  setStatus(id: string, status: string): void;
  /**
   * Posts `id=…` to the app, at the path of the webhookUrl registered with the payment (Mollie calls that
   * URL; the app listens on a loopback port here), as Mollie does: form-encoded, nothing else.
   */
  notify(appUrl: string, id: string, path?: string): Promise<{ status: number; body: Json }>;
  close(): Promise<void>;
}

/** A throwaway self-signed certificate: Mollie's client only speaks TLS. */
function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'fakturo-mollie-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

export async function startFakeMollie(): Promise<FakeMollie> {
  const requests: RecordedRequest[] = [];
  const payments = new Map<string, MolliePaymentRecord>();
  const keys = new Set<string>();
  const notFound = (response: ServerResponse, detail: string) =>
    send(
      response,
      404,
      {
        status: 404,
        title: 'Not Found',
        detail,
        _links: {
          documentation: { href: 'https://docs.mollie.com/overview/handling-errors', type: 'text/html' },
        },
      },
      'application/hal+json',
    );

  const server = https.createServer(selfSignedCertificate(), async (request, response) => {
    const raw = await readBody(request);
    const path = new URL(request.url ?? '/', 'https://mollie').pathname;
    const body = raw ? JSON.parse(raw) : null;
    requests.push({ method: request.method ?? '', path, headers: request.headers, body });
    const key = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!key || !keys.has(key)) {
      send(
        response,
        401,
        {
          status: 401,
          title: 'Unauthorized Request',
          detail: 'Missing authentication, or failed to authenticate',
          _links: {},
        },
        'application/hal+json',
      );
      return;
    }
    if (request.method === 'POST' && path === '/v2/payments') {
      const id = `tr_${token(10)}`;
      const self = `https://api.mollie.com/v2/payments/${id}`;
      const payment: MolliePaymentRecord = {
        resource: 'payment',
        id,
        mode: key.startsWith('live_') ? 'live' : 'test',
        createdAt: new Date().toISOString(),
        amount: body.amount,
        description: body.description,
        method: null,
        metadata: body.metadata ?? null,
        status: 'open',
        isCancelable: false,
        expiresAt: new Date(Date.now() + 15 * 60 * 1000).toISOString(),
        profileId: 'pfl_QkEhN94Ba',
        sequenceType: 'oneoff',
        redirectUrl: body.redirectUrl,
        webhookUrl: body.webhookUrl,
        _links: {
          self: { href: self, type: 'application/hal+json' },
          checkout: { href: `https://www.mollie.com/checkout/select-method/${token(6)}`, type: 'text/html' },
          dashboard: { href: `https://www.mollie.com/dashboard/payments/${id}`, type: 'text/html' },
          documentation: { href: 'https://docs.mollie.com/reference/create-payment', type: 'text/html' },
        },
      };
      payments.set(id, payment);
      send(response, 201, payment, 'application/hal+json');
      return;
    }
    const match = /^\/v2\/payments\/([^/]+)$/.exec(path);
    if (request.method === 'GET' && match) {
      const payment = payments.get(match[1]!);
      if (!payment) notFound(response, `No payment exists with token ${match[1]}.`);
      else send(response, 200, payment, 'application/hal+json');
      return;
    }
    notFound(response, `Unknown endpoint ${request.method} ${path}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/v2/`;

  return {
    url,
    requests,
    payments,
    keys,
    setStatus(id, status) {
      const payment = payments.get(id);
      if (!payment) throw new Error(`no payment ${id}`);
      payment.status = status;
      if (status === 'paid') {
        payment.paidAt = new Date().toISOString();
        payment.method = 'ideal';
        delete payment.expiresAt;
        delete (payment._links as Record<string, unknown>).checkout;
      }
      if (status === 'failed') payment.failedAt = new Date().toISOString();
    },
    async notify(appUrl, id, path) {
      const target =
        path ?? new URL(payments.get(id)?.webhookUrl ?? 'http://x/v1/psp/mollie/webhook').pathname;
      const response = await fetch(`${appUrl}${target}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'Mollie.com/Webhook' },
        body: new URLSearchParams({ id }).toString(),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
