// The service worker (sw/sw.ts, issue 17), built after `next build` (npm run build and scripts/start.mjs run
// it): esbuild bundles it with Serwist, then Serwist's injectManifest writes the precache list into it:
// the stylesheets of this build (.next/static, hashed names) and the icon; the worker adds the offline page
// of every language under the build id. Output: .next/baro/sw.js, served at /sw.js by app/sw.js/route.ts.
//
// Why not @serwist/next: it hooks into webpack, and `next build` here uses Turbopack. Building the worker
// in a step of its own, after Next, is Serwist's documented way for Turbopack ("configurator mode" does the
// same through @serwist/cli); this script is that step without the extra CLI.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { injectManifest } from '@serwist/build';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const next = path.join(root, '.next');
const out = path.join(next, 'baro');
const buildIdFile = path.join(next, 'BUILD_ID');
if (!fs.existsSync(buildIdFile)) {
  console.error('[baro] build-sw: no Next build in .next (run next build first)');
  process.exit(1);
}
const buildId = fs.readFileSync(buildIdFile, 'utf8').trim();
fs.mkdirSync(out, { recursive: true });

const bundled = path.join(out, 'sw.bundle.js');
await esbuild.build({
  entryPoints: [path.join(root, 'sw', 'sw.ts')],
  tsconfig: path.join(root, 'sw', 'tsconfig.json'),
  bundle: true,
  format: 'iife',
  target: 'es2020',
  minify: true,
  legalComments: 'none',
  // The offline pages are precached under the build's id: a new build fetches them again.
  define: { 'process.env.NODE_ENV': '"production"', __BARO_BUILD_ID__: JSON.stringify(buildId) },
  outfile: bundled,
  logLevel: 'warning',
});

const md5 = (file) => crypto.createHash('md5').update(fs.readFileSync(file)).digest('hex');
const result = await injectManifest({
  swSrc: bundled,
  swDest: path.join(out, 'sw.js'),
  globDirectory: next,
  globPatterns: ['static/**/*.css'],
  modifyURLPrefix: { 'static/': '/_next/static/' },
  // Hashed names: no revision needed.
  dontCacheBustURLsMatching: /^\/_next\/static\//,
  additionalPrecacheEntries: [{ url: '/icon.svg', revision: md5(path.join(root, 'public', 'icon.svg')) }],
});
fs.rmSync(bundled);
for (const w of result.warnings) console.warn(`[baro] build-sw: ${w}`);
console.log(`[baro] service worker: .next/baro/sw.js, ${fs.statSync(path.join(out, 'sw.js')).size} bytes, precaches ${result.count} files (${result.size} bytes on disk)`);
