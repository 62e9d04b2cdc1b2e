import { DomainError } from '@fakturo/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The version a caller expects from `If-Match: "7"` (or `W/"7"`); undefined when absent or `*`. */
export function expectedVersion(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined || header === '*') return undefined;
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(String(header).trim());
  if (!match) {
    throw new DomainError(
      'invalid_request',
      'if_match_invalid',
      'If-Match must be an ETag this API sent, like "3".',
    );
  }
  return Number(match[1]);
}

/** Sends a versioned resource with its ETag, so the next PATCH can carry `If-Match`. */
export function withEtag<T extends { version: number }>(reply: FastifyReply, resource: T): T {
  reply.header('etag', `"${resource.version}"`);
  return resource;
}
