import { checkTaxFields, normalisePriceModel } from '../articles/rules';
import * as articleService from '../articles/service';
import type { Article } from '../articles/types';
import * as audit from '../audit/service';
import { addDays, compareDates, isDate } from '../billing/dates';
import type { PriceModel } from '../billing/pricing';
import {
  cancellationEndDate,
  changeOutcome,
  checkPriceChange,
  type ItemPrice,
  installmentPlan,
  type PriceChange as TermsPriceChange,
} from '../billing/terms';
import { calendarDate } from '../clock';
import { type Ctx, inTransaction, scoped } from '../context';
import { DomainError, FieldErrors, notFound, versionMismatch } from '../errors';
import * as events from '../events/service';
import { newId } from '../ids';
import * as organizations from '../organizations/service';
import { type Page, toPage } from '../pagination';
import * as mrrReports from '../reports/mrr-service';
import * as repo from './repo';
import {
  billsTheSame,
  type ContractDraft,
  checkContractDraft,
  dayBefore,
  type ItemDraft,
  resolveItems,
  scheduleOf,
  termsOf,
} from './rules';
import type {
  CancelInput,
  Contract,
  ContractInput,
  ContractItem,
  ContractListQuery,
  ContractUpdateInput,
  InstallmentPlanInput,
  PauseInput,
  PriceChangeInput,
  ResumeInput,
} from './types';

/** The organisation's calendar day on its clock (a sandbox's test clock included). */
export async function today(ctx: Ctx): Promise<string> {
  const org = await organizations.get(ctx);
  return calendarDate(ctx.clock.now(), org.timezone);
}

export async function get(ctx: Ctx, id: string): Promise<Contract> {
  const [contract] = await repo.loadMany(ctx, [id]);
  if (!contract) throw notFound('contract', id);
  return contract;
}

/** For batched loading (GraphQL): contracts in the order of `ids`, undefined where none exists. */
export async function getMany(ctx: Ctx, ids: readonly string[]): Promise<(Contract | undefined)[]> {
  const found = new Map((await repo.loadMany(ctx, [...new Set(ids)])).map((c) => [c.id, c]));
  return ids.map((id) => found.get(id));
}

export async function list(ctx: Ctx, query: ContractListQuery): Promise<Page<Contract>> {
  const rows = await repo.listRows(ctx, query);
  const page = toPage(rows, query, (row) => row);
  const contracts = repo.toContracts(
    page.data,
    await repo.children(
      ctx,
      page.data.map((r) => r.id),
    ),
  );
  return { ...page, data: contracts };
}

/** The contact must exist and not be archived; FOR KEY SHARE keeps it from being deleted until commit. */
async function checkContact(
  tx: Ctx,
  contactId: string,
  errors: FieldErrors,
): Promise<{ currency: string } | null> {
  const contact = await scoped(tx, 'contacts')
    .where('id', contactId)
    .forKeyShare()
    .first('id', 'currency', 'archived_at');
  if (!contact) errors.add('contactId', 'contact_not_found', `no contact '${contactId}'`);
  else if (contact.archived_at)
    errors.add('contactId', 'contact_archived', 'archived contacts are not billed');
  return contact ?? null;
}

async function articlesFor(
  tx: Ctx,
  inputs: readonly { articleId?: string | null }[],
): Promise<Map<string, Article>> {
  const ids = [
    ...new Set(inputs.map((i) => i.articleId).filter((id): id is string => typeof id === 'string')),
  ];
  const found = await articleService.getMany(tx, ids);
  return new Map(found.filter((a): a is Article => a !== undefined).map((a) => [a.id, a]));
}

function contractColumns(draft: ContractDraft) {
  return {
    contact_id: draft.contactId,
    description: draft.description,
    currency: draft.currency,
    interval_months: draft.intervalMonths,
    timing: draft.timing,
    start_date: draft.startDate,
    end_date: draft.endDate,
    billing_anchor_day: draft.billingAnchorDay,
    minimum_term_months: draft.minimumTermMonths,
    notice_period_amount: draft.noticePeriod?.amount ?? null,
    notice_period_unit: draft.noticePeriod?.unit ?? null,
    renewal_term_months: draft.renewalTermMonths,
    proration: draft.proration,
    change_timing: draft.changeTiming,
    payment_method: draft.paymentMethod,
    collective: draft.collective,
    auto_send: draft.autoSend,
    metadata: repo.json(draft.metadata),
  };
}

