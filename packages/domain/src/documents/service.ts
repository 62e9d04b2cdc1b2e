import { createHash } from 'node:crypto';
import type { Db } from '@fakturo/db';
import Big from 'big.js';
import * as articlesRepo from '../articles/repo';
import type { Article } from '../articles/types';
import * as audit from '../audit/service';
import { addDays } from '../billing/dates';
import { type Clock, calendarDate } from '../clock';
import * as contactsRepo from '../contacts/repo';
import type { Contact } from '../contacts/types';
import { type Ctx, inTransaction, systemContext } from '../context';
import { DomainError, FieldErrors, notFound, versionMismatch } from '../errors';
import * as events from '../events/service';
import { newId } from '../ids';
import * as jobs from '../jobs';
import { MAX_DOCUMENT_NET } from '../money';
import * as numbering from '../numbering/service';
import * as organizations from '../organizations/service';
import type { Organization, PostalAddress } from '../organizations/types';
import { type Page, toPage } from '../pagination';
import { outstandingSql } from '../payments/rules';
import * as payments from '../payments/service';
import * as testClock from '../test-clock/service';
import { type EInvoiceFormat, renderEInvoice } from './einvoice';
import { documentLanguage } from './labels';
import {
  CANCELLABLE,
  CREDITABLE,
  familyOf,
  immutable,
  notDraft,
  notFinalized,
  OPEN_QUOTE,
  quoteState,
} from './lifecycle';
import { renderPdf } from './pdf';
import * as repo from './repo';
import type {
  Document,
  DocumentDraftInput,
  DocumentFamily,
  DocumentListQuery,
  MergeInput,
  QuoteDecisionInput,
} from './resource';
import {
  checkDraftHead,
  checkIssuable,
  checkNotBeforePreceding,
  dueDateFor,
  isPayable,
  issuedTaxParties,
  type LineDraft,
  linesFromInput,
  type PricedLine,
  periodOfLines,
  priceLines,
  QUOTE_VALIDITY_DAYS,
  type TaxParties,
  taxParties,
  toDocumentLine,
} from './rules';
import {
  buyerSnapshot,
  numberRange,
  paymentMeansFor,
  paymentTermsText,
  refundTermsText,
  sellerSnapshot,
} from './snapshot';
import { computeTotals, reverse } from './totals';
import {
  DEFAULT_TYPE_CODE,
  type DocumentData,
  type DocumentLanguage,
  type DocumentTotals,
  type DocumentType,
} from './types';

/**
 * Document services (issue 5, items 1–6): drafts, finalize with gap-free numbers and frozen snapshots,
 * cancellation by a reversing document, credit notes, quotes, merging drafts, and the stored PDF and
 * e-invoice files. Every operation is one transaction; events, follow-up jobs and audit entries are written
 * in it. The REST routes, GraphQL resolvers and worker tasks call these through invoices.ts, credit-notes.ts
 * and quotes.ts.
 */

// ——— reading ———

async function load(ctx: Ctx, family: DocumentFamily, id: string, lock = false): Promise<repo.DocumentRow> {
  const row = await repo.findRow(ctx, id, family, { lock });
  if (!row) throw notFound(family, id);
  return row;
}

async function withLines(ctx: Ctx, row: repo.DocumentRow): Promise<Document> {
  const lines = (await repo.linesOf(ctx, [row.id])).get(row.id)!;
  return repo.toDocument(row, lines);
}

export async function get(ctx: Ctx, family: DocumentFamily, id: string): Promise<Document> {
  return withLines(ctx, await load(ctx, family, id));
}

/** For batched loading (GraphQL): documents in the order of `ids`, undefined where none of this family exists. */
export async function getMany(
  ctx: Ctx,
  family: DocumentFamily,
  ids: readonly string[],
): Promise<(Document | undefined)[]> {
  const rows = await repo.findRows(ctx, ids, family);
  const lines = await repo.linesOf(
    ctx,
    rows.map((r) => r.id),
  );
  const found = new Map(rows.map((r) => [r.id, repo.toDocument(r, lines.get(r.id)!)]));
  return ids.map((id) => found.get(id));
}

export async function list(
  ctx: Ctx,
  family: DocumentFamily,
  query: DocumentListQuery,
): Promise<Page<Document>> {
  const rows: repo.DocumentRow[] = await repo.listQuery(ctx, family, query);
  const lines = await repo.linesOf(
    ctx,
    rows.map((r) => r.id),
  );
  return toPage(rows, query, (row) => repo.toDocument(row, lines.get(row.id)!));
}

// ——— drafts ———

/** A draft's content as the domain works on it: the stored head and lines, before pricing. */
interface DraftState {
  type: DocumentType;
  contactId: string;
  precedingDocumentId: string | null;
  currency: string;
  language: DocumentLanguage;
  issueDate: string | null;
  serviceDate: string | null;
  servicePeriod: { start: string; end: string } | null;
  /** Invoices: payment due date; quotes: valid until. */
  dueDate: string | null;
  sendDate: string | null;
  notes: string[];
  metadata: Record<string, string>;
  lines: LineDraft[];
  billingRunId: string | null;
  collective: boolean;
  convertedFromDocumentId: string | null;
}

function draftLine(row: repo.LineRow): LineDraft {
  const kinds = row.tax_rate_kind !== null && row.supply_kind !== null;
  return {
    id: row.id,
    articleId: row.article_id,
    name: row.name,
    description: row.description,
    quantity: row.quantity,
    unitCode: row.unit_code,
    unitAmount: row.unit_amount,
    discountPercent: row.discount_percent,
    taxRateKind: row.tax_rate_kind,
    supplyKind: row.supply_kind,
    fixedTax: kinds ? null : { category: row.tax_category, rate: row.tax_rate },
    period: row.period_start && row.period_end ? { start: row.period_start, end: row.period_end } : null,
    contractId: row.contract_id,
    contractItemId: row.contract_item_id,
  };
}

function stateOf(row: repo.DocumentRow, lines: readonly repo.LineRow[]): DraftState {
  return {
    type: row.type,
    contactId: row.contact_id,
    precedingDocumentId: row.preceding_document_id,
    currency: row.currency,
    language: row.language,
    issueDate: row.issue_date,
    serviceDate: row.service_date,
    servicePeriod:
      row.service_period_start && row.service_period_end
        ? { start: row.service_period_start, end: row.service_period_end }
        : null,
    dueDate: row.due_date,
    sendDate: row.send_date,
    notes: row.notes,
    metadata: row.metadata,
    lines: lines.map(draftLine),
    billingRunId: row.billing_run_id,
    collective: row.collective,
    convertedFromDocumentId: row.converted_from_document_id,
  };
}

function today(ctx: Ctx, org: Organization): string {
  return calendarDate(ctx.clock.now(), org.timezone);
}

interface Composed {
  lines: PricedLine[];
  totals: DocumentTotals;
}

/**
 * Prices and taxes a draft's lines for the parties as they are now (a preview until finalize decides again)
 * and totals them (documents/totals.computeTotals). Reports what makes VAT impossible to determine.
 */
function compose(
  ctx: Ctx,
  org: Organization,
  contact: Contact,
  state: DraftState,
  errors: FieldErrors,
  /** The parties of the invoice a credit note credits (creditedParties): they decide its VAT instead. */
  credited?: TaxParties,
): Composed {
  const parties = credited ?? taxParties(org, contact, errors);
  const supplyDate = state.serviceDate ?? state.servicePeriod?.end ?? state.issueDate ?? today(ctx, org);
  const lines = parties ? priceLines(state.lines, parties, supplyDate, errors) : [];
  const context = {
    sellerCountry: credited?.sellerCountry ?? org.address?.country ?? 'DE',
    language: state.language,
  };
  // totals must stay exact integers: a sum beyond MAX_DOCUMENT_NET is refused, not rounded by floating point
  const net = lines.reduce((sum, line) => sum.plus(line.netAmount), new Big(0));
  if (net.abs().gt(MAX_DOCUMENT_NET)) {
    errors.add(
      'lines',
      'amount_out_of_range',
      `the lines add up to more than the largest amount a document can hold (${MAX_DOCUMENT_NET} minor units)`,
    );
    return { lines, totals: computeTotals([], [], context) };
  }
  return { lines, totals: computeTotals(lines.map(toDocumentLine), [], context) };
}

