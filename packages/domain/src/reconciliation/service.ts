import type { Knex } from 'knex';
import * as audit from '../audit/service';
import * as bankStatementsRepo from '../bank-statements/repo';
import * as bankStatements from '../bank-statements/service';
import type { BankTransaction } from '../bank-statements/types';
import { type Ctx, inTransaction, scoped } from '../context';
import { DomainError, FieldErrors, notFound } from '../errors';
import * as events from '../events/service';
import * as jobs from '../jobs';
import * as organizations from '../organizations/service';
import { outstandingSql } from '../payments/rules';
import * as payments from '../payments/service';
import type { AllocationInput, PaymentInput } from '../payments/types';
import * as sepa from '../sepa/index';
import {
  decide,
  type MatchCandidate,
  type MatchDecision,
  type MatchRule,
  normaliseIban,
  numberFinder,
  SEPA_RETURN_REASONS,
} from './match';

/**
 * Reconciliation (DOMAIN.md §9, issue 6 items 4–5): imported bank transactions against open invoices. The
 * ladder itself is pure (match.ts); this module gathers the candidates set-wise and books the result. Only
 * confident matches are applied; everything else is suggested or left for a person.
 *
 * The common case is booked a chunk at a time: the chunk's transactions and the invoices their remittance
 * texts name are locked, the ladder decides each, and every `number_exact` match of the chunk is booked with
 * `payments.recordMany` (provider `bank`, external id = the bank transaction, so a repeated run never books
 * twice) while the chunk's matches and suggestions are written, announced and audited with a few set-based
 * statements — one database transaction per chunk, so a crash loses nothing: the chunk rolls back and the
 * next run (the job's retry) takes it again. What the chunk cannot decide on its own goes through the
 * per-transaction path afterwards, in id order, each in a transaction of its own with the bank transaction's
 * row locked: SEPA credits and returns (rule 1), a transfer naming an invoice an earlier transfer of the chunk
 * pays or a SEPA transaction touches (its decision depends on that booking). Two chunks are booked at once
 * unless they name the same invoice (see `ChunkPipeline`). Transactions without a usable invoice number wait for rules 4 and 5, which need candidates by
 * payer IBAN and by amount; those are read once for up to DEFERRED_GROUP transactions (the amount lookup has no
 * index, so one read of the open invoices serves them all) after the numbered ones are booked.
 */

const CHUNK = 500;
/** Transactions for rules 4 and 5 per candidate read. */
const DEFERRED_GROUP = 10_000;
const PAYABLE = ['invoice', 'corrected_invoice'];

export interface ReconcileSummary {
  examined: number;
  applied: number;
  suggested: number;
  returned: number;
  unmatched: number;
}

interface TxnRow {
  id: string;
  status: string;
  amount: number;
  currency: string;
  booking_date: string;
  value_date: string | null;
  is_return: boolean;
  return_reason_code: string | null;
  counterparty_name: string | null;
  counterparty_iban: string | null;
  remittance_information: string | null;
  structured_reference: string | null;
  end_to_end_id: string | null;
  original_amount: number | null;
  charges_amount: number | null;
  rejected_suggestion: { invoiceIds: string[] } | null;
}

const TXN_COLUMNS = [
  'id',
  'status',
  'amount',
  'currency',
  'booking_date',
  'value_date',
  'is_return',
  'return_reason_code',
  'counterparty_name',
  'counterparty_iban',
  'remittance_information',
  'structured_reference',
  'end_to_end_id',
  'original_amount',
  'charges_amount',
  'rejected_suggestion',
];

/**
 * Matches the organisation's unmatched transactions (of one statement, or all), oldest first. Safe to run
 * twice at once: every transaction is decided under its row lock and only while still unmatched.
 */
export async function reconcile(ctx: Ctx, options: { statementId?: string } = {}): Promise<ReconcileSummary> {
  const summary: ReconcileSummary = { examined: 0, applied: 0, suggested: 0, returned: 0, unmatched: 0 };
  const org = await organizations.get(ctx);
  const findNumbers = numberFinder([org.numberFormats.invoice]);
  let deferred: TxnRow[] = [];
  const count = (outcome: Outcome | 'deferred', row: TxnRow) => {
    if (outcome === 'deferred') deferred.push(row);
    else {
      summary.examined += 1;
      summary[outcome] += 1;
    }
  };
  const chunks = new ChunkPipeline(PARALLEL_CHUNKS);
  const book = async (ids: string[]) => {
    let chunk: Awaited<ReturnType<typeof decideChunk>>;
    try {
      chunk = await retryOnDeadlock(() => inTransaction(ctx, (tx) => decideChunk(tx, ids, findNumbers)));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // a booking of the chunk was refused and the chunk rolled back: its transactions go one by one, so only
      // the refused one is left for a person (decideOne) instead of failing the run on every retry (whole
      // rows: those without a number go on to rules 4 and 5, which read their amount and payer)
      const alone: TxnRow[] = await scoped(ctx, 'bank_transactions')
        .whereRaw('id = ANY(?::text[])', [ids])
        .where('status', 'unmatched')
        .orderBy('id')
        .select(TXN_COLUMNS);
      chunk = { decided: [], alone };
    }
    for (const [row, outcome] of chunk.decided) count(outcome, row);
    for (const row of chunk.alone) count(await decideOne(ctx, row, findNumbers), row);
  };
  let after = '';
  try {
    for (;;) {
      const q = scoped(ctx, 'bank_transactions')
        .where('status', 'unmatched')
        .where('id', '>', after)
        .orderBy('id')
        .limit(CHUNK)
        .select('id', 'remittance_information', 'structured_reference');
      if (options.statementId) q.where('statement_id', options.statementId);
      const rows: Pick<TxnRow, 'id' | 'remittance_information' | 'structured_reference'>[] = await q;
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.id;
      const numbers = new Set(rows.flatMap((r) => findNumbers(textOf(r))));
      await chunks.start(numbers, () => book(rows.map((r) => r.id)));
      if (deferred.length >= DEFERRED_GROUP) {
        // rules 4 and 5 read the open invoices: after the bookings before them
        await chunks.drain();
        const group = deferred;
        deferred = [];
        for (const [row, outcome] of await decideByPayer(ctx, group, findNumbers)) count(outcome, row);
      }
      if (rows.length < CHUNK) break;
    }
  } finally {
    await chunks.drain();
  }
  for (const [row, outcome] of await decideByPayer(ctx, deferred, findNumbers)) count(outcome, row);
  return summary;
}