function itemRow(tx: Ctx, contractId: string, item: ItemDraft, startsOn: string | null, now: Date) {
  return {
    id: newId('contractItem'),
    organization_id: tx.organizationId,
    contract_id: contractId,
    position: item.position,
    article_id: item.articleId,
    name: item.name,
    description: item.description,
    quantity: item.quantity,
    unit_code: item.unitCode,
    price_model: repo.json(item.priceModel),
    price_overridden: item.priceOverridden,
    discount_percent: item.discountPercent,
    tax_rate_kind: item.taxRateKind,
    supply_kind: item.supplyKind,
    starts_on: startsOn,
    ends_on: null,
    created_at: now,
  };
}

/**
 * Every change of a contract writes its event and its audit entry (DOMAIN.md §3) in the change's
 * transaction; the audit append is the transaction's last write (see audit.recordMany).
 */
async function changed(tx: Ctx, type: string, before: Contract | null, contract: Contract): Promise<void> {
  // the customer's MRR entries follow every change in its transaction (DOMAIN.md §8, reports/mrr-service)
  await mrrReports.contractChanged(tx, before, contract);
  await events.emit(tx, type, { ...contract });
  await audit.record(tx, {
    action: type,
    resourceType: 'contract',
    resourceId: contract.id,
    before,
    after: contract,
  });
}

/** Writes a change of an existing contract: its columns with the next version, then its event and audit entry. */
async function commitChange(
  tx: Ctx,
  type: string,
  current: Contract,
  columns: Record<string, unknown>,
  now: Date,
): Promise<Contract> {
  await scoped(tx, 'contracts')
    .where('id', current.id)
    .update({ ...columns, version: current.version + 1, updated_at: now });
  const contract = await reload(tx, current.id);
  await changed(tx, type, current, contract);
  return contract;
}

async function reload(tx: Ctx, id: string): Promise<Contract> {
  return (await repo.loadMany(tx, [id]))[0]!;
}

export async function create(ctx: Ctx, input: ContractInput): Promise<Contract> {
  const day = await today(ctx);
  return inTransaction(ctx, async (tx) => {
    const errors = new FieldErrors();
    if (!input.contactId) errors.add('contactId', 'required', 'a contract belongs to a contact');
    const contact = input.contactId ? await checkContact(tx, input.contactId, errors) : null;
    const org = await organizations.get(tx);
    const draft: ContractDraft = {
      contactId: input.contactId ?? '',
      description: input.description ?? null,
      currency: input.currency ?? contact?.currency ?? org.currency,
      intervalMonths: input.intervalMonths ?? 1,
      timing: input.timing ?? 'in_advance',
      startDate: input.startDate ?? day,
      endDate: input.endDate ?? null,
      billingAnchorDay: input.billingAnchorDay ?? null,
      minimumTermMonths: input.minimumTermMonths ?? 0,
      noticePeriod: input.noticePeriod ?? null,
      renewalTermMonths: input.renewalTermMonths ?? null,
      proration: input.proration ?? 'none',
      changeTiming: input.changeTiming ?? 'next_period',
      paymentMethod: input.paymentMethod ?? null,
      collective: input.collective ?? false,
      autoSend: input.autoSend ?? false,
      metadata: input.metadata ?? {},
    };
    checkContractDraft(draft, errors);
    const itemInputs = input.items ?? [];
    if (itemInputs.length === 0) errors.add('items', 'required', 'a contract needs at least one item');
    const items = resolveItems(itemInputs, await articlesFor(tx, itemInputs), draft.currency, errors);
    errors.throwIfAny();

    const now = tx.clock.now();
    const id = newId('contract');
    await tx.db('contracts').insert({
      id,
      organization_id: tx.organizationId,
      ...contractColumns(draft),
      status: 'active',
      created_at: now,
      updated_at: now,
    });
    await tx.db('contract_items').insert(items.map((item) => itemRow(tx, id, item, null, now)));
    const contract = await reload(tx, id);
    await changed(tx, 'contract.created', null, contract);
    return contract;
  });
}

/** Locks the contract row (a concurrent change waits, then sees the new version) and checks If-Match. */
async function lockForChange(tx: Ctx, id: string, expectedVersion?: number): Promise<Contract> {
  const locked = await scoped(tx, 'contracts').where('id', id).forUpdate().first('version');
  if (!locked) throw notFound('contract', id);
  if (expectedVersion !== undefined && expectedVersion !== locked.version) {
    throw versionMismatch('contract', expectedVersion, locked.version);
  }
  return reload(tx, id);
}