function totalColumns(totals: DocumentTotals) {
  return {
    line_net_total: totals.lineNetTotal,
    allowance_total: totals.allowanceTotal,
    charge_total: totals.chargeTotal,
    tax_basis_total: totals.taxBasisTotal,
    tax_total: totals.taxTotal,
    gross_total: totals.grossTotal,
    prepaid_amount: totals.prepaidAmount,
    amount_due: totals.amountDue,
    tax_breakdown: repo.json(totals.taxBreakdown),
  };
}

function draftColumns(state: DraftState, composed: Composed) {
  return {
    contact_id: state.contactId,
    type: state.type,
    type_code: DEFAULT_TYPE_CODE[state.type],
    currency: state.currency,
    language: state.language,
    issue_date: state.issueDate,
    service_date: state.serviceDate,
    service_period_start: state.servicePeriod?.start ?? null,
    service_period_end: state.servicePeriod?.end ?? null,
    due_date: state.dueDate,
    send_date: state.sendDate,
    notes: repo.json(state.notes),
    metadata: repo.json(state.metadata),
    preceding_document_id: state.precedingDocumentId,
    billing_run_id: state.billingRunId,
    collective: state.collective,
    converted_from_document_id: state.convertedFromDocumentId,
    ...totalColumns(composed.totals),
  };
}

async function loadContact(
  tx: Ctx,
  contactId: string,
  errors: FieldErrors,
  path = 'contactId',
): Promise<Contact | null> {
  const contact = await contactsRepo.findById(tx, contactId);
  if (!contact) {
    errors.add(path, 'contact_not_found', `no contact '${contactId}'`);
    return null;
  }
  return contact;
}

async function loadArticles(tx: Ctx, inputs: DocumentDraftInput['lines']): Promise<Map<string, Article>> {
  const ids = [...new Set((inputs ?? []).map((l) => l.articleId).filter((id): id is string => !!id))];
  return new Map((await articlesRepo.findByIds(tx, ids)).map((a) => [a.id, a]));
}

/** The invoice a credit note or corrected invoice refers to: issued, not cancelled, of the same contact. */
async function precedingInvoice(
  tx: Ctx,
  invoiceId: string,
  errors: FieldErrors,
): Promise<repo.DocumentRow | null> {
  const row = await repo.findRow(tx, invoiceId, 'invoice');
  if (!row || row.type === 'cancellation' || row.type === 'pro_forma') {
    errors.add('invoiceId', 'invoice_not_found', `no invoice '${invoiceId}'`);
    return null;
  }
  if (!CREDITABLE.includes(row.status)) {
    errors.add(
      'invoiceId',
      row.status === 'draft' ? 'invoice_not_finalized' : 'invoice_cancelled',
      row.status === 'draft' ? 'the invoice is a draft: change it instead' : 'the invoice is cancelled',
    );
    return null;
  }
  return row;
}

/**
 * A credit note's VAT is decided for the parties of the invoice it credits, as that invoice froze them
 * (rules.issuedTaxParties, UStG §17(1)); every other document's for the parties as they are now.
 */
function creditedParties(
  type: DocumentType,
  preceding: repo.DocumentRow | null | undefined,
  contact: Contact,
): TaxParties | undefined {
  return type === 'credit_note' && preceding?.seller && preceding.buyer
    ? issuedTaxParties(preceding.seller, preceding.buyer, contact)
    : undefined;
}

/**
 * What a draft credit note or corrected invoice must keep in common with the invoice it refers to, however it
 * was written or changed: the contact — one moved onto another customer's invoice reduced that customer's
 * receivable while addressed to ours — the currency, and no issue date before the invoice's. `moved` names
 * the invoice as the culprit when only the reference changed.
 */
function checkPreceding(
  errors: FieldErrors,
  preceding: repo.DocumentRow,
  draft: { contactId: string; currency: string; issueDate: string | null },
  moved = false,
): void {
  if (preceding.contact_id !== draft.contactId) {
    if (moved) errors.add('invoiceId', 'contact_mismatch', 'must be an invoice of the document’s contact');
    else errors.add('contactId', 'contact_mismatch', 'must be the contact of the invoice referred to');
  }
  if (preceding.currency !== draft.currency) {
    if (moved) {
      errors.add(
        'invoiceId',
        'currency_mismatch',
        `must be an invoice in the document’s currency ${draft.currency}`,
      );
    } else {
      errors.add('currency', 'currency_mismatch', `must be the invoice's currency ${preceding.currency}`);
    }
  }
  checkNotBeforePreceding(errors, draft.issueDate, {
    number: preceding.number,
    issueDate: preceding.issue_date,
  });
}

/** Copies of an issued invoice's lines for a full credit note: same tax as issued, quantities negated. */
function creditedCopies(lines: readonly repo.LineRow[]): LineDraft[] {
  return lines.map((row) => ({
    ...draftLine(row),
    id: undefined,
    // a correction mirrors the VAT treatment of the supply it corrects (UStG §17): keep category and rate
    taxRateKind: null,
    supplyKind: null,
    fixedTax: { category: row.tax_category, rate: row.tax_rate },
    quantity: new Big(row.quantity).times(-1).toString(),
  }));
}

async function insertDraft(
  tx: Ctx,
  state: DraftState,
  composed: Composed,
  id = newId('document'),
): Promise<Document> {
  const now = tx.clock.now();
  await tx.db('documents').insert({
    id,
    organization_id: tx.organizationId,
    status: 'draft',
    ...draftColumns(state, composed),
    created_at: now,
    updated_at: now,
  });
  const lineRows = repo.lineRows(tx, id, composed.lines, () => newId('documentLine'));
  if (lineRows.length > 0) await tx.db('document_lines').insert(lineRows);
  return withLines(tx, (await repo.findRow(tx, id, familyOf(state.type)))!);
}

/**
 * Creates a draft from a contact and lines (article references optional). VAT per line comes from the
 * organisation (seller) and the contact (buyer) via determineTax; totals via computeTotals. A credit note
 * refers to an issued invoice (`invoiceId`) and credits the lines given — or, without lines, all of it.
 * Every broken rule is reported at once (422) and nothing is written.
 */
export async function create(ctx: Ctx, family: DocumentFamily, input: DocumentDraftInput): Promise<Document> {
  const errors = new FieldErrors();
  checkDraftHead(family, input, errors);
  const type: DocumentType = family === 'invoice' ? (input.type ?? 'invoice') : family;
  if ((family === 'credit_note' || type === 'corrected_invoice') && !input.invoiceId) {
    errors.add('invoiceId', 'required', `a ${type.replace('_', ' ')} refers to the invoice it corrects`);
  }
  if (family !== 'credit_note' && !input.contactId) errors.add('contactId', 'required', 'is required');
  return inTransaction(ctx, async (tx) => {
    const org = await organizations.get(tx);
    const preceding = input.invoiceId ? await precedingInvoice(tx, input.invoiceId, errors) : null;
    const contactId = input.contactId ?? preceding?.contact_id;
    const contact = contactId ? await loadContact(tx, contactId, errors) : null;
    if (contact?.archived) errors.add('contactId', 'contact_archived', 'the contact is archived');
    const currency = input.currency ?? preceding?.currency ?? contact?.currency ?? org.currency;
    if (preceding && contact) {
      checkPreceding(errors, preceding, {
        contactId: contact.id,
        currency,
        issueDate: input.issueDate ?? null,
      });
    }
    const articles = await loadArticles(tx, input.lines);
    let lines: LineDraft[];
    if (family === 'credit_note' && input.lines === undefined && preceding) {
      lines = creditedCopies((await repo.linesOf(tx, [preceding.id])).get(preceding.id)!);
    } else {
      lines = linesFromInput(family, input.lines ?? [], articles, currency, errors);
    }
    if (!contact) errors.throwIfAny();
    const state: DraftState = {
      type,
      contactId: contact!.id,
      precedingDocumentId: preceding?.id ?? null,
      currency,
      language: input.language ?? preceding?.language ?? documentLanguage(contact!.language),
      issueDate: input.issueDate ?? null,
      // a credit note corrects the supply of its invoice: same date or period unless given
      serviceDate:
        input.serviceDate !== undefined || input.servicePeriod
          ? (input.serviceDate ?? null)
          : (preceding?.service_date ?? null),
      servicePeriod:
        input.servicePeriod !== undefined || input.serviceDate
          ? (input.servicePeriod ?? null)
          : preceding?.service_period_start && preceding.service_period_end
            ? { start: preceding.service_period_start, end: preceding.service_period_end }
            : null,
      dueDate: (family === 'quote' ? input.validUntil : input.dueDate) ?? null,
      sendDate: input.sendDate ?? null,
      notes: input.notes ?? [],
      metadata: input.metadata ?? {},
      lines,
      billingRunId: null,
      collective: false,
      convertedFromDocumentId: null,
    };
    const composed = compose(tx, org, contact!, state, errors, creditedParties(type, preceding, contact!));
    errors.throwIfAny();
    const document = await insertDraft(tx, state, composed);
    await events.emit(tx, `${family}.created`, { ...document });
    await audit.record(tx, {
      action: `${family}.created`,
      resourceType: family,
      resourceId: document.id,
      after: document,
    });
    return document;
  });
}