/** Chunks booked at once: one decides and books while the other's rows travel (two cores: Node and PostgreSQL). */
const PARALLEL_CHUNKS = 2;

/**
 * Runs chunks `parallel` at a time, in the order started, with one rule that keeps the result what booking
 * them one after the other gives: a chunk naming an invoice number a running chunk names waits for that chunk
 * (it must see what that booking left open). Chunks naming different invoices lock different invoice rows, so
 * they neither wait for nor change each other. A chunk's failure is thrown by `drain` (or the next `start`),
 * after the others settled.
 */
class ChunkPipeline {
  private readonly running = new Set<{ numbers: Set<string>; done: Promise<void> }>();
  private failure: { error: unknown } | null = null;

  constructor(private readonly parallel: number) {}

  async start(numbers: Set<string>, work: () => Promise<void>): Promise<void> {
    for (const other of [...this.running]) {
      if ([...numbers].some((n) => other.numbers.has(n))) await other.done;
    }
    while (this.running.size >= this.parallel) await Promise.race([...this.running].map((r) => r.done));
    this.throwIfFailed();
    const entry = {
      numbers,
      done: work().then(
        () => undefined,
        (error: unknown) => {
          this.failure ??= { error };
        },
      ),
    };
    this.running.add(entry);
    void entry.done.then(() => this.running.delete(entry));
  }

  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running].map((r) => r.done));
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}

/**
 * PostgreSQL breaks a deadlock by failing one transaction (40P01). Two chunks lock invoices in id order and
 * never the same ones, but both may touch one customer's credit balance; the chunk that lost rolled back
 * whole and is simply run again.
 */
async function retryOnDeadlock<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || (error as { code?: string }).code !== '40P01') throw error;
    }
  }
}

type Outcome = 'applied' | 'suggested' | 'returned' | 'unmatched';

interface Decided {
  txn: TxnRow;
  status: 'matched' | 'suggested';
  decision: Pick<MatchDecision, 'allocations' | 'confidence' | 'reason' | 'rule'>;
  paymentId?: string;
}

/**
 * One chunk in one database transaction: locks its transactions (those still unmatched) and the open invoices
 * their texts name, decides each with what is locked, books the `number_exact` matches with one
 * `payments.recordMany` and writes the matches and suggestions set-wise. Returns what it decided, the
 * transactions for the per-transaction path (`alone`, in id order) and those for rules 4 and 5 (`deferred`).
 */
async function decideChunk(
  tx: Ctx,
  ids: readonly string[],
  findNumbers: (text: string) => string[],
): Promise<{ decided: [TxnRow, Outcome | 'deferred'][]; alone: TxnRow[] }> {
  const rows: TxnRow[] = await scoped(tx, 'bank_transactions')
    .whereRaw('id = ANY(?::text[])', [[...ids]])
    .where('status', 'unmatched')
    .orderBy('id')
    .forUpdate()
    .select(TXN_COLUMNS);
  const found = new Map(rows.map((r) => [r.id, findNumbers(textOf(r))]));
  const byNumber = await candidatesByNumber(tx, [...new Set([...found.values()].flat())], { lock: true });
  const sepaItems = await submittedSepaItems(tx, [
    ...new Set(rows.map((r) => r.end_to_end_id).filter((e): e is string => !!e)),
  ]);
  const decided: [TxnRow, Outcome | 'deferred'][] = [];
  const alone: TxnRow[] = [];
  // rule 1 outranks the numbers; what a SEPA credit or return books is known, and taken before anything else
  const sepaRows = new Set<string>();
  const claimed = new Set<string>();
  for (const r of rows) {
    const item = r.end_to_end_id ? sepaItems.get(r.end_to_end_id) : undefined;
    if (!item) continue;
    const isReturn = r.amount < 0 && (r.is_return || !!r.return_reason_code);
    const isCredit = r.amount >= 0 && item.currency === r.currency && item.amount === r.amount;
    if (isReturn || isCredit) {
      sepaRows.add(r.id);
      claimed.add(item.invoiceId);
    }
  }
  const bookings: Decided[] = [];
  const suggestions: Decided[] = [];
  for (const txn of rows) {
    if (sepaRows.has(txn.id)) {
      alone.push(txn);
      continue;
    }
    if (txn.amount <= 0) {
      decided.push([txn, 'unmatched']);
      continue;
    }
    const named = found
      .get(txn.id)!
      .map((n) => byNumber.get(n))
      .filter((c): c is MatchCandidate => c !== undefined && c.currency === txn.currency && c.openAmount > 0);
    if (named.length === 0) {
      decided.push([txn, 'deferred']);
      continue;
    }
    // an earlier booking of this chunk (or a SEPA transaction) changes what these invoices owe: decided alone,
    // after that booking, as the per-transaction order would
    if (named.some((c) => claimed.has(c.invoiceId))) {
      alone.push(txn);
      continue;
    }
    const decision = decide(asMatchTransaction(txn), named, [])!;
    const rejected = new Set(txn.rejected_suggestion?.invoiceIds ?? []);
    if (decision.allocations.every((a) => rejected.has(a.invoiceId))) {
      decided.push([txn, 'unmatched']);
      continue;
    }
    if (decision.action === 'suggest') {
      suggestions.push({ txn, status: 'suggested', decision });
      continue;
    }
    for (const c of named) claimed.add(c.invoiceId);
    // unmatched by a person before: its first booking may exist (refunded), so it books under a new id, alone
    if (txn.rejected_suggestion) {
      alone.push(txn);
      continue;
    }
    bookings.push({ txn, status: 'matched', decision });
  }
  const booked = await payments.recordMany(
    tx,
    bookings.map(({ txn, decision }) => bookingInput(txn, decision.allocations)),
  );
  bookings.forEach((b, i) => {
    b.paymentId = booked[i]!.payment.id;
  });
  await writeMany(tx, [...bookings, ...suggestions]);
  for (const b of bookings) decided.push([b.txn, 'applied']);
  for (const s of suggestions) decided.push([s.txn, 'suggested']);
  return { decided, alone };
}