function refuseWhenEnded(contract: Contract): void {
  if (contract.status === 'ended') {
    throw new DomainError('conflict', 'contract_ended', 'The contract has ended; it can no longer change.');
  }
}

/** True once any period or one-off charge of the contract has been billed. */
async function hasBilled(tx: Ctx, id: string): Promise<boolean> {
  const period = await scoped(tx, 'billed_periods').where('contract_id', id).first('period_start');
  if (period) return true;
  const charge = await scoped(tx, 'contract_charges')
    .where('contract_id', id)
    .whereNotNull('billed_at')
    .first('id');
  return charge !== undefined;
}

/** The calendar of billed periods keys on the period grid: once billed, the grid must not move. */
const GRID_FIELDS = [
  'contactId',
  'currency',
  'intervalMonths',
  'timing',
  'startDate',
  'billingAnchorDay',
] as const;

/**
 * Changes a contract. Items given replace the open items (give an item's `id` to keep or change it). Once
 * the contract has been billed, a change of what an item bills takes effect by the change timing
 * (DOMAIN.md §6): `next_period` — the old item ends before the next period and the new one starts with it;
 * `immediate_prorated` — the new one starts today, and the unused rest of the current period is credited at
 * the old price and charged at the new one (billed by the next run). Name and text changes apply in place.
 */
export async function update(
  ctx: Ctx,
  id: string,
  patch: ContractUpdateInput,
  expectedVersion?: number,
): Promise<Contract> {
  const day = await today(ctx);
  return inTransaction(ctx, async (tx) => {
    const current = await lockForChange(tx, id, expectedVersion);
    refuseWhenEnded(current);
    const billed = await hasBilled(tx, id);
    const errors = new FieldErrors();
    const draft: ContractDraft = {
      contactId: patch.contactId ?? current.contactId,
      description: patch.description === undefined ? current.description : patch.description,
      currency: patch.currency ?? current.currency,
      intervalMonths: patch.intervalMonths ?? current.intervalMonths,
      timing: patch.timing ?? current.timing,
      startDate: patch.startDate ?? current.startDate,
      endDate: patch.endDate === undefined ? current.endDate : patch.endDate,
      billingAnchorDay:
        patch.billingAnchorDay === undefined ? current.billingAnchorDay : patch.billingAnchorDay,
      minimumTermMonths: patch.minimumTermMonths ?? current.minimumTermMonths,
      noticePeriod: patch.noticePeriod === undefined ? current.noticePeriod : patch.noticePeriod,
      renewalTermMonths:
        patch.renewalTermMonths === undefined ? current.renewalTermMonths : patch.renewalTermMonths,
      proration: patch.proration ?? current.proration,
      changeTiming: patch.changeTiming ?? current.changeTiming,
      paymentMethod: patch.paymentMethod === undefined ? current.paymentMethod : patch.paymentMethod,
      collective: patch.collective ?? current.collective,
      autoSend: patch.autoSend ?? current.autoSend,
      metadata: patch.metadata ?? current.metadata,
    };
    if (billed) {
      const moved = GRID_FIELDS.filter((field) => draft[field] !== current[field]);
      if (moved.length > 0) {
        throw new DomainError(
          'conflict',
          'contract_already_billed',
          `The contract has been billed, so ${moved.join(', ')} can no longer change; end it and start a new one.`,
          {
            errors: moved.map((path) => ({
              path,
              code: 'contract_already_billed',
              message: 'fixed once billed',
            })),
          },
        );
      }
      const lastBilled = await lastBilledEnd(tx, id);
      if (draft.endDate && lastBilled && compareDates(draft.endDate, lastBilled) < 0) {
        errors.add(
          'endDate',
          'end_date_before_billed_period',
          `periods up to ${lastBilled} are already billed`,
        );
      }
    }
    if (draft.contactId !== current.contactId) await checkContact(tx, draft.contactId, errors);
    checkContractDraft(draft, errors);
    const openItems = current.items.filter((item) => item.endsOn === null);
    let items: ItemDraft[] | null = null;
    if (patch.items !== undefined) {
      if (patch.items.length === 0) errors.add('items', 'required', 'a contract needs at least one item');
      items = resolveItems(
        patch.items,
        await articlesFor(tx, patch.items),
        draft.currency,
        errors,
        new Map(openItems.map((item) => [item.id, item])),
      );
    }
    errors.throwIfAny();

    const now = tx.clock.now();
    if (items) {
      // Once the contract has begun, its past is history even before the first bill: an in-arrears period
      // under way (or one due but not yet run) was delivered at the old terms, so the change timing decides
      // from when the new ones apply. Only a contract that has not begun is simply edited.
      if (billed || compareDates(day, draft.startDate) > 0)
        await changeItems(
          tx,
          current,
          draft,
          openItems,
          items,
          patch.applyChange ?? draft.changeTiming,
          day,
          now,
        );
      else await replaceItems(tx, current, items, now);
    }
    return commitChange(tx, 'contract.updated', current, contractColumns(draft), now);
  });
}