/** Fields a finalized document may still change: they follow its life, not its content (GoBD). */
const LIFE_CYCLE_FIELDS = new Set(['sendDate', 'metadata']);

/**
 * Changes a draft: fields present replace the stored ones, `lines` replaces all lines, VAT and totals are
 * computed again. On an issued document only the send date and metadata may change; any content field is
 * refused with 409 `document_immutable` (the database trigger is the second line of defence).
 */
export async function update(
  ctx: Ctx,
  family: DocumentFamily,
  id: string,
  patch: DocumentDraftInput,
  expectedVersion?: number,
): Promise<Document> {
  return inTransaction(ctx, async (tx) => {
    const row = await load(tx, family, id, true);
    if (expectedVersion !== undefined && expectedVersion !== row.version) {
      throw versionMismatch(family, expectedVersion, row.version);
    }
    const given = Object.keys(patch).filter((k) => patch[k as keyof DocumentDraftInput] !== undefined);
    const before = await withLines(tx, row);
    const now = tx.clock.now();
    if (row.status !== 'draft') {
      const content = given.filter((k) => !LIFE_CYCLE_FIELDS.has(k));
      if (content.length > 0) throw immutable(family, row.number, content);
      const errors = new FieldErrors();
      checkDraftHead(family, { sendDate: patch.sendDate }, errors, row.type);
      errors.throwIfAny();
      await tx
        .db('documents')
        .where({ organization_id: tx.organizationId, id })
        .update({
          ...(patch.sendDate !== undefined ? { send_date: patch.sendDate } : {}),
          ...(patch.metadata !== undefined ? { metadata: repo.json(patch.metadata) } : {}),
          version: row.version + 1,
          updated_at: now,
        });
      return finishUpdate(tx, family, id, before);
    }

    const errors = new FieldErrors();
    const org = await organizations.get(tx);
    const lines = (await repo.linesOf(tx, [id])).get(id)!;
    const state = stateOf(row, lines);
    if (patch.type !== undefined) {
      state.type = patch.type;
      // only a corrected invoice refers to another invoice
      if (patch.type !== 'corrected_invoice') state.precedingDocumentId = null;
    }
    checkDraftHead(family, patch, errors, state.type);
    if (patch.invoiceId !== undefined) {
      const preceding = patch.invoiceId ? await precedingInvoice(tx, patch.invoiceId, errors) : null;
      state.precedingDocumentId = preceding?.id ?? null;
    }
    if ((state.type === 'credit_note' || state.type === 'corrected_invoice') && !state.precedingDocumentId) {
      errors.add(
        'invoiceId',
        'required',
        `a ${state.type.replace('_', ' ')} refers to the invoice it corrects`,
      );
    }
    if (patch.contactId !== undefined) state.contactId = patch.contactId;
    if (patch.currency !== undefined) state.currency = patch.currency;
    if (patch.language !== undefined) state.language = patch.language;
    if (patch.issueDate !== undefined) state.issueDate = patch.issueDate;
    if (patch.serviceDate !== undefined) {
      state.serviceDate = patch.serviceDate;
      if (patch.serviceDate) state.servicePeriod = null;
    }
    if (patch.servicePeriod !== undefined) {
      state.servicePeriod = patch.servicePeriod;
      if (patch.servicePeriod) state.serviceDate = null;
    }
    const due = family === 'quote' ? patch.validUntil : patch.dueDate;
    if (due !== undefined) state.dueDate = due;
    if (patch.sendDate !== undefined) state.sendDate = patch.sendDate;
    if (patch.notes !== undefined) state.notes = patch.notes;
    if (patch.metadata !== undefined) state.metadata = patch.metadata;

    const contact = await loadContact(tx, state.contactId, errors);
    if (contact && patch.contactId !== undefined && contact.archived) {
      errors.add('contactId', 'contact_archived', 'the contact is archived');
    }
    const preceding = state.precedingDocumentId
      ? await repo.findRow(tx, state.precedingDocumentId, 'invoice')
      : undefined;
    if (preceding) {
      const moved =
        patch.invoiceId !== undefined && patch.contactId === undefined && patch.currency === undefined;
      checkPreceding(errors, preceding, state, moved);
    }
    if (patch.lines !== undefined) {
      state.lines = linesFromInput(
        family,
        patch.lines,
        await loadArticles(tx, patch.lines),
        state.currency,
        errors,
      );
    }
    if (!contact) errors.throwIfAny();
    const composed = compose(
      tx,
      org,
      contact!,
      state,
      errors,
      creditedParties(state.type, preceding, contact!),
    );
    errors.throwIfAny();
    await tx
      .db('documents')
      .where({ organization_id: tx.organizationId, id })
      .update({ ...draftColumns(state, composed), version: row.version + 1, updated_at: now });
    await repo.replaceLines(
      tx,
      id,
      repo.lineRows(tx, id, composed.lines, () => newId('documentLine')),
    );
    return finishUpdate(tx, family, id, before);
  });
}

async function finishUpdate(
  tx: Ctx,
  family: DocumentFamily,
  id: string,
  before: Document,
): Promise<Document> {
  const document = await withLines(tx, (await repo.findRow(tx, id, family))!);
  await events.emit(tx, `${family}.updated`, { ...document });
  await audit.record(tx, {
    action: `${family}.updated`,
    resourceType: family,
    resourceId: id,
    before,
    after: document,
  });
  return document;
}

/**
 * Deletes a draft. Issued documents are never deleted (GoBD; the trigger refuses it too). A draft invoice
 * converted from a quote gives the quote back its `accepted` state, so it can be converted again.
 */
export async function remove(ctx: Ctx, family: DocumentFamily, id: string): Promise<Document> {
  return inTransaction(ctx, async (tx) => {
    const row = await load(tx, family, id, true);
    if (row.status !== 'draft') throw notDraft(family, row.status);
    const document = await withLines(tx, row);
    const now = tx.clock.now();
    const quote = row.converted_from_document_id
      ? await repo.findRow(tx, row.converted_from_document_id, 'quote', { lock: true })
      : undefined;
    if (quote && quote.converted_to_document_id === id) {
      await tx
        .db('documents')
        .where({ organization_id: tx.organizationId, id: quote.id })
        .update({
          status: 'accepted',
          converted_to_document_id: null,
          version: quote.version + 1,
          updated_at: now,
        });
    }
    // A draft is not yet a bill: deleting one a billing run wrote releases what it billed, so the next run
    // bills those periods and charges again (to skip a period, pause the contract instead).
    await tx.db('billed_periods').where({ organization_id: tx.organizationId, document_id: id }).delete();
    await tx
      .db('contract_charges')
      .where({ organization_id: tx.organizationId, document_id: id })
      .update({ billed_at: null, billing_run_id: null, document_id: null });
    await tx.db('documents').where({ organization_id: tx.organizationId, id }).delete();
    await events.emit(tx, `${family}.deleted`, { ...document });
    const entries: audit.AuditRecordInput[] = [
      { action: `${family}.deleted`, resourceType: family, resourceId: id, before: document },
    ];
    if (quote && quote.converted_to_document_id === id) {
      const reopened = await withLines(tx, (await repo.findRow(tx, quote.id, 'quote'))!);
      await events.emit(tx, 'quote.updated', { ...reopened });
      entries.push({ action: 'quote.updated', resourceType: 'quote', resourceId: quote.id, after: reopened });
    }
    await audit.recordMany(tx, entries);
    return document;
  });
}

// ——— finalize ———

/** The organisation with an address: what finalize may rely on after checkIssuable. */
type Seller = Organization & { address: PostalAddress };

/**
 * Issues a draft (DOMAIN.md §2–§5): checks UStG §14(4) completeness (422 `document_incomplete` naming every
 * missing field), decides VAT again for the parties as they are now, fixes issue date (the organisation's
 * today unless set), date of supply, due date from the payment terms, freezes seller, buyer and branding,
 * takes the number from the type's range — inside this transaction, so numbers are gap-free — and switches
 * the document to `finalized`. A `documents_render` job to render and store the PDF and e-invoices is added
 * in the same transaction.
 */
