import type { Knex } from 'knex';
import type { SupplyKind } from '../articles/types';
import { type Ctx, scoped } from '../context';
import type { Branding } from '../organizations/types';
import { applyCursor } from '../pagination';
import { openAmount } from '../payments/rules';
import {
  type Document,
  type DocumentDecision,
  type DocumentFamily,
  type DocumentLineRecord,
  type DocumentListQuery,
  type DocumentStatus,
  FAMILY_TYPES,
} from './resource';
import type { PricedLine } from './rules';
import type { RateKind } from './tax';
import {
  type AllowanceCharge,
  type BuyerSnapshot,
  DEFAULT_TYPE_CODE,
  type DocumentData,
  type DocumentLanguage,
  type DocumentType,
  type PaymentMeans,
  type SellerSnapshot,
  type TaxBreakdownEntry,
  type TaxCategory,
  type TypeCode,
} from './types';

/** SQL of documents, lines and stored files: one place, explicit columns, every query scoped. */

export interface DocumentRow {
  id: string;
  organization_id: string;
  contact_id: string;
  type: DocumentType;
  status: DocumentStatus;
  number: string | null;
  created_at: Date;
  type_code: TypeCode | null;
  issue_date: string | null;
  issued_at: Date | null;
  service_date: string | null;
  service_period_start: string | null;
  service_period_end: string | null;
  due_date: string | null;
  send_date: string | null;
  currency: string;
  language: DocumentLanguage;
  seller: SellerSnapshot | null;
  buyer: BuyerSnapshot | null;
  branding: Branding | null;
  allowances_charges: AllowanceCharge[];
  preceding_document_id: string | null;
  payment_terms: string | null;
  payment_means: PaymentMeans | null;
  notes: string[];
  line_net_total: number;
  allowance_total: number;
  charge_total: number;
  tax_basis_total: number;
  tax_total: number;
  gross_total: number;
  prepaid_amount: number;
  amount_due: number;
  tax_breakdown: TaxBreakdownEntry[];
  amount_paid: number;
  /** The gross of the issued credit notes referring to this invoice, positive (payments/service). */
  amount_credited: number;
  paid_at: Date | null;
  sent_at: Date | null;
  viewed_at: Date | null;
  finalized_at: Date | null;
  cancelled_at: Date | null;
  cancelled_by_document_id: string | null;
  billing_run_id: string | null;
  collective: boolean;
  pdf_sha256: string | null;
  xml_sha256: string | null;
  metadata: Record<string, string>;
  converted_from_document_id: string | null;
  converted_to_document_id: string | null;
  accepted_at: Date | null;
  declined_at: Date | null;
  expired_at: Date | null;
  /** Answers recorded before the portal lack `ip`, `userAgent` and `signatureSha256`. */
  decision:
    | (Omit<DocumentDecision, 'ip' | 'userAgent' | 'signatureSha256'> & Partial<DocumentDecision>)
    | null;
  version: number;
  updated_at: Date;
}

export interface LineRow {
  id: string;
  organization_id: string;
  document_id: string;
  position: number;
  article_id: string | null;
  contract_id: string | null;
  contract_item_id: string | null;
  name: string;
  description: string | null;
  quantity: string;
  unit_code: string;
  unit_amount: string;
  discount_percent: string | null;
  net_amount: number;
  tax_category: TaxCategory;
  tax_rate: string;
  tax_rate_kind: RateKind | null;
  supply_kind: SupplyKind | null;
  period_start: string | null;
  period_end: string | null;
}

const DOCUMENT_COLUMNS = [
  'id',
  'organization_id',
  'contact_id',
  'type',
  'status',
  'number',
  'created_at',
  'type_code',
  'issue_date',
  'issued_at',
  'service_date',
  'service_period_start',
  'service_period_end',
  'due_date',
  'send_date',
  'currency',
  'language',
  'seller',
  'buyer',
  'branding',
  'allowances_charges',
  'preceding_document_id',
  'payment_terms',
  'payment_means',
  'notes',
  'line_net_total',
  'allowance_total',
  'charge_total',
  'tax_basis_total',
  'tax_total',
  'gross_total',
  'prepaid_amount',
  'amount_due',
  'tax_breakdown',
  'amount_paid',
  'amount_credited',
  'paid_at',
  'sent_at',
  'viewed_at',
  'finalized_at',
  'cancelled_at',
  'cancelled_by_document_id',
  'billing_run_id',
  'collective',
  'pdf_sha256',
  'xml_sha256',
  'metadata',
  'converted_from_document_id',
  'converted_to_document_id',
  'accepted_at',
  'declined_at',
  'expired_at',
  'decision',
  'version',
  'updated_at',
];