/** Before the contract begins nothing is history yet: items are replaced in place. */
async function replaceItems(tx: Ctx, current: Contract, items: ItemDraft[], now: Date): Promise<void> {
  const keep = new Set(items.map((i) => i.id).filter((x): x is string => x !== undefined));
  const drop = current.items.filter((item) => !keep.has(item.id)).map((item) => item.id);
  if (drop.length > 0) await scoped(tx, 'contract_items').whereIn('id', drop).delete();
  for (const item of items) {
    if (item.id) await scoped(tx, 'contract_items').where('id', item.id).update(itemUpdate(item));
  }
  const added = items.filter((item) => !item.id).map((item) => itemRow(tx, current.id, item, null, now));
  if (added.length > 0) await tx.db('contract_items').insert(added);
}

function itemUpdate(item: ItemDraft) {
  return {
    position: item.position,
    article_id: item.articleId,
    name: item.name,
    description: item.description,
    quantity: item.quantity,
    unit_code: item.unitCode,
    price_model: repo.json(item.priceModel),
    price_overridden: item.priceOverridden,
    discount_percent: item.discountPercent,
    tax_rate_kind: item.taxRateKind,
    supply_kind: item.supplyKind,
  };
}

const priceOf = (item: Pick<ContractItem, 'priceModel' | 'quantity' | 'discountPercent'>): ItemPrice => ({
  priceModel: item.priceModel,
  quantity: item.quantity,
  discountPercent: item.discountPercent ?? undefined,
});

/** Item versions for a billed contract (see `update`). */
async function changeItems(
  tx: Ctx,
  current: Contract,
  draft: ContractDraft,
  openItems: ContractItem[],
  items: ItemDraft[],
  timing: NonNullable<ContractUpdateInput['applyChange']>,
  day: string,
  now: Date,
): Promise<void> {
  const schedule = scheduleOf(draft, current.pauses);
  const effectiveFrom = (from: ItemPrice, to: ItemPrice) => changeOutcome(schedule, timing, day, from, to);
  const charges: Record<string, unknown>[] = [];
  const addCharges = (
    item: Pick<ContractItem, 'name' | 'taxRateKind' | 'supplyKind'>,
    lines: ReturnType<typeof effectiveFrom>['lines'],
  ) => {
    for (const line of lines) {
      charges.push({
        id: newId('contractCharge'),
        organization_id: tx.organizationId,
        contract_id: current.id,
        kind: line.kind === 'credit' ? 'proration_credit' : 'proration_charge',
        name: item.name,
        amount: line.amount,
        due_on: day,
        period_start: line.start,
        period_end: line.end,
        tax_rate_kind: item.taxRateKind,
        supply_kind: item.supplyKind,
        created_at: now,
      });
    }
  };
  const byId = new Map(openItems.map((item) => [item.id, item]));
  const kept = new Set(items.map((i) => i.id).filter((x): x is string => x !== undefined));
  // the version that starts later than the change date needs no history: it is changed or dropped in place
  const startsLater = (item: ContractItem, from: string) =>
    item.startsOn !== null && compareDates(item.startsOn, from) >= 0;

  for (const old of openItems) {
    if (kept.has(old.id)) continue;
    const outcome = effectiveFrom(priceOf(old), priceOf(old));
    if (startsLater(old, outcome.effectiveFrom)) {
      await scoped(tx, 'contract_items').where('id', old.id).delete();
    } else {
      await scoped(tx, 'contract_items')
        .where('id', old.id)
        .update({ ends_on: dayBefore(outcome.effectiveFrom) });
      addCharges(
        old,
        outcome.lines.filter((l) => l.kind === 'credit'),
      );
    }
  }
  for (const item of items) {
    const old = item.id ? byId.get(item.id) : undefined;
    if (old && billsTheSame(item, { ...old })) {
      await scoped(tx, 'contract_items').where('id', old.id).update(itemUpdate(item));
      continue;
    }
    const outcome = effectiveFrom(old ? priceOf(old) : priceOf(item), priceOf(item));
    const from = outcome.effectiveFrom;
    if (old && startsLater(old, from)) {
      await scoped(tx, 'contract_items').where('id', old.id).update(itemUpdate(item));
      continue;
    }
    const startsOn = compareDates(from, draft.startDate) <= 0 ? null : from;
    const row = itemRow(tx, current.id, item, startsOn, now);
    await tx.db('contract_items').insert(row);
    if (old) {
      await scoped(tx, 'contract_items')
        .where('id', old.id)
        .update({ ends_on: dayBefore(from) });
      // scheduled changes of the item's price still to come follow it to its new version
      await scoped(tx, 'contract_price_changes')
        .where('contract_item_id', old.id)
        .where('effective_date', '>=', from)
        .update({ contract_item_id: row.id });
      // the credit is for the old version (its name and tax), the charge for the new one; when both bill
      // the same rest of the period under the same tax (a flat price whose quantity changed) they cancel
      // out and would only make an invoice of 0.00
      const net = outcome.lines.reduce((sum, line) => sum + line.amount, 0);
      const sameTax = old.taxRateKind === item.taxRateKind && old.supplyKind === item.supplyKind;
      if (!(sameTax && net === 0)) {
        addCharges(
          old,
          outcome.lines.filter((l) => l.kind === 'credit'),
        );
        addCharges(
          item,
          outcome.lines.filter((l) => l.kind === 'charge'),
        );
      }
    } else {
      addCharges(
        item,
        outcome.lines.filter((l) => l.kind === 'charge'),
      );
    }
  }
  if (charges.length > 0) await tx.db('contract_charges').insert(charges);
}

