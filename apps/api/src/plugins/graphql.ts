import type { Db } from '@fakturo/db';
import { type Ctx, DomainError } from '@fakturo/domain';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { type DocumentNode, GraphQLError, getOperationAST, Kind, type ValueNode } from 'graphql';
import mercurius, { type IResolvers, type MercuriusLoaders } from 'mercurius';
import { graphqlModules } from '../graphql/modules';
import { frameworkCode, STATUS } from './errors';

declare module 'mercurius' {
  interface MercuriusContext {
    ctx: Ctx;
    /** Public base URL of this installation: the portal links (share links) start with it. */
    publicUrl: string;
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
  "An integer amount in minor units (cents), signed where the REST field is: a JSON number, never a float, and not limited to 32 bits (GraphQL's Int ends at 21,474,836.47 EUR)."
  scalar MinorAmount
  type Query { _version: String! }
  type Mutation { _noop: Boolean }
`;

function minorAmount(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new TypeError(`MinorAmount must be a whole number, got ${String(value)}`);
  }
  return value;
}

/** Money in minor units, every module's: a safe integer (up to 2^53 − 1), where GraphQL's Int stops at 2^31 − 1. */
const minorAmountScalar = {
  serialize: minorAmount,
  parseValue: minorAmount,
  // a literal that is no whole number (1.5, "12") is named as written
  parseLiteral: (ast: ValueNode) =>
    minorAmount(ast.kind === Kind.INT ? Number(ast.value) : 'value' in ast ? ast.value : ast.kind),
};

function merge(modules: GraphqlModule[]) {
  const resolvers: Record<string, Record<string, unknown>> = {
    MinorAmount: minorAmountScalar as unknown as Record<string, unknown>,
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

function isMutation(document: DocumentNode, operationName: unknown): boolean {
  const operation = getOperationAST(document, typeof operationName === 'string' ? operationName : undefined);
  // No single operation to run: graphql-js refuses it itself; judge conservatively by any mutation in it.
  if (!operation) {
    return document.definitions.some((d) => d.kind === 'OperationDefinition' && d.operation === 'mutation');
  }
  return operation.operation === 'mutation';
}

/**
 * Execution errors answer 200 with `errors` (GraphQL over HTTP). A request refused before anything ran — no or
 * a revoked key, a missing scope, the rate limit, an unparsable or invalid document — answers with the HTTP
 * status REST would use, so clients and proxies see a 401 as a 401.
 */
function refusedStatus(execution: { data?: unknown; errors: readonly unknown[] }): number {
  if (execution.data !== undefined || execution.errors.length !== 1) return 200;
  const original = (execution.errors[0] as GraphQLError).originalError as
    | (Error & { statusCode?: number })
    | undefined;
  if (original instanceof DomainError) return STATUS[original.kind];
  if (typeof original?.statusCode === 'number' && original.statusCode >= 400 && original.statusCode < 500) {
    return original.statusCode;
  }
  return 200;
}

interface FormattedError {
  message: string;
  path?: readonly (string | number)[];
  locations?: readonly { line: number; column: number }[];
  extensions: Record<string, unknown>;
}

/** Domain errors keep their code; parse/validation failures are listed one by one; anything else hides internals. */
function formatError(
  error: GraphQLError,
  requestId: string | undefined,
  log: { error: (obj: object, msg: string) => void } | undefined,
): FormattedError[] {
  const original = error.originalError as
    | (Error & { code?: string; statusCode?: number; errors?: unknown })
    | undefined;
  const where = { path: error.path, locations: error.locations };
  if (original instanceof DomainError) {
    return [
      {
        message: original.message,
        ...where,
        // the details REST puts in the problem body (a 412's expectedVersion and currentVersion, …) too
        extensions: {
          ...(original.details ?? {}),
          code: original.code,
          ...(original.errors ? { errors: original.errors } : {}),
          requestId,
        },
      },
    ];
  }
  if (!original || original instanceof GraphQLError) {
    return [
      {
        message: error.message,
        ...where,
        extensions: { code: 'graphql_validation_failed', requestId, ...error.extensions },
      },
    ];
  }
  // Mercurius wraps parse, validation and variable errors in one error that lists them (MER_ERR_GQL_VALIDATION).
  const code = frameworkCode(original.code);
  if (Array.isArray(original.errors) && original.errors.length > 0) {
    return original.errors.map(
      (inner: {
        message?: string;
        locations?: FormattedError['locations'];
        path?: FormattedError['path'];
      }) => ({
        message: inner.message ?? original.message,
        ...(inner.path ? { path: inner.path } : {}),
        ...(inner.locations ? { locations: inner.locations } : {}),
        extensions: { code, requestId },
      }),
    );
  }
  if (typeof original.statusCode === 'number' && original.statusCode >= 400 && original.statusCode < 500) {
    return [{ message: original.message, ...where, extensions: { code, requestId } }];
  }
  log?.error({ err: original }, 'graphql resolver error');
  return [
    {
      message: 'Something went wrong on our side.',
      ...where,
      extensions: { code: 'internal_error', requestId },
    },
  ];
}

/**
 * GraphQL at /graphql over the same domain services as REST. Authentication is the same hook (the request's
 * `ctx`); domain errors keep their stable code in `extensions.code`.
 */
export const graphqlPlugin = fp(
  async (app: FastifyInstance, options: { db: Db; publicUrl: string }) => {
    const { schema, resolvers, loaders } = merge(graphqlModules);
    await app.register(mercurius, {
      schema,
      resolvers,
      loaders,
      path: '/graphql',
      graphiql: process.env.NODE_ENV !== 'production',
      queryDepth: 8,
      context: (request) => ({ ctx: request.ctx, publicUrl: options.publicUrl }),
      errorFormatter: (execution, context) => {
        const requestId = context.reply?.request.id;
        const errors = execution.errors.flatMap((error) =>
          formatError(error as GraphQLError, requestId, context.reply?.log),
        );
        return { statusCode: refusedStatus(execution), response: { data: execution.data ?? null, errors } };
      },
    });

    // A read key may query; changing data needs `write`, as a POST/PATCH/DELETE does over REST.
    app.graphql.addHook('preExecution', async (_schema, document, context) => {
      const request = context.reply.request;
      const params = (request.method === 'GET' ? request.query : request.body) as {
        operationName?: unknown;
      } | null;
      if (isMutation(document, params?.operationName) && !context.ctx.actor.scopes.includes('write')) {
        throw new DomainError(
          'forbidden',
          'scope_missing',
          "This key lacks the 'write' scope that mutations need.",
        );
      }
    });
  },
  { name: 'graphql', dependencies: ['auth'] },
);
