import type { DocumentLanguage } from '../documents/types';

/**
 * Dunning (DOMAIN.md §10, docs/dunning.md) as the API shows and takes it: the organisation's levels, the runs
 * that find overdue invoices, and the notices (letters) a run issues. Money is integer minor units.
 *
 * A dunning notice is a business letter, not a tax document: it issues no number from a number range, its fee
 * and interest are damages for late payment (§§ 280, 286, 288 BGB) — no supply, so no VAT (UStAE 1.3 (6)) —
 * and they are never invoice lines.
 */

/** One dunning level of an organisation: reached when an invoice is `daysAfterDue` days past its due date. */
export interface DunningLevel {
  /** 1, 2, 3 … in order; level 1 is the friendly payment reminder. */
  level: number;
  /** The organisation's own title for the letter; null: the standard title in the letter's language. */
  name: string | null;
  /** Days after the due date from which an unpaid invoice reaches the level (≥ 1, rising with the level). */
  daysAfterDue: number;
  /** Fee of one letter of this level, in minor units of the organisation's currency; no VAT. */
  fee: number;
  /** Whether letters of this level claim default interest (§ 288 BGB) up to the letter's date. */
  interest: boolean;
  /** What letters of this level are titled, per letter language (read-only: `name`, or the standard title). */
  titles: Record<DocumentLanguage, string>;
}

export type DunningLevelInput = Omit<DunningLevel, 'titles' | 'name'> & { name?: string | null };

/** A Basiszinssatz (§ 247 BGB) the organisation sets itself, e.g. a half-year newer than this release. */
export interface BaseRate {
  /** 1 January or 1 July (§ 247 (1) BGB changes the rate on those days only). */
  validFrom: string;
  /** Percent per year as a decimal string, e.g. "1.27" or "-0.88". */
  rate: string;
}

/** `GET/PUT /v1/dunning-levels`. */
export interface DunningSettings {
  /** Empty: dunning is switched off — runs find nothing to do. */
  levels: DunningLevel[];
  /** The organisation's own base rates; they take precedence over the built-in Bundesbank table. */
  baseRates: BaseRate[];
  /** The currency the fees are in (the organisation's); letters in another currency carry no fee. */
  currency: string;
  /** True until the organisation saves its own levels: the defaults of DOMAIN.md §10 are in effect. */
  isDefault: boolean;
  /** 1 for the defaults; every saved change adds one (`If-Match` on PUT). */
  version: number;
  updatedAt: string | null;
}

export interface DunningSettingsInput {
  levels: DunningLevelInput[];
  baseRates?: BaseRate[];
}

export const DUNNING_RUN_STATUSES = ['pending', 'running', 'completed', 'failed'] as const;
export type DunningRunStatus = (typeof DUNNING_RUN_STATUSES)[number];

export interface DunningRunError {
  contactId: string | null;
  code: string;
  message: string;
}

