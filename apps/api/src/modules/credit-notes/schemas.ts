import type { DocumentDraftInput, DocumentListQuery } from '@fakturo/domain';
import { documents } from '@fakturo/domain';
import { type Static, Type } from '@sinclair/typebox';
import { DateString, Nullable, PageOf, PageQuerySchema, StringEnum } from '../../schemas/common';
import { CreditNoteSchema, DocumentLineInputSchema, documentFilters } from '../invoices/schemas';

const head = {
  contactId: Type.Optional(
    Type.String({ maxLength: 64, description: 'Default: the invoice’s contact (it must be that one)' }),
  ),
  currency: Type.Optional(
    Type.String({ pattern: '^[A-Z]{3}$', description: 'Must be the invoice’s currency' }),
  ),
  language: Type.Optional(StringEnum(documents.DOCUMENT_LANGUAGES)),
  issueDate: Type.Optional(Nullable(DateString)),
  serviceDate: Type.Optional(
    Nullable({ ...DateString, description: 'Default: the invoice’s date of supply' }),
  ),
  servicePeriod: Type.Optional(
    Nullable(Type.Object({ start: DateString, end: DateString }, { additionalProperties: false })),
  ),
  sendDate: Type.Optional(Nullable(DateString)),
  notes: Type.Optional(Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 20 })),
  lines: Type.Optional(
    Type.Array(Type.Ref(DocumentLineInputSchema), {
      maxItems: 500,
      description:
        'The lines credited, with positive quantities. Omit to credit the whole invoice (its lines, VAT as issued).',
    }),
  ),
  metadata: Type.Optional(
    Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 500 }), { maxProperties: 50 }),
  ),
};

export const CreditNoteCreateSchema = Type.Object(
  { invoiceId: Type.String({ maxLength: 64, description: 'The issued invoice credited' }), ...head },
  {
    $id: 'CreditNoteCreate',
    additionalProperties: false,
    description:
      'A draft credit note for part or all of an issued invoice. Finalized credit notes never credit more than the invoice’s total.',
  },
);

export const CreditNoteUpdateSchema = Type.Object(
  { invoiceId: Type.Optional(Type.String({ maxLength: 64 })), ...head },
  {
    $id: 'CreditNoteUpdate',
    additionalProperties: false,
    description: 'Fields present replace the stored ones; `lines` replaces all lines.',
  },
);

export const CreditNoteListQuerySchema = Type.Object(
  { ...PageQuerySchema, ...documentFilters },
  { additionalProperties: false },
);
export const CreditNotePageSchema = PageOf(Type.Ref(CreditNoteSchema), 'CreditNote');

export const creditNoteSchemas = [
  CreditNoteSchema,
  CreditNoteCreateSchema,
  CreditNoteUpdateSchema,
  CreditNotePageSchema,
];

type Assert<T extends true> = T;
export type _CreateMatches = Assert<
  Static<typeof CreditNoteCreateSchema> extends DocumentDraftInput ? true : false
>;
export type _UpdateMatches = Assert<
  Static<typeof CreditNoteUpdateSchema> extends DocumentDraftInput ? true : false
>;
export type _ListMatches = Assert<
  Static<typeof CreditNoteListQuerySchema> extends DocumentListQuery ? true : false
>;
