import type { audit } from '@fakturo/domain';
import { type Static, Type } from '@sinclair/typebox';
import { InstantString, Nullable, PageOf, PageQuerySchema } from '../../schemas/common';

export const AuditEntrySchema = Type.Object(
  {
    id: Type.String({ examples: ['aud_01JD3Y8WQ4XK0R5N6S7T8V9W0A'] }),
    seq: Type.Integer({ description: '1, 2, 3 … per organisation, without gaps' }),
    actor: Type.Object({ type: Type.String({ description: 'api_key or system' }), id: Type.String() }),
    action: Type.String({ description: 'e.g. invoice.finalized, contact.updated, organization.updated' }),
    resourceType: Type.String(),
    resourceId: Type.String(),
    before: Type.Unknown({
      description:
        'Before the change: for an update, the fields that changed with their old values; the whole resource when it was deleted; null when it was created',
    }),
    after: Type.Unknown({
      description:
        'After the change: for an update, the changed fields with their new values; the whole resource when it was created; null when it was deleted',
    }),
    requestId: Nullable(Type.String()),
    createdAt: InstantString,
    prevHash: Type.String({ description: 'SHA-256 (hex) of the previous entry' }),
    hash: Type.String({ description: 'SHA-256 (hex) over prevHash and the canonical JSON of this entry' }),
  },
  { $id: 'AuditEntry', description: 'One entry of the hash-chained, append-only audit log (GoBD).' },
);

export const AuditListQuerySchema = Type.Object(
  {
    ...PageQuerySchema,
    resourceId: Type.Optional(Type.String({ maxLength: 64 })),
    resourceType: Type.Optional(
      Type.String({
        maxLength: 40,
        description: 'invoice, credit_note, quote, contact, contract, organization',
      }),
    ),
    action: Type.Optional(Type.String({ maxLength: 60 })),
  },
  { additionalProperties: false },
);

export const AuditVerificationSchema = Type.Object(
  {
    valid: Type.Boolean(),
    checked: Type.Integer({ description: 'Entries checked up to the first broken one' }),
    firstBrokenSeq: Nullable(
      Type.Integer({ description: 'Where the chain breaks: a changed, missing or cut-off entry' }),
    ),
    unsealed: Type.Integer({
      description:
        'Entries committed while the verification ran and not yet linked into the chain (the next read seals them)',
    }),
  },
  { $id: 'AuditVerification' },
);

export const AuditEntryPageSchema = PageOf(Type.Ref(AuditEntrySchema), 'AuditEntry');

export const auditLogSchemas = [AuditEntrySchema, AuditVerificationSchema, AuditEntryPageSchema];

type Assert<T extends true> = T;
export type _EntryMatches = Assert<audit.AuditEntry extends Static<typeof AuditEntrySchema> ? true : false>;
export type _ListMatches = Assert<
  Static<typeof AuditListQuerySchema> extends audit.AuditListQuery ? true : false
>;
export type _VerifyMatches = Assert<
  audit.AuditVerification extends Static<typeof AuditVerificationSchema> ? true : false
>;
