import type { Db } from '@fakturo/db';
import * as apiKeys from '../api-keys/service';
import * as audit from '../audit/service';
import type { Clock } from '../clock';
import { type Ctx, inTransaction } from '../context';
import { DomainError, FieldErrors, notFound, versionMismatch } from '../errors';
import * as events from '../events/service';
import { newId } from '../ids';
import { isCurrency } from '../money';
import { validateNumberFormat } from '../numbering/format';
import { checkAddress } from '../validation/address';
import { isValidBic, isValidCreditorId, isValidIban, normaliseBic, normaliseIban } from '../validation/bank';
import { isEmail } from '../validation/codes';
import { checkVatId } from '../validation/vat-id';
import {
  DEFAULT_NUMBER_FORMATS,
  type Organization,
  type OrganizationPatch,
  type PostalAddress,
} from './types';

interface OrganizationRow {
  id: string;
  legal_name: string;
  address: Organization['address'];
  email: string | null;
  phone: string | null;
  website: string | null;
  vat_id: string | null;
  tax_number: string | null;
  sepa_creditor_id: string | null;
  bank_account: Organization['bankAccount'];
  payment_terms_days: number;
  locale: string;
  currency: string;
  timezone: string;
  number_formats: Partial<Organization['numberFormats']>;
  branding: Organization['branding'];
  small_business: boolean;
  is_sandbox: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export function toOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    legalName: row.legal_name,
    address: row.address,
    email: row.email,
    phone: row.phone,
    website: row.website,
    vatId: row.vat_id,
    taxNumber: row.tax_number,
    sepaCreditorId: row.sepa_creditor_id,
    bankAccount: row.bank_account,
    paymentTermsDays: row.payment_terms_days,
    locale: row.locale,
    currency: row.currency,
    timezone: row.timezone,
    numberFormats: { ...DEFAULT_NUMBER_FORMATS, ...row.number_formats },
    branding: row.branding,
    smallBusiness: row.small_business,
    isSandbox: row.is_sandbox,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * Refuses work that puts the organisation's address on paper (invoices, dunning letters) while it has none:
 * 422 `organization_address_missing`, `why` saying what needs it.
 */
export function requireAddress(
  org: Organization,
  why: string,
): asserts org is Organization & { address: PostalAddress } {
  if (!org.address) {
    throw new DomainError('unprocessable', 'organization_address_missing', why, {
      errors: [
        { path: 'organization.address', code: 'required', message: 'the organisation has no address' },
      ],
    });
  }
}

export async function get(ctx: Ctx): Promise<Organization> {
  const row: OrganizationRow | undefined = await ctx
    .db('organizations')
    .where('id', ctx.organizationId)
    .first();
  if (!row) throw notFound('organization', ctx.organizationId);
  return toOrganization(row);
}

const LOGO_MAX_BYTES = 256 * 1024;

/** Every rule an organisation patch must keep; all violations are reported together. */
export function validatePatch(patch: OrganizationPatch): OrganizationPatch {
  const errors = new FieldErrors();
  const out: OrganizationPatch = { ...patch };
  if (patch.legalName !== undefined && !patch.legalName.trim())
    errors.add('legalName', 'required', 'must not be empty');
  if (patch.address) checkAddress(errors, 'address', patch.address);
  if (patch.email && !isEmail(patch.email)) errors.add('email', 'email_invalid', 'is not an e-mail address');
  if (patch.vatId) {
    const vat = checkVatId(patch.vatId);
    if (!vat.valid)
      errors.add('vatId', 'vat_id_invalid', `'${patch.vatId}' fails the VAT id format or check digit`);
    out.vatId = vat.value;
  }
  if (patch.sepaCreditorId) {
    const id = patch.sepaCreditorId.replace(/\s+/g, '').toUpperCase();
    if (!isValidCreditorId(id))
      errors.add('sepaCreditorId', 'creditor_id_invalid', 'fails the ISO 7064 mod 97 check');
    out.sepaCreditorId = id;
  }
  if (patch.bankAccount) {
    const iban = normaliseIban(patch.bankAccount.iban);
    if (!iban || !isValidIban(iban)) errors.add('bankAccount.iban', 'iban_invalid', 'is not a valid IBAN');
    const bic = patch.bankAccount.bic ? normaliseBic(patch.bankAccount.bic) : null;
    if (bic && !isValidBic(bic)) errors.add('bankAccount.bic', 'bic_invalid', 'is not a valid BIC');
    out.bankAccount = { ...patch.bankAccount, iban: iban ?? patch.bankAccount.iban, bic };
  }
  if (patch.currency && !isCurrency(patch.currency))
    errors.add('currency', 'currency_invalid', 'is not ISO 4217');
  if (patch.timezone) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: patch.timezone });
    } catch {
      errors.add('timezone', 'timezone_invalid', 'is not an IANA time zone');
    }
  }
  for (const [key, format] of Object.entries(patch.numberFormats ?? {})) {
    const problem = format === undefined ? null : validateNumberFormat(format);
    if (problem) errors.add(`numberFormats.${key}`, problem.code, problem.message);
  }
  const logo = patch.branding?.logo;
  if (logo) {
    const match = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/=]+)$/.exec(logo);
    if (!match) errors.add('branding.logo', 'logo_invalid', 'must be a PNG or JPEG data: URL');
    else if (Buffer.byteLength(match[2]!, 'base64') > LOGO_MAX_BYTES) {
      errors.add('branding.logo', 'logo_too_large', 'must be at most 256 KiB');
    }
  }
  errors.throwIfAny();
  return out;
}

