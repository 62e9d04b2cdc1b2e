import type { contactGroups } from '@fakturo/domain';
import { type Static, Type } from '@sinclair/typebox';
import { InstantString, Nullable, PageOf, PageQuerySchema } from '../../schemas/common';

const NAME_DESCRIPTION =
  'Unique in the organisation; cannot contain `|` (it separates group names in CSV files)';

export const ContactGroupSchema = Type.Object(
  {
    id: Type.String({ examples: ['grp_01JD3Y8WQ4XK0R5N6S7T8V9W0A'] }),
    name: Type.String({ description: NAME_DESCRIPTION, examples: ['Key accounts'] }),
    description: Nullable(Type.String()),
    memberCount: Type.Integer({ minimum: 0, description: 'Contacts in the group, archived ones included' }),
    createdAt: InstantString,
  },
  {
    $id: 'ContactGroup',
    description:
      'A named set of contacts. A contact lists its groups in `groupIds`; filter contacts with `groupId`.',
  },
);

export const ContactGroupCreateSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, description: NAME_DESCRIPTION }),
    description: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  },
  { additionalProperties: false, $id: 'ContactGroupCreate' },
);

export const ContactGroupUpdateSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: NAME_DESCRIPTION })),
    description: Type.Optional(Nullable(Type.String({ maxLength: 1000, description: '`null` clears it' }))),
  },
  {
    additionalProperties: false,
    $id: 'ContactGroupUpdate',
    description: 'Fields present replace the stored ones.',
  },
);

export const ContactGroupListQuerySchema = Type.Object(
  {
    ...PageQuerySchema,
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Part of the name, case-insensitive' })),
  },
  { additionalProperties: false },
);

export const ContactGroupPageSchema = PageOf(Type.Ref(ContactGroupSchema), 'ContactGroup');

export const contactGroupSchemas = [
  ContactGroupSchema,
  ContactGroupCreateSchema,
  ContactGroupUpdateSchema,
  ContactGroupPageSchema,
];

// The wire schema and the domain type must describe the same object; these fail to compile when they drift.
type Assert<T extends true> = T;
export type _GroupMatches = Assert<
  contactGroups.ContactGroup extends Static<typeof ContactGroupSchema> ? true : false
>;
export type _CreateMatches = Assert<
  Static<typeof ContactGroupCreateSchema> extends contactGroups.ContactGroupInput ? true : false
>;
export type _UpdateMatches = Assert<
  Static<typeof ContactGroupUpdateSchema> extends contactGroups.ContactGroupInput ? true : false
>;
export type _ListMatches = Assert<
  Static<typeof ContactGroupListQuerySchema> extends contactGroups.ContactGroupListQuery ? true : false
>;
