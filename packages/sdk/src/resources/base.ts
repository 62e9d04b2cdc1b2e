import type { ApiRequest, HttpClient, RequestOptions } from '../http';
import type {
  ApiPath,
  HttpMethod,
  MethodsOf,
  PathParams,
  QueryParams,
  RequestBody,
  SuccessBody,
} from '../types';

/**
 * What one call of a route needs, read from the generated `paths`: path parameters when the path has
 * placeholders, the query when the operation takes one, the body when it has one.
 */
export type CallInput<P extends ApiPath, M extends HttpMethod> = ([PathParams<P, M>] extends [undefined]
  ? { params?: undefined }
  : { params: PathParams<P, M> }) &
  ([QueryParams<P, M>] extends [never] ? { query?: undefined } : { query?: QueryParams<P, M> }) &
  ([RequestBody<P, M>] extends [never] ? { body?: undefined } : { body: RequestBody<P, M> }) & {
    /** Sends `If-Match: "<version>"`; the API answers 412 when the object changed since that version. */
    ifMatch?: number | undefined;
    /** Content type of a string body that is not JSON (CSV uploads). */
    contentType?: string;
    /** Accept header, for routes answering other than JSON (CSV exports). */
    accept?: string;
  };

/** Options of a PATCH: the usual ones plus the version the change is based on. */
export interface UpdateOptions extends RequestOptions {
  /**
   * The `version` you read. When someone changed the object since, the API refuses with 412
   * (`PreconditionFailedError`) instead of silently overwriting their change.
   */
  ifMatch?: number;
}

/** Sends a call typed by its path and method; the shared core of every resource method and `fakturo.request`. */
export function callApi<P extends ApiPath, M extends MethodsOf<P>>(
  http: HttpClient,
  method: M,
  path: P,
  input: CallInput<P, M>,
  options?: RequestOptions,
): Promise<SuccessBody<P, M>> {
  // The types were checked against `paths` at the call site; the transport itself is untyped.
  const request = { method, path, ...input } as ApiRequest;
  return http.request(request, options) as Promise<SuccessBody<P, M>>;
}

/** A namespace of the client (`fakturo.contacts`, …). A new resource is a subclass and one line in `Fakturo`. */
export abstract class Resource {
  constructor(protected readonly http: HttpClient) {}

  protected call<P extends ApiPath, M extends MethodsOf<P>>(
    method: M,
    path: P,
    input: CallInput<P, M>,
    options?: RequestOptions,
  ): Promise<SuccessBody<P, M>> {
    return callApi(this.http, method, path, input, options);
  }
}
