/**
 * Regenerates the committed artefacts from their single sources:
 *   openapi/openapi.json                    ← the TypeBox route schemas (via @fastify/swagger)
 *   packages/sdk/src/generated/openapi.ts   ← that same spec text (via openapi-typescript)
 * With --check it regenerates in memory and fails when a committed file differs (CI drift check).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildApp } from '@fakturo/api';
import { connect } from '@fakturo/db';
import openapiTS, { astToString } from 'openapi-typescript';

const root = resolve(import.meta.dirname, '..');
const check = process.argv.includes('--check');

export interface Artefact {
  path: string;
  content: string;
}

async function openapi(): Promise<Artefact> {
  // No query runs while the spec is built; the pool never connects.
  const db = connect('postgres://unused@127.0.0.1:1/unused');
  const app = await buildApp({ db });
  await app.ready();
  const spec = app.swagger();
  await app.close();
  await db.destroy();
  return { path: 'openapi/openapi.json', content: `${JSON.stringify(spec, null, 2)}\n` };
}

const SDK_TYPES_HEADER = `/**
 * generated — DO NOT EDIT.
 * Types of the Fakturo REST API, made by openapi-typescript from openapi/openapi.json (scripts/generate.ts).
 * Change the route schemas in apps/api and run \`npm run generate\`; CI fails when this file drifts.
 */

`;

/**
 * The SDK's types, from the very spec text written above (not the file on disk), so one run is consistent
 * and `--check` compares both against the routes. The TypeScript printer output is deterministic.
 */
async function sdkTypes(spec: Artefact): Promise<Artefact> {
  // A property is optional unless the schema lists it as required: openapi-typescript's default would
  // also make every property with a `default` required, wrongly so for request bodies (the server fills it).
  const ast = await openapiTS(spec.content, { silent: true, defaultNonNullable: false });
  return {
    path: 'packages/sdk/src/generated/openapi.ts',
    content: `${SDK_TYPES_HEADER}${astToString(ast).trimEnd()}\n`,
  };
}

async function main() {
  const spec = await openapi();
  const artefacts: Artefact[] = [spec, await sdkTypes(spec)];
  let drift = 0;
  for (const { path, content } of artefacts) {
    const file = resolve(root, path);
    let current: string | null = null;
    try {
      current = readFileSync(file, 'utf8');
    } catch {}
    if (current === content) continue;
    if (check) {
      drift += 1;
      console.error(`drift: ${path} is not what its source generates; run \`npm run generate\` and commit.`);
    } else {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
      console.log(`wrote ${path}`);
    }
  }
  if (drift > 0) process.exit(1);
  if (check) console.log('generated files are current');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
