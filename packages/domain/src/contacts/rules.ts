import { FieldErrors } from '../errors';
import { isCurrency } from '../money';
import { checkAddress } from '../validation/address';
import {
  isValidBic,
  isValidIban,
  isValidMandateReference,
  normaliseBic,
  normaliseIban,
} from '../validation/bank';
import { isCalendarDate, isEmail, isLanguageTag } from '../validation/codes';
import { checkVatId } from '../validation/vat-id';
import type { Contact, ContactInput } from './types';

/** The writable state of a contact after a create or a patch is applied: what the rules judge. */
export type ContactDraft = Required<Omit<ContactInput, 'customerNumber'>> & { customerNumber?: string };

export const EMPTY_DRAFT: ContactDraft = {
  kind: 'company',
  companyName: null,
  salutation: null,
  firstName: null,
  lastName: null,
  emails: [],
  phones: [],
  billingAddress: null,
  addresses: [],
  vatId: null,
  taxNumber: null,
  buyerReference: null,
  language: 'de',
  currency: 'EUR',
  paymentTermsDays: null,
  preferredPaymentMethod: null,
  collectiveInvoicing: false,
  eInvoiceFormat: null,
  bankAccounts: [],
  sepaMandates: [],
  groupIds: [],
  tags: [],
  notes: null,
  metadata: {},
  externalId: null,
  source: null,
};

export function draftFromContact(contact: Contact): ContactDraft {
  const { bankAccounts, sepaMandates } = contact;
  const draft: ContactDraft = { ...EMPTY_DRAFT };
  for (const key of Object.keys(EMPTY_DRAFT) as (keyof ContactDraft)[]) {
    (draft as Record<string, unknown>)[key] = contact[key as keyof Contact];
  }
  draft.bankAccounts = bankAccounts.map((b) => ({ ...b }));
  draft.sepaMandates = sepaMandates.map(({ lastUsedDate: _lastUsed, ...m }) => ({ ...m }));
  return draft;
}

/** Applies a patch: present keys replace (arrays as a whole), `null` clears, absent keys stay. */
export function applyPatch(draft: ContactDraft, patch: ContactInput): ContactDraft {
  const next = { ...draft } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) next[key] = value;
  }
  return next as ContactDraft;
}

/**
 * For a caller that knows no Fakturo ids (a shop connector, connectors/service.ts): a bank account given without
 * an `id` is the stored one with the same IBAN, a mandate the stored one with the same reference. They keep their
 * ids — and an unchanged contact writes nothing — instead of being replaced by new items, as a PATCH replaces
 * items without an `id`.
 */
export function matchChildrenByKey(patch: ContactInput, current: Contact): ContactInput {
  const accountIds = new Map(current.bankAccounts.map((b) => [b.iban, b.id]));
  const mandateIds = new Map(current.sepaMandates.map((m) => [m.reference, m.id]));
  return {
    ...patch,
    ...(patch.bankAccounts && {
      bankAccounts: patch.bankAccounts.map((b) => {
        const known = b.id ?? accountIds.get(normaliseIban(b.iban) ?? b.iban);
        return known ? { ...b, id: known } : b;
      }),
    }),
    ...(patch.sepaMandates && {
      sepaMandates: patch.sepaMandates.map((m) => {
        const known = m.id ?? mandateIds.get(m.reference);
        return known ? { ...m, id: known } : m;
      }),
    }),
  };
}

/**
 * An update replaces `bankAccounts` and `sepaMandates` as a whole, but an item given with the `id` of one the
 * contact has is that item kept: the fields left out keep their stored values instead of falling back to the
 * create defaults. Without this, re-sending a mandate by id without `status` and `sequenceType` turned a
 * revoked mandate active again and an RCUR (or used OOFF) mandate back into FRST; `null` still clears.
 * A kept account stays the default unless the patch names a default itself.
 */
export function keepOmittedFields(patch: ContactInput, current: Contact): ContactInput {
  const out = { ...patch };
  if (patch.sepaMandates) {
    const stored = new Map(current.sepaMandates.map((m) => [m.id, m]));
    out.sepaMandates = patch.sepaMandates.map((m) => {
      const was = m.id ? stored.get(m.id) : undefined;
      if (!was) return m;
      return {
        ...m,
        scheme: m.scheme ?? was.scheme,
        sequenceType: m.sequenceType ?? was.sequenceType,
        status: m.status ?? was.status,
        bic: m.bic === undefined ? was.bic : m.bic,
        accountHolder: m.accountHolder === undefined ? was.accountHolder : m.accountHolder,
        preNotificationDays:
          m.preNotificationDays === undefined ? was.preNotificationDays : m.preNotificationDays,
      };
    });
  }
  if (patch.bankAccounts) {
    const stored = new Map(current.bankAccounts.map((b) => [b.id, b]));
    const namesDefault = patch.bankAccounts.some((b) => b.isDefault !== undefined);
    out.bankAccounts = patch.bankAccounts.map((b) => {
      const was = b.id ? stored.get(b.id) : undefined;
      if (!was) return b;
      return {
        ...b,
        bic: b.bic === undefined ? was.bic : b.bic,
        accountHolder: b.accountHolder === undefined ? was.accountHolder : b.accountHolder,
        ...(namesDefault ? {} : { isDefault: was.isDefault }),
      };
    });
  }
  return out;
}

