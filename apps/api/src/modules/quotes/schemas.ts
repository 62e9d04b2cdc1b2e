import type { DocumentDraftInput, DocumentListQuery, QuoteDecisionInput } from '@fakturo/domain';
import { documents } from '@fakturo/domain';
import { type Static, Type } from '@sinclair/typebox';
import { DateString, Nullable, PageOf, PageQuerySchema, StringEnum } from '../../schemas/common';
import { DocumentLineInputSchema, documentFilters, QuoteSchema } from '../invoices/schemas';

const head = {
  currency: Type.Optional(
    Type.String({ pattern: '^[A-Z]{3}$', description: 'Default: the contact’s currency' }),
  ),
  language: Type.Optional(StringEnum(documents.DOCUMENT_LANGUAGES)),
  issueDate: Type.Optional(Nullable(DateString)),
  serviceDate: Type.Optional(Nullable(DateString)),
  servicePeriod: Type.Optional(
    Nullable(Type.Object({ start: DateString, end: DateString }, { additionalProperties: false })),
  ),
  validUntil: Type.Optional(
    Nullable({ ...DateString, description: 'Last day the offer holds; default issue date + 30 days' }),
  ),
  sendDate: Type.Optional(Nullable(DateString)),
  notes: Type.Optional(Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 20 })),
  lines: Type.Optional(Type.Array(Type.Ref(DocumentLineInputSchema), { maxItems: 500 })),
  metadata: Type.Optional(
    Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 500 }), { maxProperties: 50 }),
  ),
};

export const QuoteCreateSchema = Type.Object(
  { contactId: Type.String({ maxLength: 64 }), ...head },
  { $id: 'QuoteCreate', additionalProperties: false, description: 'A draft quote for a contact.' },
);
export const QuoteUpdateSchema = Type.Object(
  { contactId: Type.Optional(Type.String({ maxLength: 64 })), ...head },
  {
    $id: 'QuoteUpdate',
    additionalProperties: false,
    description: 'Fields present replace the stored ones; `lines` replaces all lines.',
  },
);

export const QuoteDecisionSchema = Type.Object(
  {
    signerName: Type.Optional(
      Nullable(Type.String({ maxLength: 200, description: 'Who answered for the buyer' })),
    ),
    reason: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { $id: 'QuoteDecision', additionalProperties: false },
);

export const QuoteListQuerySchema = Type.Object(
  { ...PageQuerySchema, ...documentFilters },
  { additionalProperties: false },
);
export const QuotePageSchema = PageOf(Type.Ref(QuoteSchema), 'Quote');

export const quoteSchemas = [
  QuoteSchema,
  QuoteCreateSchema,
  QuoteUpdateSchema,
  QuoteDecisionSchema,
  QuotePageSchema,
];

type Assert<T extends true> = T;
export type _CreateMatches = Assert<
  Static<typeof QuoteCreateSchema> extends DocumentDraftInput ? true : false
>;
export type _UpdateMatches = Assert<
  Static<typeof QuoteUpdateSchema> extends DocumentDraftInput ? true : false
>;
export type _ListMatches = Assert<
  Static<typeof QuoteListQuerySchema> extends DocumentListQuery ? true : false
>;
export type _DecisionMatches = Assert<
  Static<typeof QuoteDecisionSchema> extends QuoteDecisionInput ? true : false
>;
