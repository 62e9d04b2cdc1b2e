/**
 * The package as a user installs it: `dist/` built by tsup, resolved through package.json `exports`.
 * The build runs before the tests (`npm test` → `npm run typecheck` → its `pretypecheck` hook runs
 * `npm run build:sdk`), not here: example tests import the same `dist/` in parallel, and a rebuild here
 * would delete it under them. This file fails, saying so, when `dist/` is missing or older than `src/`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const sdkDir = resolve(import.meta.dirname, '..');
const repoRoot = resolve(sdkDir, '../..');
const pkg = JSON.parse(readFileSync(join(sdkDir, 'package.json'), 'utf8'));
const OUTPUTS = ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts'];
const PUBLIC_VALUES = [
  'ApiError',
  'AuthenticationError',
  'AutoPaginator',
  'ConflictError',
  'ConnectionError',
  'Fakturo',
  'FakturoError',
  'NotFoundError',
  'PermissionError',
  'PreconditionFailedError',
  'RateLimitError',
  'VERSION',
  'ValidationError',
  'WebhookVerificationError',
  'signTestWebhook',
  'verifyWebhook',
];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Runs a snippet in a fresh Node process from the repository root, resolving '@fakturo/sdk' as Node does. */
function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' });
}

beforeAll(() => {
  const missing = OUTPUTS.filter((file) => !existsSync(join(sdkDir, file)));
  if (missing.length > 0) {
    throw new Error(
      `SDK build output missing (${missing.join(', ')}): run \`npm run build:sdk\` (npm test does).`,
    );
  }
  const built = Math.min(...OUTPUTS.map((file) => statSync(join(sdkDir, file)).mtimeMs));
  if (newestMtime(join(sdkDir, 'src')) > built) {
    throw new Error(
      'SDK build output is older than packages/sdk/src: run `npm run build:sdk` (npm test does).',
    );
  }
});

describe('@fakturo/sdk as published: ESM, CommonJS and type declarations', () => {
  it('require() in a CommonJS process loads dist/index.cjs with the whole public surface', () => {
    const out = node([
      '-e',
      `const sdk = require('@fakturo/sdk');
       const path = require.resolve('@fakturo/sdk');
       const headers = sdk.signTestWebhook('{"ok":true}', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
       const event = sdk.verifyWebhook('{"ok":true}', headers, 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
       const client = new sdk.Fakturo({ apiKey: 'sk_x', baseUrl: 'http://127.0.0.1:1' });
       console.log(JSON.stringify({ path, keys: Object.keys(sdk).sort(), event, contacts: typeof client.contacts.create,
         errorChain: new sdk.NotFoundError('x', { code: 'c' }) instanceof sdk.FakturoError }));`,
    ]);
    const result = JSON.parse(out);
    expect(result.path).toBe(join(sdkDir, 'dist/index.cjs'));
    expect(result.keys).toEqual(PUBLIC_VALUES);
    expect(result.event).toEqual({ ok: true });
    expect(result.contacts).toBe('function');
    expect(result.errorChain).toBe(true);
  });

  it('import in an ES module process loads dist/index.js with the same surface', () => {
    const out = node([
      '--input-type=module',
      '-e',
      `import * as sdk from '@fakturo/sdk';
       const resolved = import.meta.resolve('@fakturo/sdk');
       const client = new sdk.Fakturo({ apiKey: 'sk_x', baseUrl: 'http://127.0.0.1:1' });
       console.log(JSON.stringify({ resolved, keys: Object.keys(sdk).sort(), list: typeof client.contacts.listAutoPaging }));`,
    ]);
    const result = JSON.parse(out);
    expect(result.resolved).toBe(`file://${join(sdkDir, 'dist/index.js')}`);
    expect(result.keys).toEqual(PUBLIC_VALUES);
    expect(result.list).toBe('function');
  });

  it('the CommonJS require of this process sees the same module as Node', () => {
    const require = createRequire(import.meta.url);
    const sdk = require('@fakturo/sdk');
    expect(Object.keys(sdk).sort()).toEqual(PUBLIC_VALUES);
    expect(sdk.VERSION).toBe(pkg.version);
  });

  it('TypeScript consumers under node16 resolution get the right declarations and type-check', () => {
    const options: ts.CompilerOptions = {
      module: ts.ModuleKind.Node16,
      moduleResolution: ts.ModuleResolutionKind.Node16,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      noEmit: true,
      // the consumers' own use of the declarations is what is checked; @types/node need not be re-checked
      skipLibCheck: true,
      types: ['node'],
    };
    const consumers = {
      esm: join(sdkDir, 'test/consumers/consumer.mts'),
      cjs: join(sdkDir, 'test/consumers/consumer.cts'),
    };
    const resolvedFor = (file: string) =>
      ts.resolveModuleName(
        '@fakturo/sdk',
        file,
        options,
        ts.sys,
        undefined,
        undefined,
        file.endsWith('.mts') ? ts.ModuleKind.ESNext : ts.ModuleKind.CommonJS,
      ).resolvedModule?.resolvedFileName;
    expect(resolvedFor(consumers.esm)).toBe(join(sdkDir, 'dist/index.d.ts'));
    expect(resolvedFor(consumers.cjs)).toBe(join(sdkDir, 'dist/index.d.cts'));

    const program = ts.createProgram(Object.values(consumers), options);
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  }, 120_000);

  it('package.json passes publint (strict) and ships only dist and the README', async () => {
    const { messages } = await publint({ pkgDir: sdkDir, strict: true, pack: 'npm' });
    expect(messages.map((m) => formatMessage(m, pkg, { color: false }))).toEqual([]);
    expect(pkg).toMatchObject({
      name: '@fakturo/sdk',
      sideEffects: false,
      files: ['dist', 'README.md'],
      engines: { node: expect.stringMatching(/^>=20/) },
    });
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: sdkDir,
        encoding: 'utf8',
      }),
    );
    const files: string[] = packed[0].files.map((f: { path: string }) => f.path).sort();
    expect(files).toEqual(expect.arrayContaining(['README.md', 'package.json', ...OUTPUTS]));
    expect(files.filter((f) => !f.startsWith('dist/') && f !== 'README.md' && f !== 'package.json')).toEqual(
      [],
    );
  }, 60_000);
});
