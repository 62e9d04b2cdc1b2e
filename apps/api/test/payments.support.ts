import type { TestApp, TestTenant } from '@fakturo/testing';
import { expect } from 'vitest';
import { draft, finalize, line } from './documents.support';

/** Helpers of the payment tests (payments, reconciliation). */

/** The books add up: every invoice's paid amount is its allocations, every payment's split holds, and each
 * credit balance is the unapplied money of its payments (and the last balance of its ledger). */
export async function expectBooksBalanceIn(t: TestApp) {
  const paid = await t.db.raw(`
    SELECT d.id FROM documents d
      LEFT JOIN (SELECT document_id, sum(amount) AS s FROM payment_allocations GROUP BY 1) a ON a.document_id = d.id
     WHERE d.amount_paid <> coalesce(a.s, 0)`);
  expect(paid.rows).toEqual([]);
  const split = await t.db.raw(`
    SELECT p.id FROM payments p
      LEFT JOIN (SELECT source_payment_id, sum(amount) AS s FROM payment_allocations GROUP BY 1) a
        ON a.source_payment_id = p.id
     WHERE p.type = 'payment' AND p.amount_allocated <> coalesce(a.s, 0)`);
  expect(split.rows).toEqual([]);
  const refunded = await t.db.raw(`
    SELECT p.id FROM payments p
      LEFT JOIN (SELECT refunded_payment_id, sum(amount) AS s FROM payments WHERE type = 'refund' GROUP BY 1) r
        ON r.refunded_payment_id = p.id
     WHERE p.type = 'payment' AND p.amount_refunded <> coalesce(r.s, 0)`);
  expect(refunded.rows).toEqual([]);
  const balances = await t.db.raw(`
    SELECT b.contact_id FROM customer_balances b
      LEFT JOIN (SELECT contact_id, currency, sum(amount - amount_allocated - amount_refunded) AS s
                   FROM payments WHERE type = 'payment' AND status = 'succeeded' GROUP BY 1, 2) u
        ON u.contact_id = b.contact_id AND u.currency = b.currency
      LEFT JOIN LATERAL (SELECT balance_after FROM customer_balance_transactions x
                          WHERE x.contact_id = b.contact_id AND x.currency = b.currency ORDER BY id DESC LIMIT 1) l ON true
     WHERE b.balance <> coalesce(u.s, 0) OR b.balance <> coalesce(l.balance_after, 0)`);
  expect(balances.rows).toEqual([]);
  const over = await t.db.raw(
    `SELECT id FROM documents WHERE amount_paid < 0 OR amount_paid + amount_credited > greatest(amount_due, 0)
       AND amount_paid > 0`,
  );
  expect(over.rows).toEqual([]);
}

/** A finalized invoice of `net` + 19 % VAT for the contact. */
export async function issuedInvoice(t: TestApp, contactId: string, net = 10000, as?: TestTenant) {
  return finalize(
    t,
    (await draft(t, { contactId, lines: [line({ quantity: '1', unitAmount: net })] }, as)).id,
    as,
  );
}

/** A German bank's CSV export: its header line, and the query naming its columns for `POST /v1/bank-statements`. */
export const CSV_HEADER = 'Buchungstag;Auftraggeber;IBAN;Verwendungszweck;Betrag;Währung';
export const CSV_MAPPING =
  '?format=csv&bookingDateColumn=Buchungstag&counterpartyNameColumn=Auftraggeber&counterpartyIbanColumn=IBAN&remittanceInformationColumn=Verwendungszweck&amountColumn=Betrag&currencyColumn=W%C3%A4hrung&accountIban=DE89370400440532013000';

/** Minor units as that CSV writes them: `119,00`. */
export const money = (minor: number) => (minor / 100).toFixed(2).replace('.', ',');