function checkDay(value: string | undefined, path: string, errors: FieldErrors): void {
  if (value !== undefined && !isDate(value))
    errors.add(path, 'date_invalid', 'must be a calendar date YYYY-MM-DD');
}

/**
 * Cancels a contract received on `receivedOn` (default today): it ends at the first period end that is both
 * after the minimum (or renewed) term and after the notice period (DOMAIN.md §6, billing/terms). The
 * computed end date is stored and returned in `cancellation`; billing stops after it.
 */
export async function cancel(ctx: Ctx, id: string, input: CancelInput = {}): Promise<Contract> {
  const day = await today(ctx);
  return inTransaction(ctx, async (tx) => {
    const errors = new FieldErrors();
    checkDay(input.receivedOn, 'receivedOn', errors);
    errors.throwIfAny();
    const current = await lockForChange(tx, id);
    if (current.status === 'cancelled') {
      throw new DomainError('conflict', 'contract_already_cancelled', 'The contract is already cancelled.', {
        details: { cancellation: current.cancellation },
      });
    }
    refuseWhenEnded(current);
    const receivedOn = input.receivedOn ?? day;
    const result = cancellationEndDate(scheduleOf(current, current.pauses), termsOf(current), receivedOn);
    // as for an end date set by hand (update): a cancellation dated back must not end the contract before
    // periods it has already been invoiced for
    const lastBilled = await lastBilledEnd(tx, id);
    if (lastBilled && compareDates(result.endDate, lastBilled) < 0) {
      errors.add(
        'receivedOn',
        'end_date_before_billed_period',
        `received on ${receivedOn} the contract would end on ${result.endDate}, but periods up to ${lastBilled} are already billed`,
      );
      errors.throwIfAny();
    }
    const now = tx.clock.now();
    return commitChange(
      tx,
      'contract.cancelled',
      current,
      {
        status: 'cancelled',
        end_date: result.endDate,
        cancellation: repo.json({ receivedOn, ...result }),
        cancelled_at: now,
      },
      now,
    );
  });
}

/**
 * Pauses billing: periods that start from `startsOn` (default today) to `endsOn` are not billed. Without an
 * end the contract is `paused` until resumed; a pause with an end is scheduled and the status stays.
 */