/**
 * Rules 4 and 5 for transactions no invoice number decided: their candidates (the payers' contacts' open
 * invoices, open invoices of exactly their amounts) read once for all of them, then decided and written a
 * chunk per database transaction. These rules only ever suggest.
 */
async function decideByPayer(
  ctx: Ctx,
  rows: readonly TxnRow[],
  findNumbers: (text: string) => string[],
): Promise<[TxnRow, Outcome][]> {
  if (rows.length === 0) return [];
  const others = await otherCandidates(ctx, rows);
  // Open invoices the texts name in another currency than the transfer (the numbered rules only take the
  // transfer's currency): the ladder's last rung says why none was taken, instead of no reason at all. Only
  // those: an invoice in the transfer's currency that is open now was decided on by the numbered rules.
  const numbersOf = new Map(rows.map((r) => [r.id, r.amount > 0 ? findNumbers(textOf(r)) : []]));
  const byNumber = await candidatesByNumber(ctx, [...new Set([...numbersOf.values()].flat())]);
  const foreign = (txn: TxnRow) =>
    (numbersOf.get(txn.id) ?? [])
      .map((n) => byNumber.get(n))
      .filter((c): c is MatchCandidate => c !== undefined && c.currency !== txn.currency);
  const out: [TxnRow, Outcome][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const ids = rows.slice(i, i + CHUNK).map((r) => r.id);
    await inTransaction(ctx, async (tx) => {
      const locked: TxnRow[] = await scoped(tx, 'bank_transactions')
        .whereRaw('id = ANY(?::text[])', [[...ids]])
        .where('status', 'unmatched')
        .orderBy('id')
        .forUpdate()
        .select(TXN_COLUMNS);
      const suggestions: Decided[] = [];
      for (const txn of locked) {
        const decision = decide(asMatchTransaction(txn), foreign(txn), others(txn));
        const rejected = new Set(txn.rejected_suggestion?.invoiceIds ?? []);
        if (!decision || decision.allocations.every((a) => rejected.has(a.invoiceId))) {
          out.push([txn, 'unmatched']);
        } else {
          suggestions.push({ txn, status: 'suggested', decision });
          out.push([txn, 'suggested']);
        }
      }
      await writeMany(tx, suggestions);
    });
  }
  return out;
}

/**
 * One transaction, in its own database transaction, with candidates read under its lock: the SEPA rules, and
 * the invoice numbers when an earlier booking touched the invoices. Rules 4 and 5 come later (`deferred`).
 */
