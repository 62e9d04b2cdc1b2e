import type { Db } from '@fakturo/db';
import { type Ctx, DomainError } from '@fakturo/domain';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { GraphQLError } from 'graphql';
import mercurius, { type IResolvers, type MercuriusLoaders } from 'mercurius';
import { graphqlModules } from '../graphql/modules';

declare module 'mercurius' {
  interface MercuriusContext {
    ctx: Ctx;
  }
}

export interface GraphqlModule {
  typeDefs: string;
  resolvers: IResolvers;
  /** Batched field loaders against N+1 (one query per field per request, not per row). */
  loaders?: MercuriusLoaders;
}

const BASE = `
  "Arbitrary JSON (metadata, event payloads)."
  scalar JSON
  type Query { _version: String! }
  type Mutation { _noop: Boolean }
`;

function merge(modules: GraphqlModule[]) {
  const resolvers: Record<string, Record<string, unknown>> = {
    Query: { _version: () => '1' },
    Mutation: { _noop: () => null },
  };
  const loaders: MercuriusLoaders = {};
  for (const module of modules) {
    for (const [type, fields] of Object.entries(module.resolvers)) {
      resolvers[type] = { ...(resolvers[type] ?? {}), ...(fields as Record<string, unknown>) };
    }
    for (const [type, fields] of Object.entries(module.loaders ?? {})) {
      loaders[type] = { ...(loaders[type] ?? {}), ...fields };
    }
  }
  return {
    schema: [BASE, ...modules.map((m) => m.typeDefs)].join('\n'),
    resolvers: resolvers as IResolvers,
    loaders,
  };
}

/**
 * GraphQL at /graphql over the same domain services as REST. Authentication is the same hook (the request's
 * `ctx`); domain errors keep their stable code in `extensions.code`.
 */
export const graphqlPlugin = fp(
  async (app: FastifyInstance, _options: { db: Db }) => {
    const { schema, resolvers, loaders } = merge(graphqlModules);
    await app.register(mercurius, {
      schema,
      resolvers,
      loaders,
      path: '/graphql',
      graphiql: process.env.NODE_ENV !== 'production',
      queryDepth: 8,
      context: (request) => ({ ctx: request.ctx }),
      errorFormatter: (execution, context) => {
        const requestId = context.reply?.request.id;
        const errors = execution.errors.map((error) => {
          const original = (error as GraphQLError).originalError;
          if (original instanceof DomainError) {
            return {
              message: original.message,
              path: error.path,
              locations: error.locations,
              extensions: {
                code: original.code,
                ...(original.errors ? { errors: original.errors } : {}),
                requestId,
              },
            };
          }
          if (original && !(original instanceof GraphQLError)) {
            context.reply?.log.error({ err: original }, 'graphql resolver error');
            return {
              message: 'Something went wrong on our side.',
              path: error.path,
              locations: error.locations,
              extensions: { code: 'internal_error', requestId },
            };
          }
          return {
            message: error.message,
            path: error.path,
            locations: error.locations,
            extensions: { code: 'graphql_validation_failed', requestId, ...error.extensions },
          };
        });
        return { statusCode: 200, response: { data: execution.data ?? null, errors } };
      },
    });
  },
  { name: 'graphql', dependencies: ['auth'] },
);