export async function finalize(ctx: Ctx, family: DocumentFamily, id: string): Promise<Document> {
  return inTransaction(ctx, async (tx) => {
    const row = await load(tx, family, id, true);
    if (row.status !== 'draft') throw notDraft(family, row.status);
    const before = await withLines(tx, row);
    const org = await organizations.get(tx);
    const contact = (await contactsRepo.findById(tx, row.contact_id))!;
    const lineRows = (await repo.linesOf(tx, [id])).get(id)!;

    const incomplete = new FieldErrors();
    checkIssuable(org, contact, lineRows.length, incomplete);
    if (!incomplete.empty) {
      throw new DomainError(
        'unprocessable',
        'document_incomplete',
        `The ${family.replace('_', ' ')} lacks what UStG §14(4) requires of an issued document; see \`errors\`.`,
        { errors: incomplete.list },
      );
    }
    const seller = org as Seller;
    const buyer = contact as Contact & { billingAddress: PostalAddress };
    const state = stateOf(row, lineRows);
    const issueDate = state.issueDate ?? today(tx, org);
    // UStG §14(4) no. 6: the date of supply; without one, the lines' periods, else the issue date. A quote
    // names one only when given: its supply follows the acceptance, and the invoice converted from it must
    // not take the quote's issue date as its date of supply (VAT follows that date).
    if (!state.serviceDate && !state.servicePeriod && row.type !== 'quote') {
      state.servicePeriod = periodOfLines(state.lines);
      if (!state.servicePeriod) state.serviceDate = issueDate;
    }
    state.issueDate = issueDate;
    const errors = new FieldErrors();
    // a corrected invoice cancels the invoice it corrects below: locked from here, read once
    const preceding = row.preceding_document_id
      ? await repo.findRow(tx, row.preceding_document_id, 'invoice', {
          lock: row.type === 'corrected_invoice',
        })
      : undefined;
    // the issue date may only be known now (today): the checks of create and update, once more
    if (preceding) checkPreceding(errors, preceding, state);
    const composed = compose(tx, org, contact, state, errors, creditedParties(row.type, preceding, contact));
    errors.throwIfAny();

    if (row.type === 'credit_note') await checkCreditLimit(tx, row, composed.totals);
    // A corrected invoice replaces the invoice it corrects: that one is cancelled now, with its cancellation
    // document, exactly as `cancel` does (and refused as `cancel` refuses: paid, credited, already cancelled).
    // The customer then owes the corrected amounts once, and revenue, VAT and receivables see the original,
    // its reversal in the correction's period (UStG §17(1)) and the corrected invoice — never both in full.
    const replaced = row.type === 'corrected_invoice' && preceding ? await cancelIssued(tx, preceding) : null;

    let dueDate: string | null = null;
    if (isPayable(row.type)) dueDate = dueDateFor(issueDate, state.dueDate, contact, org);
    else if (row.type === 'quote') dueDate = state.dueDate ?? addDays(issueDate, QUOTE_VALIDITY_DAYS);
    if (dueDate && dueDate < issueDate) {
      throw new DomainError(
        'unprocessable',
        'validation_failed',
        'The due date lies before the issue date.',
        {
          errors: [
            {
              path: family === 'quote' ? 'validUntil' : 'dueDate',
              code: 'date_invalid',
              message: 'must not be before the issue date',
            },
          ],
        },
      );
    }
    const language = state.language;
    const paymentTerms = isPayable(row.type)
      ? paymentTermsText(language, dueDate!)
      : row.type === 'credit_note'
        ? refundTermsText(language)
        : null;
    const now = tx.clock.now();
    await repo.replaceLines(
      tx,
      id,
      repo.lineRows(tx, id, composed.lines, () => newId('documentLine')),
    );
    // the number last before the switch: the counter row stays locked until this transaction commits, so
    // concurrent finalizes queue and a rollback returns the number — numbers are gap-free (DOMAIN.md §2)
    const range = numberRange(row.type, org.numberFormats);
    const number = await numbering.next(tx, range.base, range.format, issueDate);
    await tx
      .db('documents')
      .where({ organization_id: tx.organizationId, id })
      .update({
        status: 'finalized',
        number,
        type_code: DEFAULT_TYPE_CODE[row.type],
        issue_date: issueDate,
        issued_at: now,
        service_date: state.serviceDate,
        service_period_start: state.servicePeriod?.start ?? null,
        service_period_end: state.servicePeriod?.end ?? null,
        due_date: dueDate,
        payment_terms: paymentTerms,
        payment_means: repo.json(row.type === 'quote' ? null : paymentMeansFor(org, contact, dueDate)),
        seller: repo.json(sellerSnapshot(seller)),
        buyer: repo.json(buyerSnapshot(buyer, language)),
        branding: repo.json(org.branding ?? {}),
        ...totalColumns(composed.totals),
        finalized_at: now,
        version: row.version + 1,
        updated_at: now,
      });
    await jobs.enqueue(tx, 'documents_render', { organizationId: tx.organizationId, documentId: id });
    const document = await withLines(tx, (await repo.findRow(tx, id, family))!);
    await events.emit(tx, `${family}.finalized`, { ...document });
    // DOMAIN.md §9: a credit balance pays the new invoice at once; a credit note reduces what its invoice owes
    const settled = await payments.afterFinalize(tx, document);
    await audit.recordMany(tx, [
      ...(replaced?.audit ?? []),
      { action: `${family}.finalized`, resourceType: family, resourceId: id, before, after: document },
      ...settled.audit,
    ]);
    return settled.document ?? document;
  });
}

/**
 * Credit notes never credit more than the invoice they refer to: the gross of all issued credit notes of
 * an invoice stays within its gross total. The invoice row is locked, so two credit notes finalized at
 * once are counted one after the other.
 */
async function checkCreditLimit(tx: Ctx, row: repo.DocumentRow, totals: DocumentTotals): Promise<void> {
  const invoice = row.preceding_document_id
    ? await repo.findRow(tx, row.preceding_document_id, 'invoice', { lock: true })
    : undefined;
  if (!invoice || !CREDITABLE.includes(invoice.status)) {
    throw new DomainError(
      'conflict',
      'invoice_not_creditable',
      'The invoice this credit note refers to is not issued or is cancelled.',
      {
        details: { invoiceId: row.preceding_document_id, state: invoice?.status ?? null },
      },
    );
  }
  const [{ credited }] = await tx
    .db('documents')
    .where({ organization_id: tx.organizationId, preceding_document_id: invoice.id, type: 'credit_note' })
    .whereNot('status', 'draft')
    .sum({ credited: 'gross_total' });
  const already = -Number(credited ?? 0);
  const remaining = invoice.gross_total - already;
  if (-totals.grossTotal > remaining) {
    throw new DomainError(
      'unprocessable',
      'credit_exceeds_invoice',
      `The credit note credits ${-totals.grossTotal} but only ${remaining} of the invoice's ${invoice.gross_total} (${invoice.currency} minor units) are left to credit.`,
      { details: { invoiceGrossTotal: invoice.gross_total, alreadyCredited: already, remaining } },
    );
  }
}

// ——— cancellation (Storno) ———

/**
 * Cancels an issued invoice (GoBD: never by changing it): creates the cancellation document with `reverse()`
 * — its own number from the cancellation range, the original's parties and lines negated, type code 381
 * and a reference to the original — finalizes it, and marks the original `cancelled` with a link to it.
 * An invoice with payments is refunded or credited instead (409 `invoice_has_payments`).
 */
export async function cancel(ctx: Ctx, id: string): Promise<Document> {
  return inTransaction(ctx, async (tx) => {
    const row = await load(tx, 'invoice', id, true);
    const { cancelled, audit: entries } = await cancelIssued(tx, row);
    await audit.recordMany(tx, entries);
    return cancelled;
  });
}

/**
 * `cancel` in the caller's transaction, for the locked invoice `row`: the checks, the cancellation document
 * and the original marked `cancelled`, its render job and the `invoice.cancelled` event. Returns the
 * cancelled invoice and the audit entries for the caller to record with its own.
 */
