import type { connectors } from '@fakturo/domain';
import { type Static, Type } from '@sinclair/typebox';
import { ArticleUpdateSchema } from '../articles/schemas';
import { ContactUpdateSchema } from '../contacts/schemas';
import { DocumentLineInputSchema, InvoiceCreateSchema } from '../invoices/schemas';

// A shop's order (PUT /v1/connectors/{source}/orders/{externalId}): the invoice's fields, with the customer
// and the products as the shop knows them instead of Fakturo ids.

const { articleId: _articleId, ...lineFields } = DocumentLineInputSchema.properties;

export const ConnectorOrderLineSchema = Type.Object(
  {
    ...lineFields,
    article: Type.Optional(
      Type.Unsafe<Static<typeof ArticleUpdateSchema>>({
        ...Type.Ref(ArticleUpdateSchema),
        description:
          'The product as the shop knows it, `externalId` required: created or updated like PUT …/articles/{externalId}; name, unit, price and rate default from it',
      }),
    ),
  },
  {
    $id: 'ConnectorOrderLine',
    additionalProperties: false,
    description: 'A line of the order: a product (`article`) or a free line (`name`, `unitAmount`).',
  },
);

const invoice = InvoiceCreateSchema.properties;

export const ConnectorOrderSchema = Type.Object(
  {
    customer: Type.Unsafe<Static<typeof ContactUpdateSchema>>({
      ...Type.Ref(ContactUpdateSchema),
      description:
        'The buyer as the shop knows it, `externalId` required: created or updated like PUT …/contacts/{externalId} (a new one needs `kind`)',
    }),
    lines: Type.Array(Type.Ref(ConnectorOrderLineSchema), { minItems: 1, maxItems: 500 }),
    currency: invoice.currency,
    language: invoice.language,
    issueDate: invoice.issueDate,
    serviceDate: invoice.serviceDate,
    servicePeriod: invoice.servicePeriod,
    dueDate: invoice.dueDate,
    sendDate: invoice.sendDate,
    notes: invoice.notes,
    metadata: invoice.metadata,
    finalize: Type.Optional(
      Type.Boolean({
        description: 'true: the invoice is finalized (numbered, immutable) at once; default: a draft',
      }),
    ),
  },
  {
    $id: 'ConnectorOrder',
    additionalProperties: false,
    description: 'A shop order: it becomes one invoice.',
  },
);

export const connectorSchemas = [ConnectorOrderLineSchema, ConnectorOrderSchema];

// The wire schema and the domain type must describe the same object; this fails to compile when they drift.
type Assert<T extends true> = T;
export type _OrderMatches = Assert<
  Static<typeof ConnectorOrderSchema> extends connectors.OrderInput ? true : false
>;