export function displayName(
  draft: Pick<ContactDraft, 'kind' | 'companyName' | 'firstName' | 'lastName'>,
): string {
  if (draft.kind === 'company') return draft.companyName?.trim() ?? '';
  return [draft.firstName, draft.lastName]
    .map((p) => p?.trim())
    .filter(Boolean)
    .join(' ');
}

/**
 * Normalises a draft (IBAN/BIC/VAT id to their canonical form, tags de-duplicated) and reports every rule it
 * breaks in one go. `today` is the organisation's calendar date (mandates cannot be signed in the future).
 */
export function checkContact(
  input: ContactDraft,
  today: string,
): { draft: ContactDraft; errors: FieldErrors } {
  const errors = new FieldErrors();
  const draft: ContactDraft = { ...input };

  if (draft.kind === 'company' && !draft.companyName?.trim()) {
    errors.add('companyName', 'required', 'a company needs a company name');
  }
  if (draft.kind === 'person' && !draft.lastName?.trim() && !draft.firstName?.trim()) {
    errors.add('lastName', 'required', 'a person needs a first or last name');
  }
  draft.emails.forEach((e, i) => {
    if (!isEmail(e.email))
      errors.add(`emails.${i}.email`, 'email_invalid', `'${e.email}' is not an e-mail address`);
  });
  draft.phones.forEach((p, i) => {
    if (!/^[+\d][\d\s()/\-.]{2,30}$/.test(p.number)) {
      errors.add(`phones.${i}.number`, 'phone_invalid', `'${p.number}' is not a phone number`);
    }
  });
  if (draft.billingAddress) checkAddress(errors, 'billingAddress', draft.billingAddress);
  draft.addresses.forEach((a, i) => {
    checkAddress(errors, `addresses.${i}`, a);
  });

  if (draft.vatId) {
    const vat = checkVatId(draft.vatId);
    if (!vat.valid) {
      const reason = vat.validFormat ? 'fails its check digit' : 'has no valid VAT id format';
      errors.add('vatId', 'vat_id_invalid', `'${draft.vatId}' ${reason}`);
    }
    draft.vatId = vat.value;
  }
  if (!isLanguageTag(draft.language))
    errors.add('language', 'language_invalid', 'must be like `de` or `en-GB`');
  if (!isCurrency(draft.currency))
    errors.add('currency', 'currency_invalid', `'${draft.currency}' is not ISO 4217`);

  draft.bankAccounts = draft.bankAccounts.map((account, i) => {
    const iban = normaliseIban(account.iban);
    if (!iban || !isValidIban(iban)) {
      errors.add(`bankAccounts.${i}.iban`, 'iban_invalid', `'${account.iban}' is not a valid IBAN`);
    }
    const bic = account.bic ? normaliseBic(account.bic) : null;
    if (bic && !isValidBic(bic))
      errors.add(`bankAccounts.${i}.bic`, 'bic_invalid', `'${account.bic}' is not a valid BIC`);
    return { ...account, iban: iban ?? account.iban, bic };
  });
  if (draft.bankAccounts.filter((a) => a.isDefault).length > 1) {
    errors.add(
      'bankAccounts',
      'bank_account_default_ambiguous',
      'at most one bank account can be the default',
    );
  }

  const references = new Set<string>();
  draft.sepaMandates = draft.sepaMandates.map((mandate, i) => {
    const path = `sepaMandates.${i}`;
    if (!isValidMandateReference(mandate.reference)) {
      errors.add(
        `${path}.reference`,
        'mandate_reference_invalid',
        'needs 1–35 characters of the SEPA character set',
      );
    }
    if (references.has(mandate.reference)) {
      errors.add(`${path}.reference`, 'mandate_reference_taken', 'is used twice in this contact');
    }
    references.add(mandate.reference);
    if (!isCalendarDate(mandate.signedDate)) {
      errors.add(`${path}.signedDate`, 'date_invalid', 'is not a calendar date');
    } else if (mandate.signedDate > today) {
      errors.add(`${path}.signedDate`, 'mandate_signed_in_future', 'a mandate cannot be signed after today');
    }
    const iban = normaliseIban(mandate.iban);
    if (!iban || !isValidIban(iban))
      errors.add(`${path}.iban`, 'iban_invalid', `'${mandate.iban}' is not a valid IBAN`);
    const bic = mandate.bic ? normaliseBic(mandate.bic) : null;
    if (bic && !isValidBic(bic))
      errors.add(`${path}.bic`, 'bic_invalid', `'${mandate.bic}' is not a valid BIC`);
    return { ...mandate, iban: iban ?? mandate.iban, bic };
  });

  draft.tags = [...new Set(draft.tags.map((t) => t.trim()).filter(Boolean))];
  if (draft.externalId && !draft.source) {
    errors.add('source', 'required', 'an externalId needs the source system it belongs to');
  }
  return { draft, errors };
}
