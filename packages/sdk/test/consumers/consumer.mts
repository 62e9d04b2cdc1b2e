// Compiled by exports.test.ts as an ES module consumer under `moduleResolution: node16`: the types it sees
// must be the package's `dist/index.d.ts`, and they must type-check a typical use.
import { type Contact, Fakturo, NotFoundError, verifyWebhook, type WebhookEvent } from '@fakturo/sdk';

export async function firstContactName(apiKey: string): Promise<string | undefined> {
  const fakturo = new Fakturo({ apiKey, baseUrl: 'http://127.0.0.1:3000', maxRetries: 1 });
  try {
    const page = await fakturo.contacts.list({ limit: 1 });
    const first: Contact | undefined = page.data[0];
    return first?.displayName;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

export function eventType(body: string, headers: Record<string, string>, secret: string): string {
  const event: WebhookEvent = verifyWebhook(body, headers, secret);
  return event.type;
}
