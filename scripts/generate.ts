/**
 * Regenerates the committed artefacts from their single sources:
 *   openapi/openapi.json  ← the TypeBox route schemas (via @fastify/swagger)
 * With --check it regenerates in memory and fails when a committed file differs (CI drift check).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildApp } from '@fakturo/api';
import { connect } from '@fakturo/db';

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

async function main() {
  const spec = await openapi();
  const artefacts: Artefact[] = [spec];
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
