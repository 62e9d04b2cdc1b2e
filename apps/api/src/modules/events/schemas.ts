import { Type } from '@sinclair/typebox';
import { InstantString, Nullable, PageOf, PageQuerySchema } from '../../schemas/common';

export const EventSchema = Type.Object(
  {
    id: Type.String({ examples: ['evt_01JD3Y8WQ4XK0R5N6S7T8V9W0A'] }),
    type: Type.String({ examples: ['contact.created'] }),
    createdAt: InstantString,
    organizationId: Type.String(),
    requestId: Nullable(Type.String({ description: 'The API request that caused the event, if any' })),
    data: Type.Object({ object: Type.Unknown({ description: 'The resource as the API returns it' }) }),
  },
  { $id: 'Event', description: 'Something that happened, written in the same transaction as the change.' },
);

export const EventListQuerySchema = Type.Object(
  {
    ...PageQuerySchema,
    type: Type.Optional(
      Type.String({ description: 'Exact type or wildcard, e.g. `contact.*`; `*` is every type' }),
    ),
    resourceId: Type.Optional(Type.String()),
    createdGte: Type.Optional(InstantString),
    createdLte: Type.Optional(InstantString),
  },
  { additionalProperties: false },
);

export const EventPageSchema = PageOf(Type.Ref(EventSchema), 'Event');
export const eventSchemas = [EventSchema, EventPageSchema];
