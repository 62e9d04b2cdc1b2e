import { contacts } from '@fakturo/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { expectedVersion, withEtag } from '../../plugins/versioning';
import { IdParams, problemResponses } from '../../schemas/common';
import {
  ContactCreateSchema,
  ContactListQuerySchema,
  ContactPageSchema,
  ContactSchema,
  ContactUpdateSchema,
} from './schemas';

const tags = ['Contacts'];
const contactResponse = Type.Ref(ContactSchema);

export const contactRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/contacts',
    {
      schema: {
        tags,
        operationId: 'listContacts',
        summary: 'List contacts',
        description:
          'Newest first. Filter by text (`q`), group, tag, city, country, e-mail, source/external id and dates.',
        querystring: ContactListQuerySchema,
        response: { 200: Type.Ref(ContactPageSchema), ...problemResponses },
      },
    },
    async (request) => contacts.list(request.ctx, request.query),
  );

  app.post(
    '/contacts',
    {
      schema: {
        tags,
        operationId: 'createContact',
        summary: 'Create a contact',
        description:
          'Creates a person or company. The customer number is taken from the organisation’s customer range unless given. IBANs, BICs, VAT ids and mandate references are checked; every broken rule is reported at once (422).',
        body: Type.Ref(ContactCreateSchema),
        response: { 201: contactResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const contact = await contacts.create(request.ctx, request.body);
      reply.code(201).header('location', `/v1/contacts/${contact.id}`);
      return withEtag(reply, contact);
    },
  );

  app.get(
    '/contacts/:id',
    {
      schema: {
        tags,
        operationId: 'getContact',
        summary: 'Get a contact',
        params: IdParams,
        response: { 200: contactResponse, ...problemResponses },
      },
    },
    async (request, reply) => withEtag(reply, await contacts.get(request.ctx, request.params.id)),
  );

  app.patch(
    '/contacts/:id',
    {
      schema: {
        tags,
        operationId: 'updateContact',
        summary: 'Update a contact',
        description:
          'Fields present replace the stored ones; arrays (e-mails, bank accounts, mandates, groups, tags) are replaced as a whole — give an item’s `id` to keep it. Send `If-Match` with the ETag you read to avoid overwriting someone else’s change (412 otherwise).',
        params: IdParams,
        body: Type.Ref(ContactUpdateSchema),
        response: { 200: contactResponse, ...problemResponses },
      },
    },
    async (request, reply) => {
      const contact = await contacts.update(
        request.ctx,
        request.params.id,
        request.body,
        expectedVersion(request),
      );
      return withEtag(reply, contact);
    },
  );

  app.delete(
    '/contacts/:id',
    {
      schema: {
        tags,
        operationId: 'deleteContact',
        summary: 'Delete a contact',
        description:
          'Only a contact without documents can be deleted (409 `contact_has_documents`); archive the others.',
        params: IdParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await contacts.remove(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );

  for (const action of ['archive', 'unarchive'] as const) {
    app.post(
      `/contacts/:id/${action}`,
      {
        schema: {
          tags,
          operationId: `${action}Contact`,
          summary: action === 'archive' ? 'Archive a contact' : 'Restore an archived contact',
          description:
            action === 'archive'
              ? 'Archived contacts keep their documents and history but leave default lists and billing.'
              : 'Brings an archived contact back into lists.',
          params: IdParams,
          response: { 200: contactResponse, ...problemResponses },
        },
      },
      async (request, reply) => withEtag(reply, await contacts[action](request.ctx, request.params.id)),
    );
  }
};