export async function update(
  ctx: Ctx,
  patch: OrganizationPatch,
  expectedVersion?: number,
): Promise<Organization> {
  const clean = validatePatch(patch);
  return inTransaction(ctx, async (tx) => {
    // FOR NO KEY UPDATE, not FOR UPDATE: inserts of the organisation's rows (contacts, documents, audit
    // entries) check their foreign key with a KEY SHARE lock, which this lock lets through. FOR UPDATE would
    // make a transaction holding the audit chain head wait here while we wait for the head: a deadlock.
    const current: OrganizationRow | undefined = await tx
      .db('organizations')
      .where('id', tx.organizationId)
      .forNoKeyUpdate()
      .first();
    if (!current) throw notFound('organization', tx.organizationId);
    if (expectedVersion !== undefined && expectedVersion !== current.version) {
      throw versionMismatch('organization', expectedVersion, current.version);
    }
    const columns: Partial<OrganizationRow> = {
      legal_name: clean.legalName,
      address: clean.address,
      email: clean.email,
      phone: clean.phone,
      website: clean.website,
      vat_id: clean.vatId,
      tax_number: clean.taxNumber,
      sepa_creditor_id: clean.sepaCreditorId,
      bank_account: clean.bankAccount,
      payment_terms_days: clean.paymentTermsDays,
      locale: clean.locale,
      currency: clean.currency,
      timezone: clean.timezone,
      small_business: clean.smallBusiness,
      branding: clean.branding === undefined ? undefined : { ...current.branding, ...clean.branding },
      number_formats:
        clean.numberFormats === undefined ? undefined : { ...current.number_formats, ...clean.numberFormats },
    };
    const [row] = await tx
      .db('organizations')
      .where('id', tx.organizationId)
      .update({
        ...jsonColumns(withoutUndefined(columns)),
        version: current.version + 1,
        updated_at: tx.clock.now(),
      })
      .returning('*');
    const organization = toOrganization(row);
    await events.emit(tx, 'organization.updated', { ...organization });
    await audit.record(tx, {
      action: 'organization.updated',
      resourceType: 'organization',
      resourceId: organization.id,
      before: toOrganization(current),
      after: organization,
    });
    return organization;
  });
}

export interface CreateOrganizationInput {
  legalName: string;
  isSandbox?: boolean;
  /** Use this secret for the first API key instead of a random one (FAKTURO_BOOTSTRAP_API_KEY). */
  apiKeySecret?: string;
}

/** Creates an organisation with its first read/write API key (operator CLI and first start). */
export async function create(
  db: Db,
  clock: Clock,
  input: CreateOrganizationInput,
): Promise<{ organization: Organization; apiKey: apiKeys.ApiKeyWithSecret }> {
  const now = clock.now();
  return db.transaction(async (trx) => {
    const id = newId('organization');
    const [row] = await trx('organizations')
      .insert({
        id,
        legal_name: input.legalName,
        is_sandbox: input.isSandbox ?? false,
        created_at: now,
        updated_at: now,
      })
      .returning('*');
    const tx: Ctx = {
      db: trx,
      organizationId: id,
      clock,
      actor: { type: 'system', id: 'operator', scopes: ['write'] },
    };
    const apiKey = await apiKeys.create(
      tx,
      { name: 'Default key', scopes: ['read', 'write'] },
      input.apiKeySecret,
    );
    return { organization: toOrganization(row), apiKey };
  });
}

export async function count(db: Db): Promise<number> {
  const [{ n }] = await db('organizations').count<{ n: string }[]>({ n: '*' });
  return Number(n);
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** knex sends objects as JSON only when stringified; arrays would otherwise become PostgreSQL arrays. */
function jsonColumns<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v,
    ]),
  ) as T;
}
