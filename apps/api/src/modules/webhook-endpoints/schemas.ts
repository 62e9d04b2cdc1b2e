import {
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_DELIVERY_TRIGGERS,
  WEBHOOK_DISABLED_REASONS,
  type WebhookDelivery,
  type WebhookDeliveryListQuery,
  type WebhookEndpoint,
  type WebhookEndpointInput,
  type WebhookEndpointListQuery,
  type WebhookEndpointWithSecret,
  type WebhookReplayInput,
  type WebhookReplayResult,
} from '@fakturo/domain';
import { type Static, Type } from '@sinclair/typebox';
import { InstantString, Nullable, PageOf, PageQuerySchema, StringEnum } from '../../schemas/common';

const MetadataSchema = Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 500 }), {
  maxProperties: 50,
  description: 'Your own key/value pairs (≤ 50 keys, values ≤ 500 characters)',
});

const EventPatterns = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
  minItems: 1,
  maxItems: 100,
  description: 'Event types to receive: exact (`invoice.paid`), a prefix (`invoice.*`) or `*` for all.',
  examples: [['contact.*', 'invoice.paid']],
});

const endpointProperties = {
  id: Type.String({ examples: ['we_01JD3Y8WQ4XK0R5N6S7T8V9W0A'] }),
  url: Type.String({ examples: ['https://shop.example.com/hooks/fakturo'] }),
  description: Nullable(Type.String()),
  enabledEvents: Type.Array(Type.String()),
  enabled: Type.Boolean(),
  disabledReason: Nullable(
    StringEnum(
      WEBHOOK_DISABLED_REASONS,
      '`manual` (you), `gone` (it answered 410), `failing` (5 days without success)',
    ),
  ),
  disabledAt: Nullable(InstantString),
  failingSince: Nullable(
    Type.String({ format: 'date-time', description: 'First failure since the last success' }),
  ),
  metadata: Type.Record(Type.String(), Type.String()),
  secretRotatedAt: Nullable(InstantString),
  previousSecretExpiresAt: Nullable(
    Type.String({
      format: 'date-time',
      description:
        'Until then deliveries carry a second signature made with the secret before the last rotation',
    }),
  ),
  version: Type.Integer(),
  createdAt: InstantString,
  updatedAt: InstantString,
};

export const WebhookEndpointSchema = Type.Object(endpointProperties, {
  $id: 'WebhookEndpoint',
  description: 'Where Fakturo sends signed webhooks (Standard Webhooks), and which events.',
});

export const WebhookEndpointWithSecretSchema = Type.Object(
  {
    ...endpointProperties,
    secret: Type.String({
      description: 'The signing secret (`whsec_` + base64). Shown only in this response; store it now.',
      examples: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
    }),
  },
  {
    $id: 'WebhookEndpointWithSecret',
    description: 'A webhook endpoint with its signing secret, returned once.',
  },
);

const writable = {
  url: Type.String({
    minLength: 1,
    maxLength: 2048,
    description:
      'https URL (http and private addresses only with FAKTURO_WEBHOOK_ALLOW_PRIVATE=true; link-local never).',
  }),
  // null first: with ajv's type coercion, [string, null] would turn an explicit null into ""
  description: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 500 })])),
  enabledEvents: EventPatterns,
  enabled: Type.Optional(Type.Boolean({ description: 'false stops deliveries; open ones end as failed' })),
  metadata: Type.Optional(MetadataSchema),
};

export const WebhookEndpointCreateSchema = Type.Object(writable, {
  additionalProperties: false,
  $id: 'WebhookEndpointCreate',
});

export const WebhookEndpointUpdateSchema = Type.Object(
  {
    url: Type.Optional(writable.url),
    description: writable.description,
    enabledEvents: Type.Optional(EventPatterns),
    enabled: Type.Optional(
      Type.Boolean({ description: 'false disables (open deliveries end as failed); true re-enables' }),
    ),
    metadata: writable.metadata,
  },
  {
    additionalProperties: false,
    $id: 'WebhookEndpointUpdate',
    description: 'Fields present replace the stored ones.',
  },
);

export const WebhookEndpointListQuerySchema = Type.Object(
  { ...PageQuerySchema, enabled: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

export const WebhookEndpointPageSchema = PageOf(Type.Ref(WebhookEndpointSchema), 'WebhookEndpoint');

export const RotateSecretSchema = Type.Object(
  {
    expiresIn: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 7 * 24 * 3600,
        default: 24 * 3600,
        description:
          'Seconds the old secret keeps signing alongside the new one (default 24 h; 0 = retire it now)',
      }),
    ),
  },
  { additionalProperties: false, $id: 'WebhookSecretRotation' },
);

