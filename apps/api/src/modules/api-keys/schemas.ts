import { apiKeys } from '@fakturo/domain';
import { type Static, Type } from '@sinclair/typebox';
import { InstantString, Nullable, PageOf, StringEnum } from '../../schemas/common';

export const ApiKeySchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    secretHint: Type.String({ description: 'Last four characters of the secret' }),
    scopes: Type.Array(StringEnum(apiKeys.SCOPES)),
    createdAt: InstantString,
    lastUsedAt: Nullable(InstantString),
  },
  { $id: 'ApiKey' },
);

export const ApiKeyWithSecretSchema = Type.Object(
  {
    ...ApiKeySchema.properties,
    secret: Type.String({ description: 'The secret key. Shown only in this response; store it now.' }),
  },
  { $id: 'ApiKeyWithSecret' },
);

export const ApiKeyCreateSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    scopes: Type.Array(StringEnum(apiKeys.SCOPES), {
      minItems: 1,
      default: ['read', 'write'],
      description: '`read` for GET, `write` for everything else',
    }),
  },
  { additionalProperties: false, $id: 'ApiKeyCreate' },
);

export const ApiKeyPageSchema = PageOf(Type.Ref(ApiKeySchema), 'ApiKey');
export const apiKeySchemas = [ApiKeySchema, ApiKeyWithSecretSchema, ApiKeyCreateSchema, ApiKeyPageSchema];

type Assert<T extends true> = T;
export type _KeyMatches = Assert<apiKeys.ApiKey extends Static<typeof ApiKeySchema> ? true : false>;