const LINE_COLUMNS = [
  'id',
  'organization_id',
  'document_id',
  'position',
  'article_id',
  'contract_id',
  'contract_item_id',
  'name',
  'description',
  'quantity',
  'unit_code',
  'unit_amount',
  'discount_percent',
  'net_amount',
  'tax_category',
  'tax_rate',
  'tax_rate_kind',
  'supply_kind',
  'period_start',
  'period_end',
];

/** A document of one family by id, optionally locked for the rest of the transaction. */
export async function findRow(
  ctx: Ctx,
  id: string,
  family: DocumentFamily,
  options: { lock?: boolean } = {},
): Promise<DocumentRow | undefined> {
  const q = scoped(ctx, 'documents')
    .select(DOCUMENT_COLUMNS)
    .where('id', id)
    .whereIn('type', FAMILY_TYPES[family]);
  if (options.lock) q.forUpdate();
  return q.first();
}

/** Several documents of one family (any order). */
export async function findRows(
  ctx: Ctx,
  ids: readonly string[],
  family: DocumentFamily,
): Promise<DocumentRow[]> {
  if (ids.length === 0) return [];
  return scoped(ctx, 'documents')
    .select(DOCUMENT_COLUMNS)
    .whereIn('id', [...ids])
    .whereIn('type', FAMILY_TYPES[family]);
}

/** Several documents of one family, locked in id order (a fixed order: two mergers never wait in a cycle). */
export async function lockRows(
  ctx: Ctx,
  ids: readonly string[],
  family: DocumentFamily,
): Promise<DocumentRow[]> {
  return scoped(ctx, 'documents')
    .select(DOCUMENT_COLUMNS)
    .whereIn('id', [...ids])
    .whereIn('type', FAMILY_TYPES[family])
    .orderBy('id')
    .forUpdate();
}

export async function linesOf(ctx: Ctx, documentIds: readonly string[]): Promise<Map<string, LineRow[]>> {
  const out = new Map<string, LineRow[]>(documentIds.map((id) => [id, []]));
  if (documentIds.length === 0) return out;
  const rows: LineRow[] = await scoped(ctx, 'document_lines')
    .select(LINE_COLUMNS)
    .whereIn('document_id', [...documentIds])
    .orderBy(['document_id', 'position']);
  for (const row of rows) out.get(row.document_id)!.push(row);
  return out;
}

function period(start: string | null, end: string | null) {
  return start && end ? { start, end } : null;
}

/** A unit price of minor units: an integer when it is one (`unitAmount`), always as text (`unitAmountDecimal`). */
function unitPrice(value: string): { unitAmount: number | null; unitAmountDecimal: string } {
  const trimmed = value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
  const n = Number(trimmed);
  return {
    unitAmount: /^-?\d+$/.test(trimmed) && Number.isSafeInteger(n) ? n : null,
    unitAmountDecimal: trimmed,
  };
}

export function toLine(row: LineRow): DocumentLineRecord {
  return {
    id: row.id,
    position: row.position,
    articleId: row.article_id,
    name: row.name,
    description: row.description,
    quantity: row.quantity,
    unitCode: row.unit_code,
    ...unitPrice(row.unit_amount),
    discountPercent: row.discount_percent,
    netAmount: row.net_amount,
    taxCategory: row.tax_category,
    taxRate: row.tax_rate,
    taxRateKind: row.tax_rate_kind,
    supplyKind: row.supply_kind,
    period: period(row.period_start, row.period_end),
    contractId: row.contract_id,
    contractItemId: row.contract_item_id,
  };
}