async function cancelIssued(
  tx: Ctx,
  row: repo.DocumentRow,
): Promise<{ cancelled: Document; audit: audit.AuditRecordInput[] }> {
  const id = row.id;
  if (row.status === 'draft') throw notFinalized('invoice');
  if (row.status === 'cancelled') {
    throw new DomainError('conflict', 'invoice_already_cancelled', 'The invoice is already cancelled.', {
      details: { cancelledByDocumentId: row.cancelled_by_document_id },
    });
  }
  if (row.type === 'cancellation' || row.type === 'pro_forma') {
    throw new DomainError(
      'conflict',
      `${row.type}_not_cancellable`,
      `A ${row.type.replace('_', ' ')} cannot be cancelled.`,
    );
  }
  // credit notes first: one that settles the invoice in full makes it `paid` with no payment on it
  const credited = await tx
    .db('documents')
    .where({ organization_id: tx.organizationId, preceding_document_id: id, type: 'credit_note' })
    .whereNot('status', 'draft')
    .first('id');
  if (credited) {
    throw new DomainError(
      'conflict',
      'invoice_has_credit_notes',
      'Credit notes refer to this invoice, so a full cancellation would reverse more than is left; credit the rest instead.',
      { details: { creditNoteId: credited.id } },
    );
  }
  if (!CANCELLABLE.includes(row.status) || row.amount_paid !== 0) {
    throw new DomainError(
      'conflict',
      'invoice_has_payments',
      'Payments are recorded on this invoice; refund them or issue a credit note instead of cancelling it.',
      { details: { state: row.status, amountPaid: row.amount_paid } },
    );
  }
  const originalLines = (await repo.linesOf(tx, [id])).get(id)!;
  const before = repo.toDocument(row, originalLines);
  const org = await organizations.get(tx);
  const original = repo.toDocumentData(row, originalLines, await repo.precedingOf(tx, row));
  const issueDate = today(tx, org);
  const now = tx.clock.now();
  const stornoId = newId('document');
  const range = numberRange('cancellation', org.numberFormats);
  const number = await numbering.next(tx, range.base, range.format, issueDate);
  const storno = reverse(original, {
    type: 'cancellation',
    number,
    issueDate,
    issuedAt: now.toISOString(),
  });

  await tx.db('documents').insert({
    id: stornoId,
    organization_id: tx.organizationId,
    contact_id: row.contact_id,
    type: 'cancellation',
    // lines can only be added to a draft (GoBD trigger): the document is switched once its lines exist
    status: 'draft',
    number,
    created_at: now,
    type_code: storno.typeCode,
    issue_date: issueDate,
    issued_at: now,
    service_date: storno.serviceDate,
    service_period_start: storno.servicePeriod?.start ?? null,
    service_period_end: storno.servicePeriod?.end ?? null,
    due_date: null,
    currency: storno.currency,
    language: storno.language,
    seller: repo.json(storno.seller),
    buyer: repo.json(storno.buyer),
    branding: repo.json(storno.branding),
    allowances_charges: repo.json(storno.allowancesCharges),
    preceding_document_id: id,
    payment_terms: storno.paymentTerms,
    payment_means: repo.json(storno.paymentMeans),
    notes: repo.json(storno.notes),
    ...totalColumns(storno.totals),
    collective: row.collective,
    finalized_at: now,
    updated_at: now,
  });
  const stornoLines: PricedLine[] = storno.lines.map((line, i) => ({
    ...draftLine(originalLines[i]!),
    id: newId('documentLine'),
    position: line.position,
    quantity: line.quantity,
    netAmount: line.netAmount,
    taxCategory: line.taxCategory,
    taxRate: line.taxRate,
  }));
  await tx.db('document_lines').insert(repo.lineRows(tx, stornoId, stornoLines, () => newId('documentLine')));
  await tx
    .db('documents')
    .where({ organization_id: tx.organizationId, id: stornoId })
    .update({ status: 'finalized' });
  await tx
    .db('documents')
    .where({ organization_id: tx.organizationId, id })
    .update({
      status: 'cancelled',
      cancelled_at: now,
      cancelled_by_document_id: stornoId,
      version: row.version + 1,
      updated_at: now,
    });
  await jobs.enqueue(tx, 'documents_render', { organizationId: tx.organizationId, documentId: stornoId });
  const cancelled = await withLines(tx, (await repo.findRow(tx, id, 'invoice'))!);
  const cancellation = await withLines(tx, (await repo.findRow(tx, stornoId, 'invoice'))!);
  await events.emit(tx, 'invoice.cancelled', { ...cancelled });
  return {
    cancelled,
    audit: [
      { action: 'invoice.created', resourceType: 'invoice', resourceId: stornoId, after: cancellation },
      { action: 'invoice.cancelled', resourceType: 'invoice', resourceId: id, before, after: cancelled },
    ],
  };
}

// ——— collective invoices ———

/**
 * Merges drafts of ONE contact and currency into one new draft invoice (Sammelrechnung, DOMAIN.md §7): all
 * lines in the order given, the sources deleted — in one transaction. Contract periods and charges a billing
 * run recorded against a source now point at the merged invoice.
 */
export async function merge(ctx: Ctx, input: MergeInput): Promise<Document> {
  const ids = input.invoiceIds;
  const errors = new FieldErrors();
  if (new Set(ids).size !== ids.length) errors.add('invoiceIds', 'duplicate', 'lists an invoice twice');
  if (ids.length < 2) errors.add('invoiceIds', 'too_few', 'merging needs at least two drafts');
  errors.throwIfAny();
  return inTransaction(ctx, async (tx) => {
    const rows = new Map((await repo.lockRows(tx, ids, 'invoice')).map((r) => [r.id, r]));
    ids.forEach((id, i) => {
      if (!rows.has(id)) errors.add(`invoiceIds.${i}`, 'invoice_not_found', `no invoice '${id}'`);
    });
    errors.throwIfAny();
    const sources = ids.map((id) => rows.get(id)!);
    for (const row of sources) {
      if (row.status !== 'draft') throw notDraft('invoice', row.status);
    }
    sources.forEach((row, i) => {
      if (row.type !== 'invoice')
        errors.add(
          `invoiceIds.${i}`,
          'invoice_type_invalid',
          `a ${row.type.replace('_', ' ')} cannot be merged`,
        );
      if (row.contact_id !== sources[0]!.contact_id)
        errors.add(`invoiceIds.${i}`, 'contact_mismatch', 'all drafts must be of one contact');
      if (row.currency !== sources[0]!.currency)
        errors.add(`invoiceIds.${i}`, 'currency_mismatch', 'all drafts must be in one currency');
    });
    errors.throwIfAny();
    const lines = await repo.linesOf(tx, ids);
    const before = sources.map((row) => repo.toDocument(row, lines.get(row.id)!));
    const states = sources.map((row) => stateOf(row, lines.get(row.id)!));
    const first = states[0]!;
    const allLines = states.flatMap((s) => s.lines.map((l) => ({ ...l, id: undefined })));
    const dates = states
      .flatMap((s) => [s.serviceDate, s.servicePeriod?.start, s.servicePeriod?.end])
      .filter((d): d is string => !!d);
    const sameDate = states.every((s) => s.serviceDate && s.serviceDate === first.serviceDate);
    const sendDates = states
      .map((s) => s.sendDate)
      .filter((d): d is string => !!d)
      .sort();
    const runs = new Set(states.map((s) => s.billingRunId));
    const state: DraftState = {
      ...first,
      issueDate: null,
      serviceDate: sameDate ? first.serviceDate : null,
      servicePeriod:
        !sameDate && dates.length > 0
          ? { start: [...dates].sort()[0]!, end: [...dates].sort().at(-1)! }
          : null,
      dueDate: null,
      // the earliest a source was to be sent: none of them waits longer than it would have
      sendDate: sendDates[0] ?? null,
      notes: [...new Set(states.flatMap((s) => s.notes))],
      metadata: {},
      lines: allLines,
      billingRunId: runs.size === 1 ? first.billingRunId : null,
      collective: true,
      convertedFromDocumentId: null,
    };
    const org = await organizations.get(tx);
    const contact = (await contactsRepo.findById(tx, first.contactId))!;
    const composed = compose(tx, org, contact, state, errors);
    errors.throwIfAny();
    const mergedId = newId('document');
    // billing-run bookkeeping follows the lines (no foreign keys there: a draft may be deleted)
    await tx
      .db('billed_periods')
      .where('organization_id', tx.organizationId)
      .whereIn('document_id', ids)
      .update({ document_id: mergedId });
    await tx
      .db('contract_charges')
      .where('organization_id', tx.organizationId)
      .whereIn('document_id', ids)
      .update({ document_id: mergedId });
    await tx.db('documents').where('organization_id', tx.organizationId).whereIn('id', ids).delete();
    const merged = await insertDraft(tx, state, composed, mergedId);
    for (const document of before) await events.emit(tx, 'invoice.deleted', { ...document });
    await events.emit(tx, 'invoice.created', { ...merged });
    await audit.recordMany(tx, [
      ...before.map((document) => ({
        action: 'invoice.deleted',
        resourceType: 'invoice',
        resourceId: document.id,
        before: document,
        after: { mergedInto: mergedId },
      })),
      { action: 'invoice.created', resourceType: 'invoice', resourceId: mergedId, after: merged },
    ]);
    return merged;
  });
}

