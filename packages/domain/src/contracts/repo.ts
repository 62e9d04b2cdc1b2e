import type { PriceModel } from '../billing/pricing';
import { minimumTermEnd } from '../billing/terms';
import { type Ctx, scoped } from '../context';
import { applyCursor } from '../pagination';
import { termsOf } from './rules';
import type {
  Contract,
  ContractCharge,
  ContractItem,
  ContractListQuery,
  ContractPause,
  InstallmentPlan,
  PriceChange,
} from './types';

// pg returns `date` columns as text (packages/db sets the type parser), so dates stay calendar dates here.

export interface ContractRow {
  id: string;
  organization_id: string;
  contact_id: string;
  description: string | null;
  status: Contract['status'];
  currency: string;
  interval_months: number;
  timing: Contract['timing'];
  start_date: string;
  end_date: string | null;
  billing_anchor_day: number | null;
  minimum_term_months: number;
  notice_period_amount: number | null;
  notice_period_unit: 'days' | 'months' | null;
  renewal_term_months: number | null;
  proration: Contract['proration'];
  change_timing: Contract['changeTiming'];
  payment_method: Contract['paymentMethod'];
  collective: boolean;
  auto_send: boolean;
  cancellation: Contract['cancellation'];
  cancelled_at: Date | null;
  ended_at: Date | null;
  metadata: Record<string, string>;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface ItemRow {
  id: string;
  contract_id: string;
  position: number;
  article_id: string | null;
  name: string;
  description: string | null;
  quantity: string;
  unit_code: string;
  price_model: PriceModel;
  price_overridden: boolean;
  discount_percent: string | null;
  tax_rate_kind: ContractItem['taxRateKind'];
  supply_kind: ContractItem['supplyKind'];
  starts_on: string | null;
  ends_on: string | null;
}

export interface PriceChangeRow {
  id: string;
  contract_id: string;
  contract_item_id: string | null;
  kind: PriceChange['kind'];
  price_model: PriceModel | null;
  percent: string | null;
  effective_date: string;
  announced_on: string | null;
  created_at: Date;
}

export interface PauseRow {
  id: string;
  contract_id: string;
  starts_on: string;
  ends_on: string | null;
}

export interface PlanRow {
  id: string;
  contract_id: string;
  name: string;
  total: string;
  count: number;
  interval_months: number;
  first_due_on: string;
  tax_rate_kind: InstallmentPlan['taxRateKind'];
  supply_kind: InstallmentPlan['supplyKind'];
  created_at: Date;
}

export interface ChargeRow {
  id: string;
  contract_id: string;
  installment_plan_id: string | null;
  kind: ContractCharge['kind'];
  name: string;
  amount: string;
  due_on: string;
  period_start: string | null;
  period_end: string | null;
  tax_rate_kind: ContractItem['taxRateKind'];
  supply_kind: ContractItem['supplyKind'];
  billed_at: Date | null;
  document_id: string | null;
}

export const CONTRACT_COLUMNS = [
  'id',
  'organization_id',
  'contact_id',
  'description',
  'status',
  'currency',
  'interval_months',
  'timing',
  'start_date',
  'end_date',
  'billing_anchor_day',
  'minimum_term_months',
  'notice_period_amount',
  'notice_period_unit',
  'renewal_term_months',
  'proration',
  'change_timing',
  'payment_method',
  'collective',
  'auto_send',
  'cancellation',
  'cancelled_at',
  'ended_at',
  'metadata',
  'version',
  'created_at',
  'updated_at',
];

const ITEM_COLUMNS = [
  'id',
  'contract_id',
  'position',
  'article_id',
  'name',
  'description',
  'quantity',
  'unit_code',
  'price_model',
  'price_overridden',
  'discount_percent',
  'tax_rate_kind',
  'supply_kind',
  'starts_on',
  'ends_on',
];

/** The children of some contracts, each list ordered for display. */
export interface Children {
  items: ItemRow[];
  priceChanges: PriceChangeRow[];
  pauses: PauseRow[];
  plans: PlanRow[];
  charges: ChargeRow[];
}

export async function contractRows(ctx: Ctx, ids: readonly string[]): Promise<ContractRow[]> {
  if (ids.length === 0) return [];
  return scoped(ctx, 'contracts').select(CONTRACT_COLUMNS).whereIn('id', ids);
}

export async function itemRows(ctx: Ctx, contractIds: readonly string[]): Promise<ItemRow[]> {
  return scoped(ctx, 'contract_items')
    .select(ITEM_COLUMNS)
    .whereIn('contract_id', contractIds)
    .orderBy([{ column: 'contract_id' }, { column: 'starts_on', nulls: 'first' }, { column: 'position' }]);
}

export async function priceChangeRows(ctx: Ctx, contractIds: readonly string[]): Promise<PriceChangeRow[]> {
  return scoped(ctx, 'contract_price_changes')
    .select(
      'id',
      'contract_id',
      'contract_item_id',
      'kind',
      'price_model',
      'percent',
      'effective_date',
      'announced_on',
      'created_at',
    )
    .whereIn('contract_id', contractIds)
    .orderBy(['effective_date', 'id']);
}

export async function pauseRows(ctx: Ctx, contractIds: readonly string[]): Promise<PauseRow[]> {
  return scoped(ctx, 'contract_pauses')
    .select('id', 'contract_id', 'starts_on', 'ends_on')
    .whereIn('contract_id', contractIds)
    .orderBy(['starts_on', 'id']);
}

export async function planRows(ctx: Ctx, contractIds: readonly string[]): Promise<PlanRow[]> {
  return scoped(ctx, 'contract_installment_plans')
    .select(
      'id',
      'contract_id',
      'name',
      'total',
      'count',
      'interval_months',
      'first_due_on',
      'tax_rate_kind',
      'supply_kind',
      'created_at',
    )
    .whereIn('contract_id', contractIds)
    .orderBy('id');
}

const CHARGE_COLUMNS = [
  'id',
  'contract_id',
  'installment_plan_id',
  'kind',
  'name',
  'amount',
  'due_on',
  'period_start',
  'period_end',
  'tax_rate_kind',
  'supply_kind',
  'billed_at',
  'document_id',
];

/** One-off charges of the contracts; `openDueBy` keeps only unbilled ones due on or before that day. */
export async function chargeRows(
  ctx: Ctx,
  contractIds: readonly string[],
  options: { openDueBy?: string } = {},
): Promise<ChargeRow[]> {
  const q = scoped(ctx, 'contract_charges').select(CHARGE_COLUMNS).whereIn('contract_id', contractIds);
  if (options.openDueBy) q.whereNull('billed_at').where('due_on', '<=', options.openDueBy);
  return q.orderBy(['due_on', 'id']);
}

export async function children(ctx: Ctx, contractIds: readonly string[]): Promise<Children> {
  if (contractIds.length === 0) return { items: [], priceChanges: [], pauses: [], plans: [], charges: [] };
  // one after the other: inside a transaction they share one connection anyway (pg queues, and pg 9 refuses
  // overlapping queries on a client)
  const items = await itemRows(ctx, contractIds);
  const priceChanges = await priceChangeRows(ctx, contractIds);
  const pauses = await pauseRows(ctx, contractIds);
  const plans = await planRows(ctx, contractIds);
  const charges = await chargeRows(ctx, contractIds);
  return { items, priceChanges, pauses, plans, charges };
}

export function toItem(row: ItemRow): ContractItem {
  return {
    id: row.id,
    position: row.position,
    articleId: row.article_id,
    name: row.name,
    description: row.description,
    quantity: row.quantity,
    unitCode: row.unit_code,
    priceModel: row.price_model,
    priceOverridden: row.price_overridden,
    discountPercent: row.discount_percent,
    taxRateKind: row.tax_rate_kind,
    supplyKind: row.supply_kind,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
  };
}

export function toPriceChange(row: PriceChangeRow): PriceChange {
  return {
    id: row.id,
    itemId: row.contract_item_id,
    kind: row.kind,
    priceModel: row.price_model,
    percent: row.percent,
    effectiveDate: row.effective_date,
    announcedOn: row.announced_on,
    createdAt: row.created_at.toISOString(),
  };
}

export function toPause(row: PauseRow): ContractPause {
  return { id: row.id, startsOn: row.starts_on, endsOn: row.ends_on };
}

export function toCharge(row: ChargeRow): ContractCharge {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    amount: Number(row.amount),
    dueDate: row.due_on,
    period: row.period_start && row.period_end ? { start: row.period_start, end: row.period_end } : null,
    billed: row.billed_at !== null,
    documentId: row.document_id,
  };
}

