// Compiled by exports.test.ts as a CommonJS consumer under `moduleResolution: node16`: the types it sees
// must be the package's `dist/index.d.cts`.
import { type ContactCreateParams, Fakturo, signTestWebhook, ValidationError } from '@fakturo/sdk';

export async function createOrExplain(apiKey: string, input: ContactCreateParams): Promise<string> {
  const fakturo = new Fakturo({ apiKey, baseUrl: 'http://127.0.0.1:3000' });
  try {
    return (await fakturo.contacts.create(input)).id;
  } catch (error) {
    if (error instanceof ValidationError) return error.errors.map((e) => `${e.path}: ${e.code}`).join('\n');
    throw error;
  }
}

export const testHeaders = signTestWebhook('{}', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
