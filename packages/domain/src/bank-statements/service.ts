import { createHash } from 'node:crypto';
import * as audit from '../audit/service';
import { type Ctx, inTransaction } from '../context';
import { notFound } from '../errors';
import * as events from '../events/service';
import { newId } from '../ids';
import * as jobs from '../jobs';
import { type Page, toPage } from '../pagination';
import { dedupKeys } from './dedup';
import { type ParsedStatement, parseStatementFile } from './parse/index';
import * as repo from './repo';
import type {
  BankStatement,
  BankStatementImport,
  BankStatementImportInput,
  BankStatementListQuery,
  BankTransaction,
  BankTransactionListQuery,
} from './types';

/**
 * Imports a statement file (DOMAIN.md §9): parses it completely first — a malformed file is refused with a
 * 422 naming the line or element, and nothing is written — then stores, in one transaction, one statement
 * per statement in the file and every transaction the organisation does not have yet. An entry already
 * imported (the same file again, an overlapping statement, a camt.054 before its camt.053) is skipped and
 * counted, never stored twice. Each statement emits `bank_statement.imported` and gets an audit entry.
 * Matching the transactions to invoices is reconciliation's job; they start `unmatched`.
 */
export async function importFile(ctx: Ctx, input: BankStatementImportInput): Promise<BankStatementImport> {
  const parsed = await parseStatementFile(input.content, { format: input.format, csv: input.csv });
  const keys = dedupKeys(parsed.statements);
  const fileSha256 = createHash('sha256').update(input.content).digest('hex');

  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const statements: BankStatement[] = [];
    for (const [i, statement] of parsed.statements.entries()) {
      const row = statementRow(tx, statement, fileSha256, now);
      await repo.insertStatement(tx, row);
      const rows = statement.transactions.map((t, k) => ({
        id: newId('bankTransaction'),
        organization_id: tx.organizationId,
        statement_id: row.id,
        dedup_key: keys[i]![k]!,
        status: 'unmatched' as const,
        account_iban: statement.account.iban,
        account_number: statement.account.number,
        booking_date: t.bookingDate,
        value_date: t.valueDate,
        amount: t.amount,
        currency: t.currency,
        credit_debit: t.creditDebit,
        reversal: t.reversal,
        is_return: t.isReturn,
        return_reason_code: t.returnReasonCode,
        counterparty_name: t.counterpartyName,
        counterparty_iban: t.counterpartyIban,
        counterparty_bic: t.counterpartyBic,
        counterparty_account: t.counterpartyAccount,
        remittance_information: t.remittanceInformation,
        structured_reference: t.structuredReference,
        end_to_end_id: t.endToEndId,
        mandate_reference: t.mandateReference,
        creditor_id: t.creditorId,
        bank_reference: t.bankReference,
        customer_reference: t.customerReference,
        transaction_code: t.transactionCode,
        proprietary_code: t.proprietaryCode,
        booking_text: t.bookingText,
        original_amount: t.originalAmount,
        charges_amount: t.chargesAmount,
        match_confidence: null,
        match_reason: null,
        matched_at: null,
        match_rule: null,
        match_allocations: null,
        payment_id: null,
        return_fee: null,
        version: 1,
        created_at: now,
        updated_at: now,
      }));
      const inserted = await repo.insertTransactions(tx, rows);
      const updated = await repo.updateStatementCounts(tx, row.id, {
        imported: inserted.length,
        skipped: rows.length - inserted.length,
      });
      const result = repo.toStatement(updated);
      await events.emit(tx, 'bank_statement.imported', { ...result });
      statements.push(result);
    }
    // reconciliation runs in the worker once the transactions are committed (reconciliation/service.ts)
    if (statements.some((s) => s.importedCount > 0)) {
      await jobs.enqueue(
        tx,
        'bank_reconcile',
        { organizationId: tx.organizationId },
        {
          jobKey: `bank_reconcile:${tx.organizationId}`,
        },
      );
    }
    // GoBD trail of what came in from the bank (DOMAIN.md §3); the last write of the transaction
    await audit.recordMany(
      tx,
      statements.map((s) => ({
        action: 'bank_statement.imported',
        resourceType: 'bank_statement',
        resourceId: s.id,
        after: s,
      })),
    );
    return {
      format: parsed.format,
      statements,
      imported: statements.reduce((n, s) => n + s.importedCount, 0),
      skipped: statements.reduce((n, s) => n + s.skippedCount, 0),
      warnings: parsed.warnings,
    };
  });
}

function statementRow(tx: Ctx, s: ParsedStatement, fileSha256: string, now: Date): repo.StatementRow {
  return {
    id: newId('bankStatement'),
    organization_id: tx.organizationId,
    format: s.format,
    format_version: s.formatVersion,
    message_id: s.messageId,
    reference: s.reference,
    sequence_number: s.sequenceNumber,
    account_iban: s.account.iban,
    account_number: s.account.number,
    account_bic: s.account.bic,
    account_currency: s.account.currency,
    account_owner: s.account.owner,
    bank_created_at: s.createdAt ? new Date(s.createdAt) : null,
    from_date: s.fromDate,
    to_date: s.toDate,
    opening_balance_amount: s.openingBalance?.amount ?? null,
    opening_balance_currency: s.openingBalance?.currency ?? null,
    opening_balance_date: s.openingBalance?.date ?? null,
    closing_balance_amount: s.closingBalance?.amount ?? null,
    closing_balance_currency: s.closingBalance?.currency ?? null,
    closing_balance_date: s.closingBalance?.date ?? null,
    transaction_count: s.transactions.length,
    imported_count: 0,
    skipped_count: 0,
    file_sha256: fileSha256,
    created_at: now,
  };
}

export async function getStatement(ctx: Ctx, id: string): Promise<BankStatement> {
  const row = await repo.findStatement(ctx, id);
  if (!row) throw notFound('bank_statement', id);
  return repo.toStatement(row);
}

export async function listStatements(ctx: Ctx, query: BankStatementListQuery): Promise<Page<BankStatement>> {
  return toPage(await repo.listStatements(ctx, query), query, repo.toStatement);
}

export async function getTransaction(ctx: Ctx, id: string): Promise<BankTransaction> {
  const row = await repo.findTransaction(ctx, id);
  if (!row) throw notFound('bank_transaction', id);
  return repo.toTransaction(row);
}

export async function listTransactions(
  ctx: Ctx,
  query: BankTransactionListQuery,
): Promise<Page<BankTransaction>> {
  return toPage(await repo.listTransactions(ctx, query), query, repo.toTransaction);
}
