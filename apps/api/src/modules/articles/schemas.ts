import type { Article, ArticleInput, ArticleListQuery, PriceModelInput } from '@fakturo/domain';
import { type billing, SUPPLY_KINDS } from '@fakturo/domain';
import { type Static, Type } from '@sinclair/typebox';
import { InstantString, Nullable, PageOf, PageQuerySchema, StringEnum } from '../../schemas/common';

const RATE_KINDS = ['standard', 'reduced', 'second_reduced', 'super_reduced', 'zero'] as const;
const PRICE_KINDS = ['flat', 'per_unit', 'graduated', 'volume'] as const;

const MinorAmount = (description: string) => Type.Integer({ minimum: 0, description });
const UnitAmount = Type.String({
  pattern: '^\\d+(\\.\\d{1,12})?$',
  description: 'Minor units per unit as a decimal string; may be below one minor unit (`"0.35"`)',
  examples: ['1999', '0.35'],
});

const TierSchema = Type.Object(
  {
    upTo: Nullable(
      Type.Number({
        exclusiveMinimum: 0,
        description: 'Last unit of the tier (inclusive); null for the open last tier',
      }),
    ),
    unitAmount: UnitAmount,
    flatAmount: Type.Optional(MinorAmount('Charged once when units reach the tier')),
  },
  { additionalProperties: false },
);

/** What a price looks like when read: one of four shapes, told apart by `kind`. */
export const PriceModelSchema = Type.Union(
  [
    Type.Object({
      kind: Type.Literal('flat'),
      amount: MinorAmount('The price per period, whatever the quantity'),
    }),
    Type.Object({ kind: Type.Literal('per_unit'), unitAmount: UnitAmount }),
    Type.Object({ kind: Type.Literal('graduated'), tiers: Type.Array(TierSchema) }),
    Type.Object({ kind: Type.Literal('volume'), tiers: Type.Array(TierSchema) }),
  ],
  {
    $id: 'PriceModel',
    description:
      'flat: a fixed amount per period. per_unit: quantity × unitAmount. graduated: each unit priced by the tier it falls in (plus each reached tier’s flatAmount). volume: every unit priced by the one tier the whole quantity falls in. Amounts in minor units of the currency.',
  },
);

/**
 * What a price looks like when written: `kind` and the field(s) it needs. The shape is checked here; what
 * is missing or wrong for the kind is reported by the domain (422, every field at once).
 */
export const PriceModelInputSchema = Type.Object(
  {
    kind: StringEnum(PRICE_KINDS),
    amount: Type.Optional(MinorAmount('flat: the price per period')),
    unitAmount: Type.Optional(UnitAmount),
    tiers: Type.Optional(
      Type.Array(TierSchema, { minItems: 1, maxItems: 50, description: 'graduated and volume' }),
    ),
  },
  {
    $id: 'PriceModelInput',
    additionalProperties: false,
    description:
      'flat needs `amount`, per_unit `unitAmount`, graduated and volume `tiers` (ascending `upTo`, the last null).',
  },
);

const MetadataSchema = Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 500 }), {
  maxProperties: 50,
});

export const ArticleSchema = Type.Object(
  {
    id: Type.String({ examples: ['art_01JD3Y8WQ4XK0R5N6S7T8V9W0A'] }),
    number: Type.String({ description: 'Unique in the organisation' }),
    name: Type.String(),
    description: Nullable(Type.String()),
    unitCode: Type.String({ description: 'UN/ECE Rec. 20 unit: C62 one, HUR hour, MON month …' }),
    taxRateKind: StringEnum(RATE_KINDS, 'Which VAT rate of the seller’s country applies'),
    supplyKind: StringEnum(SUPPLY_KINDS, 'Goods or services (decides reverse charge vs. intra-EU supply)'),
    currency: Type.String(),
    priceModel: Type.Ref(PriceModelSchema),
    active: Type.Boolean(),
    metadata: Type.Record(Type.String(), Type.String()),
    externalId: Nullable(Type.String()),
    source: Nullable(Type.String()),
    version: Type.Integer(),
    createdAt: InstantString,
    updatedAt: InstantString,
  },
  { $id: 'Article', description: 'A product or service with its price.' },
);

const writable = {
  number: Type.Optional(
    Type.String({ minLength: 1, maxLength: 40, description: 'Omit to take the next of `ART-{SEQ:5}`' }),
  ),
  description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  unitCode: Type.Optional(Type.String({ minLength: 2, maxLength: 3, description: 'Default C62 (one)' })),
  taxRateKind: Type.Optional(StringEnum(RATE_KINDS, 'Default standard')),
  supplyKind: Type.Optional(StringEnum(SUPPLY_KINDS, 'Default services')),
  currency: Type.Optional(
    Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217; default the organisation’s' }),
  ),
  active: Type.Optional(Type.Boolean()),
  metadata: Type.Optional(MetadataSchema),
  externalId: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  source: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
};

export const ArticleCreateSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    priceModel: Type.Ref(PriceModelInputSchema),
    ...writable,
  },
  { $id: 'ArticleCreate', additionalProperties: false },
);

export const ArticleUpdateSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    priceModel: Type.Optional(Type.Ref(PriceModelInputSchema)),
    ...writable,
  },
  {
    $id: 'ArticleUpdate',
    additionalProperties: false,
    description:
      'Fields present replace the stored ones. A new price applies to contract items added from now on.',
  },
);

export const ArticleListQuerySchema = Type.Object(
  {
    ...PageQuerySchema,
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Words in the number or name' })),
    active: Type.Optional(Type.Boolean()),
    currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
    source: Type.Optional(Type.String()),
    externalId: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const ArticlePageSchema = PageOf(Type.Ref(ArticleSchema), 'Article');

export const articleSchemas = [
  PriceModelSchema,
  PriceModelInputSchema,
  ArticleSchema,
  ArticleCreateSchema,
  ArticleUpdateSchema,
  ArticlePageSchema,
];

// The wire schema and the domain type must describe the same object; these fail to compile when they drift.
type Assert<T extends true> = T;
export type _ArticleMatches = Assert<Article extends Static<typeof ArticleSchema> ? true : false>;
export type _PriceMatches = Assert<billing.PriceModel extends Static<typeof PriceModelSchema> ? true : false>;
export type _PriceInputMatches = Assert<
  Static<typeof PriceModelInputSchema> extends PriceModelInput ? true : false
>;
export type _CreateMatches = Assert<Static<typeof ArticleCreateSchema> extends ArticleInput ? true : false>;
export type _UpdateMatches = Assert<Static<typeof ArticleUpdateSchema> extends ArticleInput ? true : false>;
export type _ListMatches = Assert<
  Static<typeof ArticleListQuerySchema> extends ArticleListQuery ? true : false
>;
