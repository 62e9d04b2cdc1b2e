import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { bodyOptional } from '../schemas/common';

export const API_DESCRIPTION = `API-first billing and invoicing for European businesses.

**Authentication**: \`Authorization: Bearer <secret key>\`. Keys have the scopes \`read\` and \`write\`.

**Conventions**: money in integer minor units with an ISO 4217 \`currency\` (a document's net total at most
4,503,599,627,370,495, else 422 \`amount_out_of_range\`); text may hold any character but NUL (U+0000), refused
with 400 and the code \`nul_character\` at each place; dates \`YYYY-MM-DD\`; instants RFC 3339 UTC;
lists use cursor pagination (\`limit\`, \`startingAfter\`, response \`hasMore\`/\`nextCursor\`); every POST accepts
\`Idempotency-Key\`; resources carry \`version\` and an \`ETag\`, and PATCH honours \`If-Match\`; errors are RFC 9457
problem details with a stable \`code\`; every response carries \`X-Request-Id\`; rate limits per key with \`RateLimit-*\`
headers and \`Retry-After\` on 429.`;

/** The flag `transform` sets on a route whose body is optional; `transformObject` turns it into `required: false`. */
const BODY_OPTIONAL = 'x-fakturo-body-optional';

type OpenApiOperation = { [BODY_OPTIONAL]?: boolean; requestBody?: { required?: boolean } };
type OpenApiDocument = { paths?: Record<string, Record<string, OpenApiOperation | undefined>> };

/** OpenAPI 3.1 from the TypeBox route schemas; named schemas ($id) become components. Docs at /docs. */
export const openapiPlugin = fp(
  async (app: FastifyInstance, options: { serverUrl?: string; version: string }) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: { title: 'Fakturo API', version: options.version, description: API_DESCRIPTION },
        servers: options.serverUrl ? [{ url: options.serverUrl }] : [],
        components: {
          securitySchemes: {
            bearerAuth: { type: 'http', scheme: 'bearer', description: 'Your secret API key' },
          },
        },
        security: [{ bearerAuth: [] }],
      },
      // GraphQL and GraphiQL are documented by their own schema, not as REST operations. A route whose body
      // may be left out (preValidation `bodyOptional`) is flagged here and its body marked optional below:
      // @fastify/swagger marks every body required.
      transform: ({ schema, url, route }) => ({
        schema: (url.startsWith('/graphql') || url.startsWith('/graphiql')
          ? { ...schema, hide: true }
          : [route.preValidation].flat().includes(bodyOptional)
            ? { ...schema, [BODY_OPTIONAL]: true }
            : schema) as never,
        url,
      }),
      transformObject: (documentObject) => {
        const document = (documentObject as { openapiObject: OpenApiDocument }).openapiObject;
        for (const operations of Object.values(document.paths ?? {})) {
          for (const operation of Object.values(operations)) {
            if (!operation?.[BODY_OPTIONAL]) continue;
            delete operation[BODY_OPTIONAL];
            if (operation.requestBody) operation.requestBody.required = false;
          }
        }
        return document as never;
      },
      refResolver: {
        buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`),
      },
    });
    await app.register(swaggerUi, {
      routePrefix: '/docs',
      uiConfig: { docExpansion: 'list', deepLinking: true, defaultModelsExpandDepth: 0 },
      uiHooks: {},
      staticCSP: true,
    });
    app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