// ——— sending hook ———

/**
 * Records that a document went out (the sending service calls this after a successful send): `finalized`
 * becomes `sent`; later statuses (paid, overdue, accepted …) keep theirs and only `sentAt` moves. Emits
 * `<family>.sent` (`invoice.sent`, `quote.sent`).
 */
export async function markSent(ctx: Ctx, family: DocumentFamily, id: string): Promise<Document> {
  return inTransaction(ctx, async (tx) => {
    const row = await load(tx, family, id, true);
    if (row.status === 'draft') throw notFinalized(family);
    const before = await withLines(tx, row);
    const now = tx.clock.now();
    await tx
      .db('documents')
      .where({ organization_id: tx.organizationId, id })
      .update({
        status: row.status === 'finalized' ? 'sent' : row.status,
        sent_at: now,
        version: row.version + 1,
        updated_at: now,
      });
    const document = await withLines(tx, (await repo.findRow(tx, id, family))!);
    await events.emit(tx, `${family}.sent`, { ...document });
    await audit.record(tx, {
      action: `${family}.sent`,
      resourceType: family,
      resourceId: id,
      before,
      after: document,
    });
    return document;
  });
}

/**
 * The customer opened the document in the portal: the first time sets `viewedAt` and emits
 * `<family>.viewed` (a life-cycle fact like being sent, not a change of content: no audit entry). Later views
 * change nothing. Returns whether this was the first.
 */
export async function markViewed(ctx: Ctx, family: DocumentFamily, id: string): Promise<boolean> {
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const updated = await tx
      .db('documents')
      .where({ organization_id: tx.organizationId, id })
      .whereNull('viewed_at')
      .whereNot('status', 'draft')
      .update({ viewed_at: now, version: tx.db.raw('version + 1'), updated_at: now }, ['id']);
    if (updated.length === 0) return false;
    const document = await withLines(tx, (await repo.findRow(tx, id, family))!);
    await events.emit(tx, `${family}.viewed`, { ...document });
    return true;
  });
}

// ——— quotes ———

/** What the customer portal records of an answer besides the API's input (DOMAIN.md §12). */
export interface PortalEvidence {
  ip: string;
  userAgent: string | null;
  /** A PNG drawn by the signer (checked by the caller: portal/signature.ts). */
  signature: Buffer | null;
}

async function decide(
  ctx: Ctx,
  id: string,
  outcome: 'accepted' | 'declined',
  input: QuoteDecisionInput,
  evidence?: PortalEvidence,
): Promise<Document> {
  return inTransaction(ctx, async (tx) => {
    const row = await load(tx, 'quote', id, true);
    const verb = outcome === 'accepted' ? 'accepted' : 'declined';
    if (!OPEN_QUOTE.includes(row.status)) throw quoteState(row.status, verb);
    const org = await organizations.get(tx);
    if (row.due_date && row.due_date < today(tx, org)) {
      throw new DomainError('conflict', 'quote_expired', `The quote was valid until ${row.due_date}.`, {
        details: { state: row.status, validUntil: row.due_date },
      });
    }
    const before = await withLines(tx, row);
    // DOMAIN.md §12: the answer records the SHA-256 of the exact document answered
    const pdf = await ensureFile(tx, row, 'pdf');
    const now = tx.clock.now();
    const signature = evidence?.signature ?? null;
    const signatureSha256 = signature && createHash('sha256').update(signature).digest('hex');
    if (signature) {
      await tx.db('quote_signatures').insert({
        organization_id: tx.organizationId,
        document_id: id,
        mime_type: 'image/png',
        content: signature,
        sha256: signatureSha256,
        created_at: now,
      });
    }
    await tx
      .db('documents')
      .where({ organization_id: tx.organizationId, id })
      .update({
        status: outcome,
        [outcome === 'accepted' ? 'accepted_at' : 'declined_at']: now,
        decision: repo.json({
          at: now.toISOString(),
          signerName: input.signerName ?? null,
          reason: input.reason ?? null,
          documentSha256: pdf.sha256,
          ip: evidence?.ip ?? null,
          userAgent: evidence?.userAgent ?? null,
          signatureSha256,
        }),
        version: row.version + 1,
        updated_at: now,
      });
    const document = await withLines(tx, (await repo.findRow(tx, id, 'quote'))!);
    await events.emit(tx, `quote.${outcome}`, { ...document });
    await audit.record(tx, {
      action: `quote.${outcome}`,
      resourceType: 'quote',
      resourceId: id,
      before,
      after: document,
    });
    return document;
  });
}

/**
 * The buyer accepts an open quote (finalized or sent, within its validity); in the customer portal with the
 * browser's address and user agent and, when drawn, the signature.
 */
export const accept = (ctx: Ctx, id: string, input: QuoteDecisionInput = {}, evidence?: PortalEvidence) =>
  decide(ctx, id, 'accepted', input, evidence);

/** The signature drawn when the quote was accepted in the portal: 404 when there is none. */
export async function signature(ctx: Ctx, id: string): Promise<{ content: Buffer; sha256: string }> {
  await load(ctx, 'quote', id);
  const row: { content: Buffer; sha256: string } | undefined = await ctx
    .db('quote_signatures')
    .where({ organization_id: ctx.organizationId, document_id: id })
    .first('content', 'sha256');
  if (!row)
    throw new DomainError(
      'not_found',
      'quote_signature_not_found',
      `Quote '${id}' was not signed in the portal.`,
    );
  return row;
}
/** The buyer declines an open quote; in the customer portal with the browser's address and user agent. */
export const decline = (ctx: Ctx, id: string, input: QuoteDecisionInput = {}, evidence?: PortalEvidence) =>
  decide(ctx, id, 'declined', input, evidence);

/**
 * Turns an accepted quote into a draft invoice with the quote's lines (article references, rate and supply
 * kinds kept, so VAT is decided for the invoice's own date of supply); the quote becomes `converted`.
 * Returns the new draft invoice.
 */
export async function convert(ctx: Ctx, id: string): Promise<Document> {
  return inTransaction(ctx, async (tx) => {
    const row = await load(tx, 'quote', id, true);
    if (row.status !== 'accepted') {
      if (row.status === 'converted') throw quoteState(row.status, 'converted again');
      throw new DomainError(
        'conflict',
        'quote_not_accepted',
        `Only an accepted quote is converted; this one is ${row.status}.`,
        {
          details: { state: row.status },
        },
      );
    }
    const before = await withLines(tx, row);
    const lines = (await repo.linesOf(tx, [id])).get(id)!;
    const quote = stateOf(row, lines);
    const state: DraftState = {
      ...quote,
      type: 'invoice',
      precedingDocumentId: null,
      issueDate: null,
      dueDate: null,
      sendDate: null,
      lines: quote.lines.map((l) => ({ ...l, id: undefined })),
      convertedFromDocumentId: id,
    };
    const org = await organizations.get(tx);
    const contact = (await contactsRepo.findById(tx, row.contact_id))!;
    const errors = new FieldErrors();
    const composed = compose(tx, org, contact, state, errors);
    errors.throwIfAny();
    const invoice = await insertDraft(tx, state, composed);
    const now = tx.clock.now();
    await tx
      .db('documents')
      .where({ organization_id: tx.organizationId, id })
      .update({
        status: 'converted',
        converted_to_document_id: invoice.id,
        version: row.version + 1,
        updated_at: now,
      });
    const converted = await withLines(tx, (await repo.findRow(tx, id, 'quote'))!);
    await events.emit(tx, 'invoice.created', { ...invoice });
    await events.emit(tx, 'quote.converted', { ...converted });
    await audit.recordMany(tx, [
      { action: 'invoice.created', resourceType: 'invoice', resourceId: invoice.id, after: invoice },
      { action: 'quote.converted', resourceType: 'quote', resourceId: id, before, after: converted },
    ]);
    return invoice;
  });
}

/**
 * Marks open quotes whose validity has passed as `expired` (`quote.expired`), for every organisation on its
 * own clock and time zone (a sandbox's test clock included). Run hourly by the worker; returns how many.
 */
