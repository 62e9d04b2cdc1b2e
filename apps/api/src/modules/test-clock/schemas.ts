import type { testClock } from '@fakturo/domain';
import { type Static, Type } from '@sinclair/typebox';
import { DateString, InstantString } from '../../schemas/common';

const clockFields = {
  now: InstantString,
  today: DateString,
  timezone: Type.String(),
  frozen: Type.Boolean({ description: 'False until first moved: the sandbox follows real time' }),
};

export const TestClockSchema = Type.Object(clockFields, {
  $id: 'TestClock',
  description: 'A sandbox organisation’s own time: the API, billing runs and the daily cron follow it.',
});

export const TestClockAdvanceResultSchema = Type.Object(
  {
    ...clockFields,
    billingRunIds: Type.Array(Type.String(), {
      description: 'The daily billing run started for the new date',
    }),
    dunningRunIds: Type.Array(Type.String(), {
      description:
        'The daily dunning run started for the new date (the overdue, quote-expiry, send-date and mandate sweeps are queued at once too)',
    }),
  },
  { $id: 'TestClockAdvanceResult' },
);

export const TestClockAdvanceSchema = Type.Object(
  {
    to: Type.Optional(Type.String({ format: 'date-time', description: 'Move to this instant' })),
    days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3660 })),
    months: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 120, description: 'Calendar months (Jan 31 + 1 = Feb 28/29)' }),
    ),
  },
  {
    $id: 'TestClockAdvance',
    additionalProperties: false,
    minProperties: 1,
    maxProperties: 1,
    description: 'Exactly one of `to`, `days` or `months`. The clock only moves forward.',
  },
);

export const testClockSchemas = [TestClockSchema, TestClockAdvanceResultSchema, TestClockAdvanceSchema];

type Assert<T extends true> = T;
export type _ClockMatches = Assert<testClock.TestClock extends Static<typeof TestClockSchema> ? true : false>;
export type _ResultMatches = Assert<
  testClock.AdvanceResult extends Static<typeof TestClockAdvanceResultSchema> ? true : false
>;
export type _AdvanceMatches = Assert<
  Static<typeof TestClockAdvanceSchema> extends testClock.AdvanceInput ? true : false
>;
