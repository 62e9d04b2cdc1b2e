import { contactGroups } from '@fakturo/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { IdParams, problemResponses } from '../../schemas/common';
import {
  ContactGroupCreateSchema,
  ContactGroupListQuerySchema,
  ContactGroupPageSchema,
  ContactGroupSchema,
  ContactGroupUpdateSchema,
} from './schemas';

const tags = ['Contact groups'];
const groupResponse = Type.Ref(ContactGroupSchema);

export const contactGroupRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/contact-groups',
    {
      schema: {
        tags,
        operationId: 'listContactGroups',
        summary: 'List contact groups',
        description: 'Newest first, each with its `memberCount`. `q` finds groups by part of their name.',
        querystring: ContactGroupListQuerySchema,
        response: { 200: Type.Ref(ContactGroupPageSchema), ...problemResponses },
      },
    },
    async (request) => contactGroups.list(request.ctx, request.query),
  );

  app.post(
    '/contact-groups',
    {
      schema: {
        tags,
        operationId: 'createContactGroup',
        summary: 'Create a contact group',
        description:
          'Names are unique in the organisation (422 with `name`/`contact_group_name_taken` otherwise). Put contacts in a group with their `groupIds` (or the `groups` column of a CSV import). Emits `contact_group.created`.',
        body: Type.Ref(ContactGroupCreateSchema),
        response: { 201: groupResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const group = await contactGroups.create(request.ctx, request.body);
      reply.code(201).header('location', `/v1/contact-groups/${group.id}`);
      return group;
    },
  );

  app.get(
    '/contact-groups/:id',
    {
      schema: {
        tags,
        operationId: 'getContactGroup',
        summary: 'Get a contact group',
        description: 'List its members with `GET /v1/contacts?groupId=…`.',
        params: IdParams,
        response: { 200: groupResponse, ...problemResponses },
      },
    },
    async (request) => contactGroups.get(request.ctx, request.params.id),
  );

  app.patch(
    '/contact-groups/:id',
    {
      schema: {
        tags,
        operationId: 'updateContactGroup',
        summary: 'Rename or describe a contact group',
        description:
          'Fields present replace the stored ones; `description: null` clears it. Emits `contact_group.updated`.',
        params: IdParams,
        body: Type.Ref(ContactGroupUpdateSchema),
        response: { 200: groupResponse, ...problemResponses },
      },
    },
    async (request) => contactGroups.update(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/contact-groups/:id',
    {
      schema: {
        tags,
        operationId: 'deleteContactGroup',
        summary: 'Delete a contact group',
        description:
          'Removes the group and its memberships; the contacts stay (their `groupIds` no longer list it: each member gets a new version and `updatedAt` and a `contact.updated` event). Emits `contact_group.deleted`.',
        params: IdParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await contactGroups.remove(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