function group<T extends { contract_id: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.contract_id);
    if (list) list.push(row);
    else map.set(row.contract_id, [row]);
  }
  return map;
}

/** Contracts as the API returns them, with their children, in the order of `rows`. */
export function toContracts(rows: ContractRow[], kids: Children): Contract[] {
  const items = group(kids.items);
  const changes = group(kids.priceChanges);
  const pauses = group(kids.pauses);
  const plans = group(kids.plans);
  const charges = group(kids.charges);
  return rows.map((row) => {
    const own = charges.get(row.id) ?? [];
    const noticePeriod =
      row.notice_period_amount !== null && row.notice_period_unit !== null
        ? { amount: row.notice_period_amount, unit: row.notice_period_unit }
        : null;
    const terms = termsOf({
      minimumTermMonths: row.minimum_term_months,
      noticePeriod,
      renewalTermMonths: row.renewal_term_months,
    });
    return {
      id: row.id,
      contactId: row.contact_id,
      description: row.description,
      status: row.status,
      currency: row.currency,
      intervalMonths: row.interval_months,
      timing: row.timing,
      startDate: row.start_date,
      endDate: row.end_date,
      billingAnchorDay: row.billing_anchor_day,
      minimumTermMonths: row.minimum_term_months,
      noticePeriod,
      renewalTermMonths: row.renewal_term_months,
      proration: row.proration,
      changeTiming: row.change_timing,
      paymentMethod: row.payment_method,
      collective: row.collective,
      autoSend: row.auto_send,
      items: (items.get(row.id) ?? []).map(toItem),
      priceChanges: (changes.get(row.id) ?? []).map(toPriceChange),
      pauses: (pauses.get(row.id) ?? []).map(toPause),
      installmentPlans: (plans.get(row.id) ?? []).map((plan) => ({
        id: plan.id,
        name: plan.name,
        total: Number(plan.total),
        count: plan.count,
        intervalMonths: plan.interval_months,
        firstDueDate: plan.first_due_on,
        taxRateKind: plan.tax_rate_kind,
        supplyKind: plan.supply_kind,
        installments: own
          .filter((c) => c.installment_plan_id === plan.id)
          .map((c, i) => ({
            number: i + 1,
            dueDate: c.due_on,
            amount: Number(c.amount),
            billed: c.billed_at !== null,
            documentId: c.document_id,
          })),
        createdAt: plan.created_at.toISOString(),
      })),
      pendingCharges: own.filter((c) => c.billed_at === null).map(toCharge),
      cancellation: row.cancellation,
      minimumTermEnd: minimumTermEnd(row.start_date, terms),
      metadata: row.metadata,
      version: row.version,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  });
}

export async function loadMany(ctx: Ctx, ids: readonly string[]): Promise<Contract[]> {
  const rows = await contractRows(ctx, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = ids.map((id) => byId.get(id)).filter((r): r is ContractRow => r !== undefined);
  return toContracts(
    ordered,
    await children(
      ctx,
      ordered.map((r) => r.id),
    ),
  );
}

export async function listRows(ctx: Ctx, query: ContractListQuery): Promise<ContractRow[]> {
  const q = scoped(ctx, 'contracts').select(CONTRACT_COLUMNS);
  if (query.status) q.where('status', query.status);
  if (query.contactId) q.where('contact_id', query.contactId);
  return applyCursor(q, query);
}

/** knex sends JS arrays as PostgreSQL arrays; JSON columns get their text. */
export function json(value: unknown): string {
  return JSON.stringify(value);
}