export const WebhookDeliverySchema = Type.Object(
  {
    id: Type.String({ examples: ['whd_01JD3Y8WQ4XK0R5N6S7T8V9W0A'] }),
    endpointId: Type.String(),
    eventId: Type.String({ description: 'Also the `webhook-id` header of every attempt' }),
    eventType: Type.String({ examples: ['contact.created'] }),
    trigger: StringEnum(WEBHOOK_DELIVERY_TRIGGERS, '`event` (fan-out), `test` or `replay`'),
    status: StringEnum(WEBHOOK_DELIVERY_STATUSES),
    attempts: Type.Integer(),
    nextAttemptAt: Nullable(
      Type.String({ format: 'date-time', description: 'Null once succeeded or finally failed' }),
    ),
    lastAttemptAt: Nullable(InstantString),
    lastStatusCode: Nullable(Type.Integer()),
    lastDurationMs: Nullable(Type.Integer()),
    lastResponseExcerpt: Nullable(Type.String({ description: 'First KiB of the last response body' })),
    lastError: Nullable(
      Type.String({ description: 'Why the last attempt got no response: timeout, connection_refused, …' }),
    ),
    completedAt: Nullable(InstantString),
    createdAt: InstantString,
    updatedAt: InstantString,
  },
  { $id: 'WebhookDelivery', description: 'One event on its way to one endpoint, with its last attempt.' },
);

export const WebhookDeliveryListQuerySchema = Type.Object(
  {
    ...PageQuerySchema,
    status: Type.Optional(StringEnum(WEBHOOK_DELIVERY_STATUSES)),
    eventId: Type.Optional(Type.String({ maxLength: 64 })),
    eventType: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

export const WebhookDeliveryPageSchema = PageOf(Type.Ref(WebhookDeliverySchema), 'WebhookDelivery');

export const WebhookReplaySchema = Type.Object(
  {
    eventIds: Type.Optional(
      Type.Array(Type.String({ maxLength: 64 }), {
        minItems: 1,
        maxItems: 100,
        description: 'Events to send again',
      }),
    ),
    from: Type.Optional(
      Type.String({ format: 'date-time', description: 'Or: every subscribed event from this instant' }),
    ),
    to: Type.Optional(
      Type.String({ format: 'date-time', description: '… up to this instant (default now)' }),
    ),
  },
  { additionalProperties: false, $id: 'WebhookReplay' },
);

export const WebhookReplayResultSchema = Type.Object(
  { endpointId: Type.String(), enqueued: Type.Integer({ description: 'Deliveries created' }) },
  { $id: 'WebhookReplayResult' },
);

export const webhookEndpointSchemas = [
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
  WebhookEndpointCreateSchema,
  WebhookEndpointUpdateSchema,
  WebhookEndpointPageSchema,
  RotateSecretSchema,
  WebhookDeliverySchema,
  WebhookDeliveryPageSchema,
  WebhookReplaySchema,
  WebhookReplayResultSchema,
];

// The wire schemas and the domain types must describe the same objects; these fail to compile when they drift.
type Assert<T extends true> = T;
export type _EndpointMatches = Assert<
  WebhookEndpoint extends Static<typeof WebhookEndpointSchema> ? true : false
>;
export type _WithSecretMatches = Assert<
  WebhookEndpointWithSecret extends Static<typeof WebhookEndpointWithSecretSchema> ? true : false
>;
export type _CreateMatches = Assert<
  Static<typeof WebhookEndpointCreateSchema> extends WebhookEndpointInput ? true : false
>;
export type _UpdateMatches = Assert<
  Static<typeof WebhookEndpointUpdateSchema> extends WebhookEndpointInput ? true : false
>;
export type _ListMatches = Assert<
  Static<typeof WebhookEndpointListQuerySchema> extends WebhookEndpointListQuery ? true : false
>;
export type _DeliveryMatches = Assert<
  WebhookDelivery extends Static<typeof WebhookDeliverySchema> ? true : false
>;
export type _DeliveryListMatches = Assert<
  Static<typeof WebhookDeliveryListQuerySchema> extends WebhookDeliveryListQuery ? true : false
>;
export type _ReplayMatches = Assert<
  Static<typeof WebhookReplaySchema> extends WebhookReplayInput ? true : false
>;
export type _ReplayResultMatches = Assert<
  WebhookReplayResult extends Static<typeof WebhookReplayResultSchema> ? true : false
>;
