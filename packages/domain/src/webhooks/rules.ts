import { FieldErrors } from '../errors';
import { checkUrlSyntax, type SsrfPolicy } from './ssrf';
import type { WebhookEndpointInput } from './types';

/** `*`, an exact type (`invoice.paid`) or a prefix (`invoice.*`, `billing_run.*`). */
const EVENT_PATTERN = /^(\*|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*(\.\*)?)$/;
export const MAX_URL_LENGTH = 2048;
export const MAX_ENDPOINTS_PER_ORGANIZATION = 50;

/** True when an event of `type` goes to an endpoint subscribed to `patterns`. */
export function matchesEventType(patterns: readonly string[], type: string): boolean {
  for (const pattern of patterns) {
    if (pattern === '*' || pattern === type) return true;
    if (pattern.endsWith('.*') && type.startsWith(pattern.slice(0, -1))) return true;
  }
  return false;
}

export interface EndpointDraft {
  url: string;
  description: string | null;
  enabledEvents: string[];
  enabled: boolean;
  metadata: Record<string, string>;
}

export function applyEndpointPatch(draft: EndpointDraft, patch: WebhookEndpointInput): EndpointDraft {
  const next = { ...draft } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) next[key] = value;
  return next as unknown as EndpointDraft;
}

/**
 * Normalises a draft (event patterns de-duplicated; `*` makes every other pattern redundant) and reports
 * every broken rule at once. The URL is judged here without DNS; the service resolves it as well.
 */
export function checkEndpoint(
  input: EndpointDraft,
  policy: SsrfPolicy,
): { draft: EndpointDraft; errors: FieldErrors } {
  const errors = new FieldErrors();
  const draft: EndpointDraft = { ...input, url: input.url.trim() };
  if (draft.url.length > MAX_URL_LENGTH) {
    errors.add('url', 'webhook_url_invalid', `must be at most ${MAX_URL_LENGTH} characters`);
  } else {
    const { problem } = checkUrlSyntax(draft.url, policy);
    if (problem) errors.add('url', problem.code, problem.message);
  }
  const patterns = [...new Set(draft.enabledEvents.map((p) => p.trim()))];
  if (patterns.length === 0)
    errors.add('enabledEvents', 'required', 'name at least one event type, or `*` for all');
  draft.enabledEvents.forEach((pattern, i) => {
    if (!EVENT_PATTERN.test(pattern.trim())) {
      errors.add(
        `enabledEvents.${i}`,
        'event_type_pattern_invalid',
        `'${pattern}' is not an event type (\`invoice.paid\`), a prefix (\`invoice.*\`) or \`*\``,
      );
    }
  });
  draft.enabledEvents = patterns.includes('*') ? ['*'] : patterns;
  return { draft, errors };
}
