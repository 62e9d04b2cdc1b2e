import fastJsonStringifyTyped from 'fast-json-stringify';
import { describe, expect, it } from 'vitest';
import { buildSerializer } from '../../src/schemas/serializer';

// plain JSON Schema literals here, as Fastify hands them over
const fastJsonStringify = fastJsonStringifyTyped as unknown as (
  schema: object,
  options: { schema: Record<string, object> },
) => (data: unknown) => string;

const money = {
  $id: 'Money',
  type: 'object',
  properties: { amount: { type: 'string' }, currency: { type: 'string' } },
};
const line = {
  $id: 'Line',
  type: 'object',
  properties: { name: { type: 'string' }, net: { $ref: 'Money' }, quantity: { type: 'string' } },
};
const invoice = {
  $id: 'Invoice',
  type: 'object',
  properties: {
    number: { type: 'string' },
    lines: { type: 'array', items: { $ref: 'Line#' } },
    total: { $ref: 'Money#/properties/amount' },
  },
};
const problem = { $id: 'Problem', type: 'object', properties: { title: { type: 'string' } } };
// not valid JSON Schema: fast-json-stringify refuses it wherever it is handed in
const broken = { $id: 'Broken', type: 'object', properties: { x: { type: 7 } } };

const externals = { Money: money, Line: line, Invoice: invoice, Problem: problem };
const invoiceData = {
  number: 'RE-1',
  lines: [
    { name: 'Hosting', net: { amount: '10.00', currency: 'EUR', secret: 'x' }, quantity: '1', extra: true },
  ],
  total: '10.00',
  internal: 'not serialised',
};

describe('buildSerializer', () => {
  it('writes what fast-json-stringify writes with every named schema, through chains of $ref and fragments', () => {
    const compile = buildSerializer(externals);
    const route = { type: 'object', properties: { data: { type: 'array', items: { $ref: 'Invoice' } } } };
    const expected = fastJsonStringify(route, { schema: externals });
    const data = { data: [invoiceData, { ...invoiceData, number: 'RE-2', lines: [] }] };
    expect(compile({ schema: route })(data)).toBe(expected(data));
    // a named schema as the route's own schema
    expect(compile({ schema: invoice })(invoiceData)).toBe(
      fastJsonStringify(invoice, { schema: { Money: money, Line: line, Problem: problem } })(invoiceData),
    );
  });

  it('hands a compile only the named schemas its schema reaches', () => {
    // Fastify's default passes all of them, so one it never uses is checked (and refused) on every compile
    expect(() =>
      fastJsonStringify({ $ref: 'Problem' }, { schema: { ...externals, Broken: broken } }),
    ).toThrow(/Broken/);
    const compile = buildSerializer({ ...externals, Broken: broken });
    expect(compile({ schema: { $ref: 'Problem' } })({ title: 'Not found', detail: 'x' })).toBe(
      '{"title":"Not found"}',
    );
    // ...and the ones it reaches are still checked
    expect(() => compile({ schema: { type: 'object', properties: { b: { $ref: 'Broken' } } } })).toThrow(
      /Broken/,
    );
  });

  it('compiles an equal schema once, and refuses a $ref to no named schema as before', () => {
    const compile = buildSerializer(externals);
    const first = compile({ schema: { $ref: 'Problem' } });
    expect(compile({ schema: { $ref: 'Problem' } })).toBe(first);
    expect(compile({ schema: { $ref: 'Invoice' } })).not.toBe(first);
    expect(() => compile({ schema: { type: 'object', properties: { x: { $ref: 'Nowhere' } } } })).toThrow(
      /Nowhere/,
    );
  });
});
