/**
 * Type helpers that read request and response types out of the generated `paths` (openapi-typescript), so
 * no API type is written by hand: when a route's schema changes, `npm run generate` changes the SDK's types.
 */
import type { components, paths } from './generated/openapi';

export type { components, paths };

/** The named schemas of the API (`Contact`, `ContactCreate`, `Problem`, …). */
export type Schemas = components['schemas'];
/** One named schema, e.g. `Schema<'Contact'>`. */
export type Schema<N extends keyof Schemas> = Schemas[N];

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** Every path of the API, e.g. `'/v1/contacts/{id}'`. */
export type ApiPath = keyof paths;

/** openapi-typescript writes `put?: never` for absent methods; that reads as `undefined`, here `never`. */
type Defined<T> = [T] extends [undefined] ? never : Exclude<T, undefined>;

/** The operation object of a path and method; `never` when the API has no such route. */
export type Operation<P extends ApiPath, M extends HttpMethod> = Defined<paths[P][M]>;

/** The methods a path supports, e.g. `MethodsOf<'/v1/contacts'>` is `'get' | 'post'`. */
export type MethodsOf<P extends ApiPath> = {
  [M in HttpMethod]: [Operation<P, M>] extends [never] ? never : M;
}[HttpMethod];

type ParametersOf<O> = O extends { parameters: infer X } ? X : never;

/** Path parameters (`{ id: string }`), or `undefined` when the path has none. */
export type PathParams<P extends ApiPath, M extends HttpMethod> =
  ParametersOf<Operation<P, M>> extends { path: infer X } ? X : undefined;

/** Query parameters, or `never` when the operation takes none. */
export type QueryParams<P extends ApiPath, M extends HttpMethod> =
  ParametersOf<Operation<P, M>> extends { query?: infer Q } ? Defined<Q> : never;

type ContentOf<R> = R extends { content: infer C }
  ? 'application/json' extends keyof C
    ? C['application/json']
    : C[keyof C]
  : undefined;

/** The request body (JSON, or the text of a CSV upload), or `never` when the operation takes none. */
export type RequestBody<P extends ApiPath, M extends HttpMethod> =
  Operation<P, M> extends { requestBody?: infer R } ? Defined<ContentOf<Defined<R>>> : never;

type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 206;
type ResponsesOf<O> = O extends { responses: infer R } ? R : never;

/** What a successful call resolves to: the 2xx body, or `undefined` for 204 No Content. */
export type SuccessBody<P extends ApiPath, M extends HttpMethod> = ContentOf<
  ResponsesOf<Operation<P, M>>[Extract<keyof ResponsesOf<Operation<P, M>>, SuccessStatus>]
>;

/** A page of a list: newest first; pass `nextCursor` as `startingAfter` for the next one. */
export interface Page<T> {
  data: T[];
  hasMore: boolean;
  nextCursor: string | null;
}