export function toDocument(row: DocumentRow, lines: readonly LineRow[]): Document {
  const quote = row.type === 'quote';
  return {
    id: row.id,
    type: row.type,
    typeCode: row.type_code ?? DEFAULT_TYPE_CODE[row.type],
    status: row.status,
    number: row.number,
    contactId: row.contact_id,
    currency: row.currency,
    language: row.language,
    issueDate: row.issue_date,
    serviceDate: row.service_date,
    servicePeriod: period(row.service_period_start, row.service_period_end),
    dueDate: quote ? null : row.due_date,
    validUntil: quote ? row.due_date : null,
    sendDate: row.send_date,
    lines: lines.map(toLine),
    notes: row.notes,
    lineNetTotal: row.line_net_total,
    allowanceTotal: row.allowance_total,
    chargeTotal: row.charge_total,
    taxBasisTotal: row.tax_basis_total,
    taxTotal: row.tax_total,
    grossTotal: row.gross_total,
    prepaidAmount: row.prepaid_amount,
    amountDue: row.amount_due,
    amountPaid: row.amount_paid,
    amountCredited: row.amount_credited,
    amountOpen: openAmount({
      type: row.type,
      status: row.status,
      amountDue: row.amount_due,
      amountCredited: row.amount_credited,
      amountPaid: row.amount_paid,
    }),
    taxBreakdown: row.tax_breakdown,
    seller: row.seller,
    buyer: row.buyer,
    paymentTerms: row.payment_terms,
    paymentMeans: row.payment_means,
    precedingDocumentId: row.preceding_document_id,
    cancelledByDocumentId: row.cancelled_by_document_id,
    convertedFromDocumentId: row.converted_from_document_id,
    convertedToDocumentId: row.converted_to_document_id,
    // answers recorded before the portal existed have no portal evidence
    decision: row.decision && { ip: null, userAgent: null, signatureSha256: null, ...row.decision },
    billingRunId: row.billing_run_id,
    collective: row.collective,
    pdfSha256: row.pdf_sha256,
    xmlSha256: row.xml_sha256,
    metadata: row.metadata,
    finalizedAt: row.finalized_at?.toISOString() ?? null,
    sentAt: row.sent_at?.toISOString() ?? null,
    viewedAt: row.viewed_at?.toISOString() ?? null,
    paidAt: row.paid_at?.toISOString() ?? null,
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * The issued document's complete data for rendering, exactly as frozen at finalize: snapshots, stored lines
 * and stored totals — nothing recomputed, so re-rendering gives the same bytes (GoBD).
 */
export function toDocumentData(
  row: DocumentRow,
  lines: readonly LineRow[],
  preceding: { number: string; issueDate: string } | null,
): DocumentData {
  if (!row.number || !row.issue_date || !row.seller || !row.buyer) {
    throw new Error(`document ${row.id} is not issued and has no complete data`);
  }
  return {
    type: row.type,
    typeCode: row.type_code ?? DEFAULT_TYPE_CODE[row.type],
    number: row.number,
    issueDate: row.issue_date,
    issuedAt: row.issued_at?.toISOString() ?? null,
    serviceDate: row.service_date,
    servicePeriod: period(row.service_period_start, row.service_period_end),
    dueDate: row.due_date,
    currency: row.currency,
    language: row.language,
    seller: row.seller,
    buyer: row.buyer,
    lines: lines.map((l) => ({
      position: l.position,
      name: l.name,
      description: l.description,
      quantity: l.quantity,
      unitCode: l.unit_code,
      unitAmount: l.unit_amount,
      discountPercent: l.discount_percent,
      netAmount: l.net_amount,
      taxCategory: l.tax_category,
      taxRate: l.tax_rate,
      period: period(l.period_start, l.period_end),
    })),
    allowancesCharges: row.allowances_charges,
    precedingDocument: preceding,
    paymentTerms: row.payment_terms,
    paymentMeans: row.payment_means,
    notes: row.notes,
    branding: row.branding ?? {},
    totals: {
      lineNetTotal: row.line_net_total,
      allowanceTotal: row.allowance_total,
      chargeTotal: row.charge_total,
      taxBasisTotal: row.tax_basis_total,
      taxTotal: row.tax_total,
      grossTotal: row.gross_total,
      prepaidAmount: row.prepaid_amount,
      amountDue: row.amount_due,
      taxBreakdown: row.tax_breakdown,
    },
  };
}

/** Number and issue date of the document another refers to (BG-3). */
export async function precedingOf(
  ctx: Ctx,
  row: DocumentRow,
): Promise<{ number: string; issueDate: string } | null> {
  if (!row.preceding_document_id) return null;
  const p: { number: string | null; issue_date: string | null } | undefined = await scoped(ctx, 'documents')
    .where('id', row.preceding_document_id)
    .first('number', 'issue_date');
  return p?.number && p.issue_date ? { number: p.number, issueDate: p.issue_date } : null;
}

/** knex sends objects as JSON only when stringified; arrays would otherwise become PostgreSQL arrays. */
export function json(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

export function lineRows(
  ctx: Ctx,
  documentId: string,
  lines: readonly PricedLine[],
  newId: () => string,
): LineRow[] {
  return lines.map((l) => ({
    id: l.id ?? newId(),
    organization_id: ctx.organizationId,
    document_id: documentId,
    position: l.position,
    article_id: l.articleId,
    contract_id: l.contractId,
    contract_item_id: l.contractItemId,
    name: l.name,
    description: l.description,
    quantity: l.quantity,
    unit_code: l.unitCode,
    unit_amount: l.unitAmount,
    discount_percent: l.discountPercent,
    net_amount: l.netAmount,
    tax_category: l.taxCategory,
    tax_rate: l.taxRate,
    tax_rate_kind: l.taxRateKind,
    supply_kind: l.supplyKind,
    period_start: l.period?.start ?? null,
    period_end: l.period?.end ?? null,
  }));
}

/** Replaces a draft's lines (the line trigger refuses this once the document is issued). */
export async function replaceLines(ctx: Ctx, documentId: string, rows: readonly LineRow[]): Promise<void> {
  await scoped(ctx, 'document_lines').where('document_id', documentId).delete();
  if (rows.length > 0) await ctx.db('document_lines').insert(rows);
}

/** Lists of one family with the filters of `GET /v1/invoices` (and credit notes, quotes). */
export function listQuery(ctx: Ctx, family: DocumentFamily, query: DocumentListQuery): Knex.QueryBuilder {
  const q = scoped(ctx, 'documents').select(DOCUMENT_COLUMNS);
  if (query.type && FAMILY_TYPES[family].includes(query.type)) q.where('type', query.type);
  else if (query.type) q.whereRaw('false');
  else q.whereIn('type', FAMILY_TYPES[family]);
  if (query.status) q.where('status', query.status);
  if (query.contactId) q.where('contact_id', query.contactId);
  if (query.createdGte) q.where('created_at', '>=', query.createdGte);
  if (query.createdLte) q.where('created_at', '<=', query.createdLte);
  if (query.issueDateGte) q.where('issue_date', '>=', query.issueDateGte);
  if (query.issueDateLte) q.where('issue_date', '<=', query.issueDateLte);
  if (query.needsAttention === true) q.where('status', 'draft').whereNull('send_date');
  else if (query.needsAttention === false)
    q.where((w) => w.whereNot('status', 'draft').orWhereNotNull('send_date'));
  if (query.q) q.where('number', 'ilike', `%${query.q.replace(/[\\%_]/g, '\\$&')}%`);
  return applyCursor(q, query);
}

export type StoredFileKind = 'pdf' | 'xrechnung-cii' | 'xrechnung-ubl' | 'zugferd';

export interface StoredFile {
  kind: StoredFileKind;
  content: Buffer;
  sha256: string;
}

export async function findFile(
  ctx: Ctx,
  documentId: string,
  kind: StoredFileKind,
): Promise<StoredFile | undefined> {
  return scoped(ctx, 'document_files')
    .where({ document_id: documentId, kind })
    .first('kind', 'content', 'sha256');
}

export async function storedKinds(ctx: Ctx, documentId: string): Promise<Set<StoredFileKind>> {
  return new Set(await scoped(ctx, 'document_files').where('document_id', documentId).pluck('kind'));
}

/**
 * Stores rendered files once (append-only table, GoBD) and records the PDF's and the CII's SHA-256 on the
 * document, in ONE statement (the render worker's hot path). A file someone stored first wins: rendering is
 * deterministic, so it holds the same bytes.
 */
export async function storeFiles(
  ctx: Ctx,
  documentId: string,
  files: readonly StoredFile[],
  now: Date,
): Promise<void> {
  await storeFilesOfMany(ctx, [{ documentId, files }], now);
}

/**
 * `storeFiles` for many documents in ONE statement: the files of a whole render batch, and the hashes on each
 * document, commit together (one commit, one WAL flush, for the batch).
 */
export async function storeFilesOfMany(
  ctx: Ctx,
  documents: readonly { documentId: string; files: readonly StoredFile[] }[],
  now: Date,
): Promise<void> {
  const files = documents.flatMap((d) => d.files.map((f) => ({ documentId: d.documentId, file: f })));
  if (files.length === 0) return;
  const values = files.map(() => '(?::text, ?::text, ?::text, ?::bytea, ?::text, ?::timestamptz)').join(', ');
  const bindings: Knex.RawBinding[] = files.flatMap(({ documentId, file }) => [
    ctx.organizationId,
    documentId,
    file.kind,
    file.content,
    file.sha256,
    now,
  ]);
  const insert = `INSERT INTO document_files (organization_id, document_id, kind, content, sha256, created_at)
    VALUES ${values} ON CONFLICT (organization_id, document_id, kind) DO NOTHING`;
  const hashes = documents.flatMap((d) => {
    const pdf = d.files.find((f) => f.kind === 'pdf');
    const cii = d.files.find((f) => f.kind === 'xrechnung-cii');
    return pdf || cii ? [{ id: d.documentId, pdf: pdf?.sha256 ?? null, cii: cii?.sha256 ?? null }] : [];
  });
  if (hashes.length === 0) {
    await ctx.db.raw(insert, bindings);
    return;
  }
  // a data-modifying WITH always runs to completion, whether or not the UPDATE reads it
  await ctx.db.raw(
    `WITH stored AS (${insert})
     UPDATE documents d SET pdf_sha256 = coalesce(d.pdf_sha256, h.pdf), xml_sha256 = coalesce(d.xml_sha256, h.cii)
       FROM (VALUES ${hashes.map(() => '(?::text, ?::text, ?::text)').join(', ')}) AS h (id, pdf, cii)
      WHERE d.organization_id = ? AND d.id = h.id`,
    [...bindings, ...hashes.flatMap((h) => [h.id, h.pdf, h.cii]), ctx.organizationId],
  );
}

/** The stored files of one kind of many documents, in one statement (the PDFs a ZUGFeRD file embeds). */
export async function filesOf(
  ctx: Ctx,
  documentIds: readonly string[],
  kind: StoredFileKind,
): Promise<Map<string, StoredFile>> {
  if (documentIds.length === 0) return new Map();
  const rows: (StoredFile & { document_id: string })[] = await scoped(ctx, 'document_files')
    .whereIn('document_id', [...documentIds])
    .where('kind', kind)
    .select('document_id', 'kind', 'content', 'sha256');
  return new Map(rows.map(({ document_id, ...file }) => [document_id, file]));
}

/** What rendering an issued document needs (`loadForRender`). */
export interface RenderSource {
  row: DocumentRow;
  lines: LineRow[];
  preceding: { number: string; issueDate: string } | null;
  stored: Set<StoredFileKind>;
}

/**
 * Everything rendering an issued document needs, in one round trip: the document, its lines (numeric values
 * as their exact text, as the column parser gives them elsewhere — rendering must see the same data on every
 * path), the number and date of the document it refers to, and the kinds of file already stored.
 */
export async function loadForRender(ctx: Ctx, id: string): Promise<RenderSource | null> {
  return (await loadForRenderMany(ctx, [id])).get(id) ?? null;
}

/** `loadForRender` for a whole render batch in ONE statement; ids not found (or another tenant's) are absent. */
export async function loadForRenderMany(
  ctx: Ctx,
  ids: readonly string[],
): Promise<Map<string, RenderSource>> {
  const out = new Map<string, RenderSource>();
  if (ids.length === 0) return out;
  const result = await ctx.db.raw<{
    rows: (DocumentRow & {
      lines_json: LineRow[];
      stored_kinds: StoredFileKind[];
      preceding_number: string | null;
      preceding_issue_date: string | null;
    })[];
  }>(
    `SELECT d.*,
       coalesce((SELECT json_agg(json_build_object(
           'id', l.id, 'organization_id', l.organization_id, 'document_id', l.document_id, 'position', l.position,
           'article_id', l.article_id, 'contract_id', l.contract_id, 'contract_item_id', l.contract_item_id,
           'name', l.name, 'description', l.description, 'quantity', l.quantity::text, 'unit_code', l.unit_code,
           'unit_amount', l.unit_amount::text, 'discount_percent', l.discount_percent::text, 'net_amount', l.net_amount,
           'tax_category', l.tax_category, 'tax_rate', l.tax_rate::text, 'tax_rate_kind', l.tax_rate_kind,
           'supply_kind', l.supply_kind, 'period_start', l.period_start::text, 'period_end', l.period_end::text)
           ORDER BY l.position)
         FROM document_lines l WHERE l.organization_id = d.organization_id AND l.document_id = d.id), '[]') AS lines_json,
       (SELECT coalesce(array_agg(f.kind), '{}') FROM document_files f
         WHERE f.organization_id = d.organization_id AND f.document_id = d.id) AS stored_kinds,
       p.number AS preceding_number, p.issue_date AS preceding_issue_date
     FROM documents d
     LEFT JOIN documents p ON p.organization_id = d.organization_id AND p.id = d.preceding_document_id
     WHERE d.organization_id = ? AND d.id = ANY(?::text[])`,
    [ctx.organizationId, [...ids]],
  );
  for (const found of result.rows) {
    const { lines_json, stored_kinds, preceding_number, preceding_issue_date, ...row } = found;
    out.set(row.id, {
      row: row as DocumentRow,
      lines: lines_json,
      preceding:
        preceding_number && preceding_issue_date
          ? { number: preceding_number, issueDate: preceding_issue_date }
          : null,
      stored: new Set(stored_kinds),
    });
  }
  return out;
}