/** A dunning run: looks at every open invoice past its due date as of `asOf` and issues the letters due. */
export interface DunningRun {
  id: string;
  asOf: string;
  status: DunningRunStatus;
  /** `api` for a run someone started, `schedule` for the daily run. */
  trigger: 'api' | 'schedule';
  filters: { contactIds: string[] | null };
  /** Contacts with invoices the run looked at (known once it runs). */
  contactsTotal: number;
  contactsProcessed: number;
  contactsFailed: number;
  noticesCreated: number;
  /** Invoice × level pairs reached (one `dunning.level_reached` event each). */
  invoicesDunned: number;
  /** The first 1,000 per-contact errors. */
  errors: DunningRunError[];
  failure: { code: string; message: string } | null;
  startedAt: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DunningRunInput {
  /** The day the letters are dated and days overdue are counted to; default the organisation's today. */
  asOf?: string;
  /** Answer which letters would be issued; write nothing. */
  dryRun?: boolean;
  contactIds?: string[];
}

export interface DunningRunListQuery {
  limit?: number;
  startingAfter?: string;
  status?: DunningRunStatus;
}

/** One stretch of constant interest rate: § 247 BGB changes the base rate on 1 January and 1 July. */
export interface InterestPeriod {
  /** First day interest runs in this stretch. */
  from: string;
  /** Last day, included. */
  to: string;
  days: number;
  /** Basiszinssatz in percent. */
  baseRate: string;
  /** Percentage points above it: 9 between businesses (§ 288 (2) BGB), 5 with a consumer (§ 288 (1)). */
  points: string;
  /** baseRate + points, percent per year. */
  rate: string;
}

/** One invoice a letter covers, as it stood when the letter was issued. */
export interface DunningNoticeInvoice {
  invoiceId: string;
  number: string;
  issueDate: string;
  dueDate: string;
  /** What the buyer still owed on the letter's date (gross − credited − paid). */
  openAmount: number;
  daysOverdue: number;
  /** Default interest up to the letter's date, rounded half-up once to the minor unit; 0 without interest. */
  interest: number;
  interestPeriods: InterestPeriod[];
}

export const CUSTOMER_TYPES = ['business', 'consumer'] as const;
/** business: the contact is a company (§ 288 (2) BGB, + 9 points); consumer: a person (+ 5 points). */
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

export const DUNNING_NOTICE_STATUSES = ['open', 'closed'] as const;
/** open: something it claims is unpaid; closed: every invoice it covers is paid or cancelled — dunning ended. */
export type DunningNoticeStatus = (typeof DUNNING_NOTICE_STATUSES)[number];

export const DUNNING_EMAIL_STATUSES = ['queued', 'sending', 'sent', 'failed', 'cancelled'] as const;
/** cancelled: every invoice was paid before the mail went out, so it was not sent. */
export type DunningEmailStatus = (typeof DUNNING_EMAIL_STATUSES)[number];

export interface DunningNoticeEmail {
  status: DunningEmailStatus;
  recipients: string[];
  attempts: number;
  /** `recipient_missing`, `smtp_rejected`, `smtp_deferred`, `invoices_settled` … */
  lastErrorCode: string | null;
  lastError: string | null;
  smtpResponse: string | null;
  messageId: string | null;
  sentAt: string | null;
}

/** A dunning letter: one per contact, level and currency per run. */
export interface DunningNotice {
  id: string;
  runId: string;
  contactId: string;
  level: number;
  /** The letter's title in its language, e.g. "1. Mahnung". */
  title: string;
  status: DunningNoticeStatus;
  closedAt: string | null;
  currency: string;
  language: DocumentLanguage;
  customerType: CustomerType;
  /** The letter's date: the run's `asOf`. */
  issueDate: string;
  /** The day the letter asks to be paid by. */
  payBy: string;
  invoices: DunningNoticeInvoice[];
  /** The level's fee; no VAT. */
  fee: number;
  interestTotal: number;
  openTotal: number;
  /** openTotal + interestTotal + fee. */
  total: number;
  /** SHA-256 of the stored PDF letter. */
  pdfSha256: string;
  email: DunningNoticeEmail;
  createdAt: string;
  updatedAt: string;
}

export interface DunningNoticeListQuery {
  limit?: number;
  startingAfter?: string;
  contactId?: string;
  invoiceId?: string;
  level?: number;
  runId?: string;
  status?: DunningNoticeStatus;
}

/** A letter a dry run would issue. */
export interface DunningPreviewNotice {
  contactId: string;
  level: number;
  title: string;
  currency: string;
  customerType: CustomerType;
  invoices: DunningNoticeInvoice[];
  fee: number;
  interestTotal: number;
  openTotal: number;
  total: number;
}

/** What `dryRun: true` answers. Nothing was written. */
export interface DunningRunPreview {
  dryRun: true;
  asOf: string;
  noticeCount: number;
  /** At most PREVIEW_LIMIT letters; `truncated` says when more would be issued. */
  notices: DunningPreviewNotice[];
  truncated: boolean;
}
