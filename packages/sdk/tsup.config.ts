import { defineConfig } from 'tsup';

/**
 * One source, two module systems: ESM (`dist/index.js`) and CommonJS (`dist/index.cjs`), each with its own
 * declarations (`.d.ts` / `.d.cts`) so TypeScript resolves the right one under either `moduleResolution`.
 * No dependencies are bundled because there are none: the client needs only `fetch`, webhooks `node:crypto`.
 */
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  clean: true,
  splitting: false,
  treeshake: true,
  outDir: 'dist',
});
