/**
 * Builds the SDK's dist/ only when it is missing or older than what it is built from, so `npm test` and
 * the example scripts in this repository always run against the current SDK without rebuilding
 * (a declaration build takes seconds) when nothing changed. `npm run build:sdk` always rebuilds.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const sdkDir = resolve(import.meta.dirname, '..');
const OUTPUTS = ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts'];
const INPUTS = ['src', 'package.json', 'tsup.config.ts'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

const outputs = OUTPUTS.map((file) => join(sdkDir, file));
const stale =
  outputs.some((file) => !existsSync(file)) ||
  Math.max(...INPUTS.map((input) => newestMtime(join(sdkDir, input)))) >
    Math.min(...outputs.map((file) => statSync(file).mtimeMs));

if (stale) {
  console.error('@fakturo/sdk: building dist/ (sources changed)…');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: sdkDir, stdio: ['ignore', 'ignore', 'inherit'] });
}