export async function pause(ctx: Ctx, id: string, input: PauseInput = {}): Promise<Contract> {
  const day = await today(ctx);
  return inTransaction(ctx, async (tx) => {
    const errors = new FieldErrors();
    checkDay(input.startsOn, 'startsOn', errors);
    checkDay(input.endsOn ?? undefined, 'endsOn', errors);
    errors.throwIfAny();
    const current = await lockForChange(tx, id);
    if (current.status !== 'active') {
      throw new DomainError(
        'conflict',
        `contract_${current.status}`,
        `Only an active contract can be paused; this one is ${current.status}.`,
      );
    }
    const startsOn = input.startsOn ?? day;
    const endsOn = input.endsOn ?? null;
    if (endsOn !== null && compareDates(endsOn, startsOn) < 0) {
      errors.add('endsOn', 'pause_ends_before_start', 'must not be before startsOn');
    }
    for (const other of current.pauses) {
      const overlaps =
        (other.endsOn === null || compareDates(startsOn, other.endsOn) <= 0) &&
        (endsOn === null || compareDates(other.startsOn, endsOn) <= 0);
      if (overlaps) errors.add('startsOn', 'pause_overlaps', `overlaps the pause from ${other.startsOn}`);
    }
    errors.throwIfAny();
    const now = tx.clock.now();
    await tx.db('contract_pauses').insert({
      id: newId('contractPause'),
      organization_id: tx.organizationId,
      contract_id: id,
      starts_on: startsOn,
      ends_on: endsOn,
      created_at: now,
    });
    return commitChange(
      tx,
      'contract.paused',
      current,
      { status: endsOn === null ? 'paused' : current.status },
      now,
    );
  });
}

/** Ends the open pause: billing continues with the first period starting on or after `resumesOn` (default today). */
export async function resume(ctx: Ctx, id: string, input: ResumeInput = {}): Promise<Contract> {
  const day = await today(ctx);
  return inTransaction(ctx, async (tx) => {
    const errors = new FieldErrors();
    checkDay(input.resumesOn, 'resumesOn', errors);
    errors.throwIfAny();
    const current = await lockForChange(tx, id);
    const open = current.pauses.find((p) => p.endsOn === null);
    if (current.status !== 'paused' || !open) {
      throw new DomainError(
        'conflict',
        'contract_not_paused',
        `The contract is ${current.status}, not paused.`,
      );
    }
    const resumesOn = input.resumesOn ?? day;
    if (compareDates(resumesOn, open.startsOn) <= 0) {
      // resumed before the pause began: it never took effect
      await scoped(tx, 'contract_pauses').where('id', open.id).delete();
    } else {
      await scoped(tx, 'contract_pauses')
        .where('id', open.id)
        .update({ ends_on: addDays(resumesOn, -1) });
    }
    const now = tx.clock.now();
    return commitChange(tx, 'contract.resumed', current, { status: 'active' }, now);
  });
}

/** The end of the contract's last billed period (of those starting on or after `from`, when given); null when none. */
async function lastBilledEnd(tx: Ctx, contractId: string, from?: string): Promise<string | null> {
  const q = scoped(tx, 'billed_periods').where('contract_id', contractId);
  if (from) q.where('period_start', '>=', from);
  const row = await q.max('period_end as end').first();
  return row?.end ?? null;
}

/**
 * Schedules a price change: a new price for one item, or a percentage for one item or all of them, from the
 * first period starting on or after `effectiveDate` (DOMAIN.md §6). Announcement and effective date are kept.
 */
