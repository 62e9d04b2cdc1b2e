import type { ApiRequest, HttpClient, RequestOptions } from '../http';
import type { ApiPath, MethodsOf, PathParams, QueryParams } from '../types';

/** The API's paths that answer a GET. */
type GetPath = { [P in ApiPath]: 'get' extends MethodsOf<P> ? P : never }[ApiPath];

/**
 * A GET of a file route (PDF, XML, CSV), its path and parameters checked against the API's routes; `params`
 * only when the path has placeholders.
 */
export type FileRequest<P extends GetPath> = {
  path: P;
  query?: QueryParams<P, 'get'>;
  /** The media type asked for, e.g. `application/pdf`. */
  accept: string;
} & ([PathParams<P, 'get'>] extends [undefined] ? { params?: undefined } : { params: PathParams<P, 'get'> });

function fileCall<P extends GetPath>(file: FileRequest<P>, responseType: 'bytes' | 'text'): ApiRequest {
  // the types were checked against `paths` above; the transport itself is untyped
  return {
    method: 'get',
    path: file.path,
    params: file.params as Record<string, string> | undefined,
    query: file.query as object | undefined,
    accept: file.accept,
    responseType,
  };
}

/**
 * Downloads a file as raw bytes. A PDF is binary — decoded as text it would be corrupted — so files do not
 * go through the JSON path of `Resource.call`.
 */
export async function downloadBytes<P extends GetPath>(
  http: HttpClient,
  file: FileRequest<P>,
  options?: RequestOptions,
): Promise<Uint8Array> {
  return (await http.request(fileCall(file, 'bytes'), options)) as Uint8Array;
}

/** Downloads a text file (XML, CSV) as the string the server sent, decoded as UTF-8. */
export async function downloadText<P extends GetPath>(
  http: HttpClient,
  file: FileRequest<P>,
  options?: RequestOptions,
): Promise<string> {
  return (await http.request(fileCall(file, 'text'), options)) as string;
}