async function decideOne(
  ctx: Ctx,
  row: TxnRow,
  findNumbers: (text: string) => string[],
): Promise<Outcome | 'deferred'> {
  return inTransaction(ctx, async (tx) => {
    const txn: TxnRow | undefined = await scoped(tx, 'bank_transactions')
      .where('id', row.id)
      .forUpdate()
      .first(TXN_COLUMNS);
    if (txn?.status !== 'unmatched') return 'unmatched';
    const attempt: Attempt = { rule: null, allocations: [] };
    try {
      // a savepoint: a booking refused halfway leaves nothing of it behind
      return await (tx.db as Knex.Transaction).transaction((sp) =>
        decideLocked({ ...tx, db: sp }, txn, findNumbers, attempt),
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // The rules refused the booking (e.g. the transaction's id already books another amount: 409
      // external_id_conflict). Retrying cannot change that, and failing would stop the organisation's whole
      // reconciliation on every retry of the job: the transaction is left for a person, with the reason.
      await write(
        tx,
        txn.id,
        'suggested',
        {
          rule: attempt.rule ?? 'manual',
          allocations: attempt.allocations,
          confidence: 0,
          reason: `not booked automatically: ${error.message} (${error.code})`,
        },
        {},
      );
      return 'suggested';
    }
  });
}

/** What the per-transaction path was about to book, for the suggestion left when the booking is refused. */
interface Attempt {
  rule: MatchRule | 'sepa_return' | null;
  allocations: AllocationInput[];
}

async function decideLocked(
  tx: Ctx,
  txn: TxnRow,
  findNumbers: (text: string) => string[],
  attempt: Attempt,
): Promise<Outcome | 'deferred'> {
  if (txn.amount < 0) return (await sepaReturn(tx, txn, attempt)) ? 'returned' : 'unmatched';
  if (await sepaCredit(tx, txn, attempt)) return 'applied';
  if (txn.amount === 0) return 'unmatched';

  const numbers = findNumbers(textOf(txn));
  const byNumber = await candidatesByNumber(tx, numbers, { lock: true });
  const named = numbers
    .map((n) => byNumber.get(n))
    .filter((c): c is MatchCandidate => c !== undefined && c.currency === txn.currency && c.openAmount > 0);
  if (named.length === 0) return 'deferred';
  const decision = decide(asMatchTransaction(txn), named, [])!;
  // a person said no to these invoices for this transaction: neither applied nor suggested again
  const rejected = new Set(txn.rejected_suggestion?.invoiceIds ?? []);
  if (decision.allocations.every((a) => rejected.has(a.invoiceId))) return 'unmatched';
  if (decision.action === 'apply') {
    Object.assign(attempt, { rule: decision.rule, allocations: decision.allocations });
    const payment = await book(tx, txn, decision.allocations);
    await write(tx, txn.id, 'matched', decision, { paymentId: payment.id });
    return 'applied';
  }
  await write(tx, txn.id, 'suggested', decision, {});
  return 'suggested';
}

function asMatchTransaction(txn: TxnRow) {
  return {
    amount: txn.amount,
    currency: txn.currency,
    remittance: textOf(txn),
    counterpartyName: txn.counterparty_name,
    counterpartyIban: txn.counterparty_iban,
  };
}

/** Rule 1: the end-to-end id of one of our submitted SEPA debits: the invoice it collected. */
async function sepaCredit(tx: Ctx, txn: TxnRow, attempt: Attempt): Promise<boolean> {
  if (!txn.end_to_end_id) return false;
  const item = await sepa.findItemByEndToEndId(tx, txn.end_to_end_id);
  if (item?.status !== 'submitted' || item.currency !== txn.currency || item.amount !== txn.amount) {
    return false;
  }
  // a person unmatched it from this debit: its booking under the end-to-end id was refunded, and booking
  // under that id again would find that payment and book nothing
  if (txn.rejected_suggestion?.invoiceIds.includes(item.invoiceId)) return false;
  // booked under the end-to-end id, as a booking of the collection itself would be: the money comes once
  Object.assign(attempt, {
    rule: 'sepa_reference',
    allocations: [{ invoiceId: item.invoiceId, amount: txn.amount }],
  });
  const { payment } = await payments.record(tx, {
    invoiceId: item.invoiceId,
    amount: txn.amount,
    currency: txn.currency,
    method: 'sepa_debit',
    provider: 'sepa',
    externalId: txn.end_to_end_id,
    reference: txn.end_to_end_id,
    paidAt: `${txn.value_date ?? txn.booking_date}T00:00:00Z`,
  });
  await write(
    tx,
    txn.id,
    'matched',
    {
      rule: 'sepa_reference',
      confidence: 1,
      reason: `end-to-end id ${txn.end_to_end_id} of SEPA collection ${item.collectionId}`,
      allocations: [{ invoiceId: item.invoiceId, amount: txn.amount }],
    },
    { paymentId: payment.id },
  );
  return true;
}

/**
 * A debit that is a SEPA return (reason code such as AC04, MD06, AM04): the collected payment is reversed, so
 * its invoice is open again, the collection item becomes `returned` (collectable again), and the bank's
 * return fee is recorded on the transaction.
 */
async function sepaReturn(tx: Ctx, txn: TxnRow, attempt: Attempt): Promise<boolean> {
  if (!txn.end_to_end_id || !(txn.is_return || txn.return_reason_code)) return false;
  const item = await sepa.findItemByEndToEndId(tx, txn.end_to_end_id);
  if (item?.status !== 'submitted') return false;
  const debited = -txn.amount;
  // what was collected comes back: the file's original amount, else the debited amount less the stated
  // charges, else — a return booked with its fee and nothing else said — the amount the item collected
  const original =
    txn.original_amount ??
    (txn.charges_amount !== null ? debited - txn.charges_amount : Math.min(debited, item.amount));
  const fee = txn.charges_amount ?? Math.max(0, debited - original);
  const code = txn.return_reason_code ?? 'unknown';
  const meaning = SEPA_RETURN_REASONS[code] ?? 'returned by the bank';
  const booked = await payments.findByExternalId(tx, 'sepa', txn.end_to_end_id);
  const collected = booked?.type === 'payment' && booked.status === 'succeeded' ? booked : undefined;
  // never more than is left of the payment to refund (a refund beyond it is refused, and the refusal would
  // fail the whole reconciliation run on every retry)
  const refundable = collected ? Math.min(original, collected.amount - collected.amountRefunded) : 0;
  attempt.rule = 'sepa_return';
  let paymentId: string | null = null;
  if (collected && refundable > 0) {
    const { payment } = await payments.refund(tx, collected.id, {
      amount: refundable,
      method: 'sepa_debit',
      provider: 'bank',
      externalId: txn.id,
      reason: `sepa_return ${code} (${meaning})`,
      refundedAt: `${txn.value_date ?? txn.booking_date}T00:00:00Z`,
    });
    paymentId = payment.id;
  }
  await sepa.returnItem(tx, { endToEndId: txn.end_to_end_id, reason: code });
  await write(
    tx,
    txn.id,
    'matched',
    {
      rule: 'sepa_return',
      confidence: 1,
      reason: `SEPA return ${code} (${meaning}) of ${txn.end_to_end_id}; invoice reopened${fee > 0 ? `, return fee ${fee}` : ''}`,
      allocations: [{ invoiceId: item.invoiceId, amount: original }],
    },
    { paymentId, returnFee: fee },
  );
  return true;
}

/** What an applied match books: the transfer, on the invoices it pays (the rest: the contact's credit balance). */
function bookingInput(txn: TxnRow, allocations: AllocationInput[], contactId?: string): PaymentInput {
  return {
    ...(contactId ? { contactId } : {}),
    amount: txn.amount,
    currency: txn.currency,
    method: 'bank_transfer',
    provider: 'bank',
    externalId: txn.id,
    reference: textOf(txn).slice(0, 500) || null,
    paidAt: `${txn.value_date ?? txn.booking_date}T00:00:00Z`,
    allocations,
  };
}

async function book(
  tx: Ctx,
  txn: TxnRow,
  allocations: AllocationInput[],
  options: { contactId?: string; byPerson?: boolean } = {},
) {
  const input = bookingInput(txn, allocations, options.contactId);
  // The transaction's own id is taken only after an unmatch (which sets rejected_suggestion) or by someone
  // else's payment; the automatic path books under it (a conflict leaves the transaction for a person), a
  // person's match finds the id it can book under.
  if (txn.rejected_suggestion || options.byPerson)
    input.externalId = await bookingExternalId(tx, txn.id, txn.amount, txn.currency);
  const { payment } = await payments.record(tx, input);
  return payment;
}

/**
 * The provider id to book a bank transaction under: its own id, unless a payment holds that id which is not a
 * live booking of this money — refunded in full by an unmatch (booking under the id again would find that
 * payment and book nothing, and the transaction would read `matched` while its invoices stay open), or of
 * another amount or currency (someone booked a payment under the transaction's id: 409
 * external_id_conflict) — then `<id>#2`, `#3`, …. A live booking of the same money is returned as it is, so a
 * repeat books once.
 */
async function bookingExternalId(tx: Ctx, txnId: string, amount: number, currency: string): Promise<string> {
  for (let n = 1; ; n++) {
    const externalId = n === 1 ? txnId : `${txnId}#${n}`;
    const earlier = await payments.findByExternalId(tx, 'bank', externalId);
    if (!earlier) return externalId;
    const live = earlier.amountRefunded < earlier.amount;
    if (live && earlier.amount === amount && earlier.currency === currency) return externalId;
  }
}

async function write(
  tx: Ctx,
  id: string,
  status: 'matched' | 'suggested' | 'unmatched' | 'ignored',
  decision:
    | (Pick<MatchDecision, 'allocations' | 'confidence' | 'reason'> & {
        rule: MatchRule | 'manual' | 'sepa_return';
      })
    | null,
  extra: {
    paymentId?: string | null;
    returnFee?: number;
    rejected?: { invoiceIds: string[] };
    /** The reason without a decision (a person ignoring the transaction). */
    reason?: string;
  },
): Promise<BankTransaction> {
  const now = tx.clock.now();
  await scoped(tx, 'bank_transactions')
    .where('id', id)
    .update({
      status,
      match_rule: decision?.rule ?? null,
      match_allocations: decision ? JSON.stringify(decision.allocations) : null,
      match_confidence: decision ? decision.confidence.toFixed(3) : null,
      match_reason: decision?.reason ?? extra.reason ?? null,
      matched_at: status === 'matched' ? now : null,
      payment_id: extra.paymentId ?? null,
      return_fee: extra.returnFee ?? null,
      ...(extra.rejected ? { rejected_suggestion: JSON.stringify(extra.rejected) } : {}),
      version: tx.db.raw('version + 1'),
      updated_at: now,
    });
  const txn = await bankStatements.getTransaction(tx, id);
  await events.emit(tx, `bank_transaction.${status}`, { ...txn });
  await audit.record(tx, {
    action: `bank_transaction.${status}`,
    resourceType: 'bank_transaction',
    resourceId: id,
    after: txn,
  });
  return txn;
}

/**
 * `write` for a chunk's matches and suggestions: one UPDATE, the events by type, one audit INSERT — the same
 * columns, events and entries as `write` gives each.
 */
async function writeMany(tx: Ctx, decided: readonly Decided[]): Promise<void> {
  if (decided.length === 0) return;
  const now = tx.clock.now();
  const { rows } = await tx.db.raw<{ rows: bankStatementsRepo.TransactionRow[] }>(
    `UPDATE bank_transactions b
        SET status = v.status, match_rule = v.match_rule, match_allocations = v.match_allocations,
            match_confidence = v.match_confidence, match_reason = v.match_reason, matched_at = v.matched_at,
            payment_id = v.payment_id, return_fee = NULL, version = b.version + 1, updated_at = ?
       FROM json_to_recordset(?::json) AS v(id text, status text, match_rule text, match_allocations jsonb,
            match_confidence numeric, match_reason text, matched_at timestamptz, payment_id text)
      WHERE b.organization_id = ? AND b.id = v.id
     RETURNING b.*`,
    [
      now,
      JSON.stringify(
        decided.map((d) => ({
          id: d.txn.id,
          status: d.status,
          match_rule: d.decision.rule,
          match_allocations: d.decision.allocations,
          match_confidence: d.decision.confidence.toFixed(3),
          match_reason: d.decision.reason,
          matched_at: d.status === 'matched' ? now : null,
          payment_id: d.paymentId ?? null,
        })),
      ),
      tx.organizationId,
    ],
  );
  const written = new Map(rows.map((r) => [r.id, bankStatementsRepo.toTransaction(r)]));
  const inOrder = decided.map((d) => written.get(d.txn.id)!);
  for (const status of ['matched', 'suggested'] as const) {
    const objects = inOrder.filter((t) => t.status === status);
    if (objects.length > 0)
      await events.emitMany(
        tx,
        `bank_transaction.${status}`,
        objects.map((t) => ({ ...t })),
      );
  }
  await audit.recordMany(
    tx,
    inOrder.map((t) => ({
      action: `bank_transaction.${t.status}`,
      resourceType: 'bank_transaction',
      resourceId: t.id,
      after: t,
    })),
  );
}

export interface ManualMatchInput {
  /** Take the suggestion as it is. */
  acceptSuggestion?: boolean;
  /** Or say which invoices it pays (the rest goes to the contact's credit balance). */
  allocations?: AllocationInput[];
  /** With no allocations: whose credit balance takes the money. */
  contactId?: string;
}

/**
 * A person decides: accept the suggestion, or name the invoices (one transfer may pay several; what is left
 * is an over-payment in the contact's credit balance). Books the payment like an automatic match.
 */
export async function match(ctx: Ctx, id: string, input: ManualMatchInput): Promise<BankTransaction> {
  const errors = new FieldErrors();
  const given = [
    input.acceptSuggestion === true,
    input.allocations !== undefined,
    input.contactId !== undefined,
  ];
  if (input.acceptSuggestion && (input.allocations || input.contactId)) {
    errors.add(
      'acceptSuggestion',
      'match_input_conflict',
      'accept the suggestion, or name allocations — not both',
    );
  }
  if (!given.some(Boolean)) {
    errors.add(
      'allocations',
      'required',
      'name the invoices (allocations), a contact, or acceptSuggestion: true',
    );
  }
  errors.throwIfAny();
  return inTransaction(ctx, async (tx) => {
    const txn:
      | (TxnRow & { match_allocations: AllocationInput[] | null; match_rule: string | null })
      | undefined = await scoped(tx, 'bank_transactions')
      .where('id', id)
      .forUpdate()
      .first([...TXN_COLUMNS, 'match_allocations', 'match_rule']);
    if (!txn) throw notFound('bank_transaction', id);
    if (txn.status === 'matched') {
      throw new DomainError(
        'conflict',
        'bank_transaction_matched',
        'This transaction is matched already; unmatch it first.',
      );
    }
    if (txn.amount <= 0) {
      throw new DomainError(
        'unprocessable',
        'bank_transaction_not_credit',
        'Only money in (a credit) pays invoices; returns of our debits are matched automatically.',
      );
    }
    let allocations: AllocationInput[];
    let reason: string;
    if (input.acceptSuggestion) {
      if (txn.status !== 'suggested' || !txn.match_allocations) {
        throw new DomainError(
          'conflict',
          'bank_transaction_no_suggestion',
          'There is no suggestion to accept.',
        );
      }
      allocations = txn.match_allocations;
      reason = `suggestion (${txn.match_rule}) accepted by ${ctx.actor.type} ${ctx.actor.id}`;
    } else {
      allocations = input.allocations ?? [];
      reason = `matched by ${ctx.actor.type} ${ctx.actor.id}`;
    }
    const total = allocations.reduce((s, a) => s + a.amount, 0);
    if (total > txn.amount) {
      throw new DomainError(
        'unprocessable',
        'allocations_exceed_amount',
        `The allocations (${total}) exceed the transaction's amount (${txn.amount}).`,
        {
          errors: [
            { path: 'allocations', code: 'allocations_exceed_amount', message: `more than ${txn.amount}` },
          ],
        },
      );
    }
    const payment = await book(tx, txn, allocations, { contactId: input.contactId, byPerson: true });
    return write(
      tx,
      id,
      'matched',
      { rule: 'manual', confidence: 1, reason, allocations },
      { paymentId: payment.id },
    );
  });
}

/**
 * The invoices a person has taken the transaction off, with those of `allocations` added: every unmatch or
 * ignore adds to them, so none is proposed for that transaction again, not only the latest ones.
 */
function rejectedWith(
  txn: { rejected_suggestion: { invoiceIds: string[] } | null },
  allocations: readonly AllocationInput[] | null,
): { invoiceIds: string[] } {
  return {
    invoiceIds: [
      ...new Set([
        ...(txn.rejected_suggestion?.invoiceIds ?? []),
        ...(allocations ?? []).map((a) => a.invoiceId),
      ]),
    ],
  };
}

/** Longest reason a person may give for ignoring a transaction. */
export const IGNORE_REASON_MAX = 500;

/**
 * A person sets a transaction aside as no payment of an invoice — bank charges, a transfer between the
 * organisation's own accounts, an entry shown twice (a camt.053 total beside its camt.054 items). It becomes
 * `ignored`: reconciliation leaves it alone and the inbox of `unmatched` and `suggested` ones is cleared of it.
 * A suggestion ignored is rejected with it. `unmatch` takes it back to `unmatched`; `match` books it after all.
 * A matched transaction is unmatched first (409); ignoring an ignored one again only changes the reason.
 */
export async function ignore(
  ctx: Ctx,
  id: string,
  input: { reason?: string } = {},
): Promise<BankTransaction> {
  const reason = input.reason?.trim() || null;
  if (reason !== null && reason.length > IGNORE_REASON_MAX) {
    const errors = new FieldErrors();
    errors.add('reason', 'too_long', `at most ${IGNORE_REASON_MAX} characters`);
    errors.throwIfAny();
  }
  return inTransaction(ctx, async (tx) => {
    const txn:
      | {
          status: string;
          match_allocations: AllocationInput[] | null;
          match_reason: string | null;
          rejected_suggestion: { invoiceIds: string[] } | null;
        }
      | undefined = await scoped(tx, 'bank_transactions')
      .where('id', id)
      .forUpdate()
      .first('status', 'match_allocations', 'match_reason', 'rejected_suggestion');
    if (!txn) throw notFound('bank_transaction', id);
    if (txn.status === 'matched') {
      throw new DomainError(
        'conflict',
        'bank_transaction_matched',
        'This transaction is matched; unmatch it first (a SEPA return cannot be ignored).',
      );
    }
    const said = `ignored by ${ctx.actor.type} ${ctx.actor.id}${reason ? `: ${reason}` : ''}`;
    if (txn.status === 'ignored' && txn.match_reason === said) return bankStatements.getTransaction(tx, id);
    const rejected = rejectedWith(txn, txn.status === 'suggested' ? txn.match_allocations : null);
    return write(tx, id, 'ignored', null, { rejected, reason: said });
  });
}

/**
 * Undoes a decision. A suggestion is rejected (and not suggested again); an applied match's payment is taken
 * back by a refund marked as a booking correction, reopening the invoices it paid; an ignored transaction is
 * unmatched again (reconciliation looks at it once more).
 */
export async function unmatch(ctx: Ctx, id: string): Promise<BankTransaction> {
  return inTransaction(ctx, async (tx) => {
    const txn:
      | {
          status: string;
          payment_id: string | null;
          match_rule: string | null;
          match_allocations: AllocationInput[] | null;
          rejected_suggestion: { invoiceIds: string[] } | null;
        }
      | undefined = await scoped(tx, 'bank_transactions')
      .where('id', id)
      .forUpdate()
      .first('status', 'payment_id', 'match_rule', 'match_allocations', 'rejected_suggestion');
    if (!txn) throw notFound('bank_transaction', id);
    if (txn.status === 'unmatched') {
      throw new DomainError('conflict', 'bank_transaction_unmatched', 'This transaction is not matched.');
    }
    if (txn.match_rule === 'sepa_return') {
      throw new DomainError(
        'conflict',
        'bank_transaction_is_return',
        'A SEPA return is the bank’s fact, not a guess: it cannot be unmatched. Collect the invoice again instead.',
      );
    }
    const rejected = rejectedWith(txn, txn.match_allocations);
    if (txn.status === 'suggested') return write(tx, id, 'unmatched', null, { rejected });
    if (txn.payment_id) {
      await payments.refund(tx, txn.payment_id, {
        provider: 'bank',
        externalId: `unmatch:${id}:${Date.now()}`,
        reason: 'booking correction: bank transaction unmatched',
      });
    }
    return write(tx, id, 'unmatched', null, { rejected });
  });
}

function textOf(r: Pick<TxnRow, 'remittance_information' | 'structured_reference'>): string {
  return [r.remittance_information, r.structured_reference].filter(Boolean).join(' ');
}

interface CandidateRow {
  id: string;
  number: string;
  contact_id: string;
  display_name: string;
  currency: string;
  open_amount: number;
  due_date: string | null;
  ibans: string[] | null;
}

const CANDIDATE_SELECT = `
  SELECT d.id, d.number, d.contact_id, c.display_name, d.currency, d.due_date::text AS due_date,
         GREATEST(0, ${outstandingSql('d')})::bigint AS open_amount,
         (SELECT array_agg(b.iban) FROM contact_bank_accounts b
           WHERE b.organization_id = d.organization_id AND b.contact_id = d.contact_id) AS ibans
    FROM documents d
    JOIN contacts c ON c.organization_id = d.organization_id AND c.id = d.contact_id`;

const OPEN = `d.type = ANY(?::text[]) AND d.status NOT IN ('draft', 'cancelled')
  AND ${outstandingSql('d')} > 0`;

function toCandidate(r: CandidateRow): MatchCandidate {
  return {
    invoiceId: r.id,
    number: r.number,
    contactId: r.contact_id,
    contactName: r.display_name,
    contactIbans: r.ibans ?? [],
    currency: r.currency,
    openAmount: Number(r.open_amount),
    dueDate: r.due_date,
  };
}

/**
 * Open invoices by number (canonical), in one query for a chunk; with `lock`, the invoices are locked (id
 * order, as payments lock them) until the transaction ends.
 */
async function candidatesByNumber(
  ctx: Ctx,
  numbers: string[],
  options: { lock?: boolean } = {},
): Promise<Map<string, MatchCandidate>> {
  if (numbers.length === 0) return new Map();
  const { rows } = await ctx.db.raw<{ rows: CandidateRow[] }>(
    `${CANDIDATE_SELECT} WHERE d.organization_id = ? AND d.number = ANY(?::text[]) AND ${OPEN}
     ${options.lock ? 'ORDER BY d.id FOR UPDATE OF d' : ''}`,
    [ctx.organizationId, numbers, PAYABLE],
  );
  return new Map(rows.map((r) => [r.number, toCandidate(r)]));
}

/** Our submitted SEPA debits by end-to-end id (rule 1), in one query for a chunk. */
async function submittedSepaItems(
  ctx: Ctx,
  endToEndIds: string[],
): Promise<Map<string, { invoiceId: string; amount: number; currency: string }>> {
  if (endToEndIds.length === 0) return new Map();
  const rows: { end_to_end_id: string; document_id: string; amount: number; currency: string }[] =
    await scoped(ctx, 'sepa_collection_items')
      .whereRaw('end_to_end_id = ANY(?::text[])', [endToEndIds])
      .where('status', 'submitted')
      .select('end_to_end_id', 'document_id', 'amount', 'currency');
  return new Map(
    rows.map((r) => [r.end_to_end_id, { invoiceId: r.document_id, amount: r.amount, currency: r.currency }]),
  );
}

/**
 * For rules 4 and 5: the open invoices of the payers' contacts (by IBAN) and those with exactly a
 * transaction's amount (at most 20 per amount — more would not tell a person anything), in two queries for
 * any number of transactions. What is open is computed, not indexed, so the amounts are looked up together
 * in one pass over the organisation's open invoices rather than one pass per amount.
 */
async function otherCandidates(
  ctx: Ctx,
  txns: readonly TxnRow[],
): Promise<(txn: TxnRow) => MatchCandidate[]> {
  const credits = txns.filter((t) => t.amount > 0);
  if (credits.length === 0) return () => [];
  const ibans = [
    ...new Set(credits.map((t) => normaliseIban(t.counterparty_iban)).filter((i): i is string => !!i)),
  ];
  const amounts = [...new Set(credits.map((t) => t.amount))];
  const { rows: byIban } = ibans.length
    ? await ctx.db.raw<{ rows: CandidateRow[] }>(
        `${CANDIDATE_SELECT}
          WHERE d.organization_id = ? AND ${OPEN}
            AND d.contact_id IN (SELECT contact_id FROM contact_bank_accounts
                                  WHERE organization_id = ? AND iban = ANY(?::text[]))`,
        [ctx.organizationId, PAYABLE, ctx.organizationId, ibans],
      )
    : { rows: [] };
  // the ids first, then their rows by primary key: a join of the ranked ids back to documents makes the
  // planner read the table a second time
  const { rows: ranked } = await ctx.db.raw<{ rows: { id: string }[] }>(
    `SELECT id FROM (
       SELECT d.id, row_number() OVER (PARTITION BY ${outstandingSql('d')}
                                       ORDER BY d.id) AS n
         FROM documents d
        WHERE d.organization_id = ? AND ${OPEN}
          AND ${outstandingSql('d')} = ANY(?::bigint[])) x
      WHERE n <= 20
      ORDER BY id`,
    [ctx.organizationId, PAYABLE, amounts],
  );
  const { rows: byAmount } = ranked.length
    ? await ctx.db.raw<{ rows: CandidateRow[] }>(
        `${CANDIDATE_SELECT} WHERE d.organization_id = ? AND d.id = ANY(?::text[]) ORDER BY d.id`,
        [ctx.organizationId, ranked.map((r) => r.id)],
      )
    : { rows: [] };
  // in the order the candidates were read: rule 5 keeps the first of equally similar names
  const all = new Map<string, MatchCandidate>();
  for (const r of [...byIban, ...byAmount]) all.set(r.id, toCandidate(r));
  const position = new Map([...all.keys()].map((id, i) => [id, i]));
  const withAmount = new Map<number, MatchCandidate[]>();
  const withIban = new Map<string, MatchCandidate[]>();
  const push = <K>(map: Map<K, MatchCandidate[]>, key: K, c: MatchCandidate) => {
    const list = map.get(key);
    if (list) list.push(c);
    else map.set(key, [c]);
  };
  for (const c of all.values()) {
    push(withAmount, c.openAmount, c);
    for (const iban of new Set(c.contactIbans.map(normaliseIban))) if (iban) push(withIban, iban, c);
  }
  return (txn) => {
    const iban = normaliseIban(txn.counterparty_iban);
    const out = new Set([...(withAmount.get(txn.amount) ?? []), ...((iban && withIban.get(iban)) || [])]);
    return [...out].sort((a, b) => position.get(a.invoiceId)! - position.get(b.invoiceId)!);
  };
}

/** Asks the worker to reconcile now (imports do this on their own); one pending job per organisation. */
export async function schedule(ctx: Ctx, options: { statementId?: string } = {}): Promise<{ queued: true }> {
  if (options.statementId) await bankStatements.getStatement(ctx, options.statementId); // 404 for a stranger's
  await jobs.enqueue(
    ctx,
    'bank_reconcile',
    {
      organizationId: ctx.organizationId,
      ...(options.statementId ? { statementId: options.statementId } : {}),
    },
    { jobKey: `bank_reconcile:${ctx.organizationId}${options.statementId ? `:${options.statementId}` : ''}` },
  );
  return { queued: true };
}