export async function addPriceChange(ctx: Ctx, id: string, input: PriceChangeInput): Promise<Contract> {
  return inTransaction(ctx, async (tx) => {
    const current = await lockForChange(tx, id);
    refuseWhenEnded(current);
    const errors = new FieldErrors();
    const itemId = input.itemId ?? null;
    if (itemId !== null && !current.items.some((item) => item.id === itemId)) {
      errors.add('itemId', 'contract_item_not_found', `the contract has no item '${itemId}'`);
    }
    let change: TermsPriceChange;
    if (input.kind === 'new_price') {
      if (itemId === null) errors.add('itemId', 'required', 'a new price is for one item');
      if (input.percent !== undefined)
        errors.add('percent', 'field_not_allowed', 'a new_price change has no percent');
      let model: PriceModel | null = null;
      if (input.priceModel) model = normalisePriceModel(input.priceModel, errors, 'priceModel');
      else errors.add('priceModel', 'required', 'a new_price change needs the price model');
      // a stand-in for a missing or broken price keeps the date checks running; the price is reported already
      change = {
        kind: 'new_price',
        priceModel: model ?? { kind: 'flat', amount: 0 },
        effectiveDate: input.effectiveDate,
        announcedOn: input.announcedOn ?? null,
      };
    } else {
      if (input.priceModel !== undefined)
        errors.add('priceModel', 'field_not_allowed', 'a percent change has no price model');
      if (input.percent === undefined)
        errors.add('percent', 'required', 'a percent change needs the percentage');
      change = {
        kind: 'percent',
        percent: input.percent ?? '0',
        effectiveDate: input.effectiveDate,
        announcedOn: input.announcedOn ?? null,
      };
    }
    checkPriceChange(change, errors);
    if (!errors.list.some((e) => e.path === 'effectiveDate')) {
      // A change takes effect from the first period starting on or after its date. One already billed keeps its
      // invoice (immutable), so the contract would say a price its invoices never charged.
      const billed = await lastBilledEnd(tx, id, change.effectiveDate);
      if (billed) {
        errors.add(
          'effectiveDate',
          'effective_date_before_billed_period',
          `periods up to ${billed} are already billed: a price change takes effect from a period not billed yet`,
        );
      }
    }
    errors.throwIfAny();
    const now = tx.clock.now();
    await tx.db('contract_price_changes').insert({
      id: newId('priceChange'),
      organization_id: tx.organizationId,
      contract_id: id,
      contract_item_id: itemId,
      kind: change.kind,
      price_model: change.kind === 'new_price' ? repo.json(change.priceModel) : null,
      percent: change.kind === 'percent' ? change.percent : null,
      effective_date: change.effectiveDate,
      announced_on: change.announcedOn ?? null,
      created_at: now,
    });
    return commitChange(tx, 'contract.updated', current, {}, now);
  });
}

/**
 * Adds an installment plan: a one-time `total` split into `count` parts due every `intervalMonths` from
 * `firstDueDate` (billing/terms.installmentPlan: the parts always add up to the total). Each part is billed
 * by the first run on or after its due date.
 */
export async function addInstallmentPlan(
  ctx: Ctx,
  id: string,
  input: InstallmentPlanInput,
): Promise<Contract> {
  const day = await today(ctx);
  return inTransaction(ctx, async (tx) => {
    const current = await lockForChange(tx, id);
    refuseWhenEnded(current);
    const errors = new FieldErrors();
    if (!input.name?.trim()) errors.add('name', 'required', 'must not be empty');
    if (!Number.isSafeInteger(input.total) || input.total <= 0) {
      errors.add('total', 'amount_invalid', 'must be a whole number of minor units > 0');
    }
    if (!Number.isInteger(input.count) || input.count < 1 || input.count > 120) {
      errors.add('count', 'count_invalid', 'must be a whole number from 1 to 120');
    }
    const intervalMonths = input.intervalMonths ?? 1;
    if (!Number.isInteger(intervalMonths) || intervalMonths < 1 || intervalMonths > 120) {
      errors.add('intervalMonths', 'interval_invalid', 'must be a whole number of months, 1 to 120');
    }
    checkDay(input.firstDueDate, 'firstDueDate', errors);
    checkTaxFields(input, errors);
    errors.throwIfAny();
    const firstDue = input.firstDueDate ?? day;
    const now = tx.clock.now();
    const planId = newId('installmentPlan');
    const taxRateKind = input.taxRateKind ?? 'standard';
    const supplyKind = input.supplyKind ?? 'services';
    await tx.db('contract_installment_plans').insert({
      id: planId,
      organization_id: tx.organizationId,
      contract_id: id,
      name: input.name.trim(),
      total: input.total,
      count: input.count,
      interval_months: intervalMonths,
      first_due_on: firstDue,
      tax_rate_kind: taxRateKind,
      supply_kind: supplyKind,
      created_at: now,
    });
    await tx.db('contract_charges').insert(
      installmentPlan(input.total, input.count, firstDue, intervalMonths).map((part) => ({
        id: newId('contractCharge'),
        organization_id: tx.organizationId,
        contract_id: id,
        installment_plan_id: planId,
        kind: 'installment',
        name: `${input.name.trim()} (${part.number}/${input.count})`,
        amount: part.amount,
        due_on: part.dueDate,
        tax_rate_kind: taxRateKind,
        supply_kind: supplyKind,
        created_at: now,
      })),
    );
    return commitChange(tx, 'contract.updated', current, {}, now);
  });
}
