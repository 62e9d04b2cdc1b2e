import type { Db } from '@fakturo/db';
import { migrationsCurrent } from '@fakturo/db';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';

const Status = Type.Object({
  status: Type.String(),
  checks: Type.Optional(Type.Record(Type.String(), Type.String())),
});

/** Liveness (`/healthz`: the process answers) and readiness (`/readyz`: database reachable, schema current). */
export const healthRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  let migrated = false;
  const config = { public: true };
  app.get(
    '/healthz',
    {
      config,
      schema: {
        tags: ['Operations'],
        operationId: 'health',
        summary: 'Liveness',
        security: [],
        response: { 200: Status },
      },
    },
    async () => ({ status: 'ok' }),
  );
  app.get(
    '/readyz',
    {
      config,
      schema: {
        tags: ['Operations'],
        operationId: 'ready',
        security: [],
        summary: 'Readiness: database reachable and migrations applied',
        response: { 200: Status, 503: Status },
      },
    },
    async (_request, reply) => {
      try {
        await db.raw('SELECT 1');
        migrated ||= await migrationsCurrent(db);
        if (!migrated)
          return reply.code(503).send({ status: 'unavailable', checks: { migrations: 'pending' } });
        return { status: 'ok', checks: { database: 'ok', migrations: 'ok' } };
      } catch {
        return reply.code(503).send({ status: 'unavailable', checks: { database: 'unreachable' } });
      }
    },
  );
};
