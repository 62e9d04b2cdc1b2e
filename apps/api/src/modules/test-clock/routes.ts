import { testClock } from '@fakturo/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { problemResponses } from '../../schemas/common';
import { TestClockAdvanceResultSchema, TestClockAdvanceSchema, TestClockSchema } from './schemas';

const tags = ['Test clock'];

export const testClockRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/test-clock',
    {
      schema: {
        tags,
        operationId: 'getTestClock',
        summary: 'Get the sandbox’s clock',
        description: 'Only sandbox organisations have one (409 `test_clock_not_sandbox` otherwise).',
        response: { 200: Type.Ref(TestClockSchema), ...problemResponses },
      },
    },
    async (request) => testClock.get(request.ctx),
  );

  app.post(
    '/test-clock/advance',
    {
      schema: {
        tags,
        operationId: 'advanceTestClock',
        summary: 'Move the sandbox’s clock forward',
        description:
          'Freezes the clock at the new time and starts the daily billing run for the new date, as the cron would: run the worker and a year of billing passes in seconds. Only forward; only sandboxes.',
        body: Type.Ref(TestClockAdvanceSchema),
        response: { 200: Type.Ref(TestClockAdvanceResultSchema), ...problemResponses },
      },
    },
    async (request) => testClock.advance(request.ctx, request.body),
  );
};