export async function expireQuotes(db: Db, clock: Clock): Promise<number> {
  return sweepDue(
    db,
    clock,
    'quote-expiry',
    `d.type = 'quote' AND d.status IN ('finalized', 'sent')`,
    async (tx, ids, day) => {
      const now = tx.clock.now();
      const entries: audit.AuditRecordInput[] = [];
      for (const row of await repo.lockRows(tx, ids, 'quote')) {
        if (!OPEN_QUOTE.includes(row.status) || !row.due_date || row.due_date >= day) continue;
        const before = await withLines(tx, row);
        await tx
          .db('documents')
          .where({ organization_id: tx.organizationId, id: row.id })
          .update({ status: 'expired', expired_at: now, version: row.version + 1, updated_at: now });
        const document = await withLines(tx, (await repo.findRow(tx, row.id, 'quote'))!);
        await events.emit(tx, 'quote.expired', { ...document });
        entries.push({
          action: 'quote.expired',
          resourceType: 'quote',
          resourceId: row.id,
          before,
          after: document,
        });
      }
      await audit.recordMany(tx, entries);
      return entries.length;
    },
  );
}

/**
 * Cron: issued invoices whose due date has passed in their organisation's time zone (test clocks included) and
 * that still owe something become `overdue` (`invoice.overdue`). A partially paid invoice keeps its status:
 * the open amount says the rest; dunning reads due dates itself.
 */
export async function markOverdue(db: Db, clock: Clock): Promise<number> {
  return sweepDue(
    db,
    clock,
    'overdue',
    `d.type IN ('invoice', 'corrected_invoice') AND d.status IN ('finalized', 'sent')
       AND ${outstandingSql('d')} > 0`,
    async (tx, ids, day) => {
      const now = tx.clock.now();
      const entries: audit.AuditRecordInput[] = [];
      for (const row of await repo.lockRows(tx, ids, 'invoice')) {
        const open = row.amount_due - row.amount_credited - row.amount_paid;
        if (
          !['finalized', 'sent'].includes(row.status) ||
          !row.due_date ||
          row.due_date >= day ||
          open <= 0
        ) {
          continue;
        }
        await tx
          .db('documents')
          .where({ organization_id: tx.organizationId, id: row.id })
          .update({ status: 'overdue', version: row.version + 1, updated_at: now });
        const document = await withLines(tx, (await repo.findRow(tx, row.id, 'invoice'))!);
        await events.emit(tx, 'invoice.overdue', { ...document });
        entries.push({
          action: 'invoice.overdue',
          resourceType: 'invoice',
          resourceId: row.id,
          before: { status: row.status },
          after: { status: 'overdue', dueDate: row.due_date, amountOpen: open },
        });
      }
      await audit.recordMany(tx, entries);
      return entries.length;
    },
  );
}

/**
 * The frame of the date sweeps: documents matching `where` (alias `d`) whose due date has passed in their
 * organisation's time zone on its clock (a sandbox's test clock included), handed to `work` per organisation in
 * chunks of 500, each chunk one transaction with that organisation's calendar day. `work` re-checks under its
 * row locks and returns how many it changed.
 */
async function sweepDue(
  db: Db,
  clock: Clock,
  actor: string,
  where: string,
  work: (tx: Ctx, ids: string[], day: string) => Promise<number>,
): Promise<number> {
  const due = await db.raw<{ rows: { organization_id: string; id: string }[] }>(
    `SELECT d.organization_id, d.id
       FROM documents d JOIN organizations o ON o.id = d.organization_id
      WHERE ${where}
        AND d.due_date < (coalesce(o.clock_time, ?::timestamptz) AT TIME ZONE o.timezone)::date
      ORDER BY d.organization_id, d.id`,
    [clock.now()],
  );
  const byOrg = new Map<string, string[]>();
  for (const r of due.rows) {
    const ids = byOrg.get(r.organization_id) ?? [];
    if (ids.length === 0) byOrg.set(r.organization_id, ids);
    ids.push(r.id);
  }
  let changed = 0;
  for (const [organizationId, all] of byOrg) {
    const ctx = systemContext(db, organizationId, await testClock.clockOf(db, organizationId, clock), actor);
    for (let i = 0; i < all.length; i += 500) {
      changed += await inTransaction(ctx, async (tx) =>
        work(tx, all.slice(i, i + 500), today(tx, await organizations.get(tx))),
      );
    }
  }
  return changed;
}

// ——— stored files: PDF and e-invoices ———

export type FileKind = repo.StoredFileKind;

export interface DocumentFile {
  kind: FileKind;
  content: Buffer;
  sha256: string;
  mimeType: 'application/pdf' | 'application/xml';
  filename: string;
}

function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

function describeFile(row: repo.DocumentRow, file: repo.StoredFile): DocumentFile {
  const base = (row.number ?? row.id).replace(/[^A-Za-z0-9._-]+/g, '_');
  const xml = file.kind === 'xrechnung-cii' || file.kind === 'xrechnung-ubl';
  return {
    ...file,
    mimeType: xml ? 'application/xml' : 'application/pdf',
    filename:
      file.kind === 'pdf'
        ? `${base}.pdf`
        : file.kind === 'zugferd'
          ? `${base}-zugferd.pdf`
          : `${base}${file.kind === 'xrechnung-ubl' ? '-ubl' : '-cii'}.xml`,
  };
}

async function loadData(ctx: Ctx, row: repo.DocumentRow): Promise<DocumentData> {
  const lines = (await repo.linesOf(ctx, [row.id])).get(row.id)!;
  return repo.toDocumentData(row, lines, await repo.precedingOf(ctx, row));
}

/** Renders one file of an issued document from its frozen data. E-invoice rule violations throw (422). */
async function renderFile(data: DocumentData, kind: FileKind, pdf?: Buffer): Promise<repo.StoredFile> {
  let content: Buffer;
  try {
    content = kind === 'pdf' ? await renderPdf(data) : (await renderEInvoice(data, kind, { pdf })).content;
  } catch (error) {
    // The e-invoice library checks its input against its own schema. Data our rules accept but it refuses is
    // deterministic, so no retry helps: say so instead of failing the job over and over. (Sub-cent unit
    // prices, once refused, are written per base quantity: einvoice.priceWithBaseQuantity.)
    if (error instanceof DomainError && error.code === 'einvoice_mapping_invalid') {
      throw new DomainError(
        'unprocessable',
        'einvoice_not_representable',
        `This document cannot be written as ${kind}: the e-invoice library refused its data (${error.message})`,
      );
    }
    throw error;
  }
  return { kind, content, sha256: sha256(content) };
}

async function render(
  ctx: Ctx,
  row: repo.DocumentRow,
  kind: FileKind,
  pdf?: Buffer,
): Promise<repo.StoredFile> {
  return renderFile(await loadData(ctx, row), kind, pdf);
}

/** The stored file, or — before the worker got to it — rendered now and stored, so every reader gets the same bytes. */
async function ensureFile(ctx: Ctx, row: repo.DocumentRow, kind: FileKind): Promise<repo.StoredFile> {
  const stored = await repo.findFile(ctx, row.id, kind);
  if (stored) return stored;
  // Factur-X is our stored PDF with the XML attached: it embeds exactly the bytes the PDF endpoint serves
  const pdf = kind === 'zugferd' ? (await ensureFile(ctx, row, 'pdf')).content : undefined;
  const file = await render(ctx, row, kind, pdf);
  await repo.storeFiles(ctx, row.id, [file], ctx.clock.now());
  return (await repo.findFile(ctx, row.id, kind))!;
}

/**
 * `GET /v1/invoices/{id}/pdf` and `/e-invoice`: the stored bytes of an issued document (their SHA-256 is on
 * the document). A file not rendered yet is rendered now and stored — rendering is deterministic, so it is the
 * file the worker would have stored. E-invoices that break an EN 16931 or XRechnung rule are refused with
 * 422 `einvoice_rules_violated` naming the rules (e.g. BR-DE-15, a missing buyer reference).
 */
export async function file(
  ctx: Ctx,
  family: DocumentFamily,
  id: string,
  kind: FileKind,
): Promise<DocumentFile> {
  const row = await load(ctx, family, id);
  if (row.status === 'draft') throw notFinalized(family);
  return describeFile(row, await ensureFile(ctx, row, kind));
}

/**
 * The frozen data of an issued document of any family — exactly what its PDF and e-invoices show (for the
 * sending and dunning services, and benchmarks). A draft has none: 409.
 */
