export const WEBHOOK_DISABLED_REASONS = ['manual', 'gone', 'failing'] as const;
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export const WEBHOOK_DELIVERY_TRIGGERS = ['event', 'test', 'replay'] as const;

/** The event type `POST /v1/webhook-endpoints/{id}/test` sends (to that one endpoint only). */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string | null;
  /** Exact types (`invoice.paid`), prefixes (`invoice.*`) or `*` for every event. */
  enabledEvents: string[];
  enabled: boolean;
  /** Why the endpoint stopped receiving: `manual` (PATCH), `gone` (it answered 410), `failing` (5 days). */
  disabledReason: (typeof WEBHOOK_DISABLED_REASONS)[number] | null;
  disabledAt: string | null;
  /** First failed attempt since the last success; null while deliveries succeed. */
  failingSince: string | null;
  metadata: Record<string, string>;
  secretRotatedAt: string | null;
  /** Until then, deliveries also carry a signature made with the secret before the last rotation. */
  previousSecretExpiresAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Returned once, by create and rotate-secret: the signing secret is never shown again. */
export interface WebhookEndpointWithSecret extends WebhookEndpoint {
  secret: string;
}

export interface WebhookEndpointInput {
  url?: string;
  description?: string | null;
  enabledEvents?: string[];
  enabled?: boolean;
  metadata?: Record<string, string>;
}

export interface WebhookEndpointListQuery {
  limit?: number;
  startingAfter?: string;
  enabled?: boolean;
}

export interface WebhookDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  /** `event` (fan-out), `test` or `replay`. */
  trigger: (typeof WEBHOOK_DELIVERY_TRIGGERS)[number];
  status: (typeof WEBHOOK_DELIVERY_STATUSES)[number];
  attempts: number;
  /** When the next attempt is due; null once the delivery succeeded or finally failed. */
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastDurationMs: number | null;
  /** The first KiB of the receiver's last response body. */
  lastResponseExcerpt: string | null;
  /** Why the last attempt failed without a response (timeout, connection refused, address not allowed). */
  lastError: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookDeliveryListQuery {
  limit?: number;
  startingAfter?: string;
  status?: WebhookDelivery['status'];
  eventId?: string;
  eventType?: string;
}

/** Replay by ids, or every event of the endpoint's types in a time range. */
export interface WebhookReplayInput {
  eventIds?: string[];
  from?: string;
  to?: string;
}

export interface WebhookReplayResult {
  endpointId: string;
  /** Deliveries created, one per event. */
  enqueued: number;
}
