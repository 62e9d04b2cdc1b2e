import type { TaxBreakdownEntry, TaxCategory } from '../documents/types';

export const BILLING_RUN_MODES = ['draft', 'finalize', 'finalize_and_send'] as const;
export type BillingRunMode = (typeof BILLING_RUN_MODES)[number];
export const BILLING_RUN_STATUSES = [
  'pending',
  'running',
  'cancelling',
  'completed',
  'cancelled',
  'failed',
] as const;
export type BillingRunStatus = (typeof BILLING_RUN_STATUSES)[number];

export interface BillingRunError {
  /** The contract that could not be billed; null for a batch that failed as a whole. */
  contractId: string | null;
  code: string;
  message: string;
}

/** A billing run (DOMAIN.md §7): bills every period due on or before `asOf`, in batches, in the worker. */
export interface BillingRun {
  id: string;
  asOf: string;
  mode: BillingRunMode;
  status: BillingRunStatus;
  /** `api` for a run someone started, `schedule` for the daily run. */
  trigger: 'api' | 'schedule';
  filters: { contactIds: string[] | null; contractIds: string[] | null };
  /** Contracts the run looks at; known once it is planned. */
  total: number;
  processed: number;
  failed: number;
  invoicesCreated: number;
  batchesTotal: number;
  batchesDone: number;
  /** The first 1,000 per-contract errors; `failed` counts all. */
  errors: BillingRunError[];
  /** Why the run failed as a whole (status `failed`). */
  failure: { code: string; message: string } | null;
  cancelRequested: boolean;
  startedAt: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface BillingRunInput {
  /** Bill what is due on or before this day; defaults to the organisation's today. */
  asOf?: string;
  mode?: BillingRunMode;
  /** Compute what would be billed and write nothing. */
  dryRun?: boolean;
  contactIds?: string[];
  contractIds?: string[];
}

export interface BillingRunListQuery {
  limit?: number;
  startingAfter?: string;
  status?: BillingRunStatus;
}

/** One line a run bills (the preview of a dry run, and the invoice line a batch writes). */
export interface PreviewLine {
  contractId: string;
  contractItemId: string | null;
  name: string;
  quantity: string;
  unitCode: string;
  unitAmount: string;
  discountPercent: string | null;
  netAmount: number;
  taxCategory: TaxCategory;
  taxRate: string;
  period: { start: string; end: string } | null;
}

export interface PreviewInvoice {
  contactId: string;
  currency: string;
  collective: boolean;
  contractIds: string[];
  periods: { contractId: string; start: string; end: string }[];
  servicePeriod: { start: string; end: string } | null;
  lines: PreviewLine[];
  lineNetTotal: number;
  taxTotal: number;
  grossTotal: number;
  taxBreakdown: TaxBreakdownEntry[];
}

/** What `dryRun: true` answers: what a run would bill now. Nothing is written. */
export interface BillingRunPreview {
  dryRun: true;
  asOf: string;
  mode: BillingRunMode;
  /** Contracts looked at. */
  contracts: number;
  invoiceCount: number;
  /** The invoices, at most PREVIEW_LIMIT of them (`truncated` says when more would be billed). */
  invoices: PreviewInvoice[];
  truncated: boolean;
  totals: {
    currency: string;
    invoices: number;
    lineNetTotal: number;
    taxTotal: number;
    grossTotal: number;
  }[];
  errors: BillingRunError[];
}