export async function issuedData(ctx: Ctx, id: string): Promise<DocumentData> {
  const row: repo.DocumentRow | undefined = await ctx
    .db('documents')
    .where({ organization_id: ctx.organizationId, id })
    .first();
  if (!row) throw notFound('document', id);
  if (row.status === 'draft') throw notFinalized(familyOf(row.type));
  const lines = (await repo.linesOf(ctx, [id])).get(id)!;
  return repo.toDocumentData(row, lines, await repo.precedingOf(ctx, row));
}

/** What the worker renders after finalize: the PDF, and each XRechnung the document qualifies for. */
export const DEFAULT_RENDER_KINDS: readonly FileKind[] = ['pdf', 'xrechnung-cii', 'xrechnung-ubl'];

/** One document of a render job: its id and, when narrowed, the kinds to render (else `DEFAULT_RENDER_KINDS`). */
export interface RenderRequest {
  documentId: string;
  kinds?: readonly FileKind[];
}

/** What became of one document of a render batch: the kinds stored now, or why it failed. */
export type RenderOutcome =
  | { documentId: string; stored: FileKind[] }
  | { documentId: string; error: unknown };

/**
 * Renders and stores the files of an issued document that are not stored yet (the `documents_render` task
 * with one document, and what `renderBatch` does per document). Returns the kinds stored now; a failure throws.
 */
export async function renderStored(
  ctx: Ctx,
  id: string,
  kinds: readonly FileKind[] = DEFAULT_RENDER_KINDS,
): Promise<FileKind[]> {
  const [outcome] = await renderStoredMany(ctx, [{ documentId: id, kinds }]);
  if ('error' in outcome!) throw outcome.error;
  return outcome!.stored;
}

/**
 * The `documents_render` task: renders and stores the files of many issued documents of one organisation that
 * are not stored yet. ONE statement loads the batch (documents, lines, preceding documents, stored kinds), ONE
 * statement stores every file and hash — so the batch costs one commit, not one per document. Rendering happens
 * outside any transaction (no lock is held for it). An e-invoice a document cannot be (a quote, or a rule it
 * breaks) is skipped: asking the API for it later answers 422 with the rules. Drafts and unknown ids have
 * nothing to render.
 *
 * A document that fails does not stop the others: its outcome carries the error and nothing of it is stored,
 * the others are (the task hands the outcomes to graphile-worker, which retries the failed ones alone). If the
 * batch's store statement fails, each document is stored by itself, so a bad one cannot fail the rest. Only a
 * failing load throws (nothing stored; the whole job is retried — stored files are skipped on every re-run).
 */
export async function renderStoredMany(
  ctx: Ctx,
  requests: readonly RenderRequest[],
): Promise<RenderOutcome[]> {
  // the kinds wanted per document (a document named twice, e.g. in merged payloads, is rendered once)
  const wantedKinds = new Map<string, Set<FileKind>>();
  for (const request of requests) {
    const set = wantedKinds.get(request.documentId) ?? new Set<FileKind>();
    for (const kind of request.kinds ?? DEFAULT_RENDER_KINDS) set.add(kind);
    wantedKinds.set(request.documentId, set);
  }
  const loaded = await repo.loadForRenderMany(ctx, [...wantedKinds.keys()]);

  const todo: { source: repo.RenderSource; kinds: FileKind[] }[] = [];
  for (const [id, kinds] of wantedKinds) {
    const source = loaded.get(id);
    if (!source || source.row.status === 'draft') continue;
    const { row, stored } = source;
    // in the fixed order of FileKind so the PDF is rendered before a ZUGFeRD file that embeds it
    const wanted = (['pdf', 'xrechnung-cii', 'xrechnung-ubl', 'zugferd'] as const).filter(
      (kind) =>
        kinds.has(kind) &&
        !stored.has(kind) &&
        (kind === 'pdf' || (row.type !== 'quote' && row.type !== 'pro_forma')),
    );
    if (wanted.length > 0) todo.push({ source, kinds: wanted });
  }
  // ZUGFeRD embeds the stored PDF: one statement for the PDFs of every document that needs one not rendered now
  const storedPdfs = await repo.filesOf(
    ctx,
    todo
      .filter(
        ({ source, kinds }) =>
          kinds.includes('zugferd') && !kinds.includes('pdf') && source.stored.has('pdf'),
      )
      .map(({ source }) => source.row.id),
    'pdf',
  );

  const failed = new Map<string, unknown>();
  const rendered: { documentId: string; files: repo.StoredFile[] }[] = [];
  for (const { source, kinds } of todo) {
    const id = source.row.id;
    try {
      const data = repo.toDocumentData(source.row, source.lines, source.preceding);
      const files: repo.StoredFile[] = [];
      for (const kind of kinds) {
        const pdf =
          kind === 'zugferd'
            ? (files.find((f) => f.kind === 'pdf')?.content ?? storedPdfs.get(id)?.content)
            : undefined;
        try {
          files.push(await renderFile(data, kind, pdf));
        } catch (error) {
          if (error instanceof DomainError && error.kind === 'unprocessable') continue;
          throw error;
        }
      }
      if (files.length > 0) rendered.push({ documentId: id, files });
    } catch (error) {
      // this document alone: nothing of it is stored, the others go on
      failed.set(id, error);
    }
  }

  const now = ctx.clock.now();
  try {
    // one statement: atomic without a transaction of its own, one commit for the batch
    await repo.storeFilesOfMany(ctx, rendered, now);
  } catch (error) {
    if (rendered.length <= 1) {
      for (const { documentId } of rendered) failed.set(documentId, error);
    } else {
      // the batch statement failed as a whole: store each document by itself, so only a bad one fails
      for (const one of rendered) {
        try {
          await repo.storeFilesOfMany(ctx, [one], now);
        } catch (oneError) {
          failed.set(one.documentId, oneError);
        }
      }
    }
  }

  const storedNow = new Map(rendered.map((r) => [r.documentId, r.files.map((f) => f.kind)]));
  return requests.map(({ documentId, kinds }) => {
    if (failed.has(documentId)) return { documentId, error: failed.get(documentId) };
    const wanted = new Set(kinds ?? DEFAULT_RENDER_KINDS);
    return { documentId, stored: (storedNow.get(documentId) ?? []).filter((kind) => wanted.has(kind)) };
  });
}

/**
 * The `documents_render` job of any size: its documents grouped by organisation, each group rendered and stored
 * by `renderStoredMany` (rendering needs no clock; the files' `created_at` is the worker's clock). Outcomes in
 * the order of `requests`.
 */
export async function renderBatch(
  db: Db,
  clock: Clock,
  requests: readonly (RenderRequest & { organizationId: string })[],
): Promise<RenderOutcome[]> {
  const outcomes: RenderOutcome[] = new Array(requests.length);
  const byOrganization = new Map<string, number[]>();
  for (const [i, request] of requests.entries()) {
    const indexes = byOrganization.get(request.organizationId) ?? [];
    indexes.push(i);
    byOrganization.set(request.organizationId, indexes);
  }
  for (const [organizationId, indexes] of byOrganization) {
    const ctx = systemContext(db, organizationId, clock, 'worker');
    try {
      const results = await renderStoredMany(
        ctx,
        indexes.map((i) => requests[i]!),
      );
      for (const [j, i] of indexes.entries()) outcomes[i] = results[j]!;
    } catch (error) {
      // the load failed: every document of this organisation is retried, the other organisations' stand
      for (const i of indexes) outcomes[i] = { documentId: requests[i]!.documentId, error };
    }
  }
  return outcomes;
}

export interface FileCheck {
  kind: FileKind;
  storedSha256: string;
  renderedSha256: string;
  identical: boolean;
}

/**
 * GoBD (BMF letter of 14.07.2025, Rz. 76): reproducing an issued document must give the identical data set.
 * Renders every stored file of the document again from its frozen data and compares the SHA-256.
 */
export async function verifyFiles(ctx: Ctx, family: DocumentFamily, id: string): Promise<FileCheck[]> {
  const row = await load(ctx, family, id);
  const out: FileCheck[] = [];
  for (const kind of await repo.storedKinds(ctx, id)) {
    const stored = (await repo.findFile(ctx, id, kind))!;
    const pdf = kind === 'zugferd' ? (await repo.findFile(ctx, id, 'pdf'))?.content : undefined;
    const rendered = await render(ctx, row, kind, pdf);
    out.push({
      kind,
      storedSha256: stored.sha256,
      renderedSha256: rendered.sha256,
      identical: stored.sha256 === rendered.sha256,
    });
  }
  return out;
}

export type { EInvoiceFormat };
