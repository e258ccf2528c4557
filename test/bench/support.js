// Shared pieces of the browser benchmarks: bundle a page script, serve it over loopback,
// drive it in Chromium, print a table. A new benchmark is a page script plus a small runner.
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromeArgs, chromeMissingMessage, findChrome } from '../support/chrome-path.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** Resolves the bare `video.js` import to the page's global `videojs` (script-tag builds). */
const globalVideojs = {
  name: 'global-videojs',
  setup(b) {
    b.onResolve({ filter: /^video\.js$/ }, () => ({ path: 'videojs', namespace: 'global' }));
    b.onLoad({ filter: /.*/, namespace: 'global' }, () => ({ contents: 'module.exports = globalThis.videojs;' }));
  },
};

/**
 * Our package as the IIFE a script-tag page loads, fresh from `srcRoot`/src (default: this
 * checkout): lit bundled, `video.js` from the page's global `videojs` (the esbuild setup of
 * vite.config.ts's scriptTagAssets), Lit in production mode, minified, the shipped ES2021
 * target. Imports resolve through this repo's node_modules too, so a bare `git worktree`
 * builds. Never writes to disk.
 */
export async function buildIife(srcRoot = root, { minify = true } = {}) {
  const result = await build({
    entryPoints: [join(srcRoot, 'src/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'VodSpriteThumbnails',
    target: 'es2021',
    minify,
    write: false,
    logLevel: 'silent',
    tsconfig: join(srcRoot, 'tsconfig.json'),
    nodePaths: [join(root, 'node_modules')],
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [globalVideojs],
  });
  return result.outputFiles[0].text;
}

/** `throttled-moves` -> `BENCH_THROTTLED_MOVES`. */
const envName = (name) => `BENCH_${name.toUpperCase().replaceAll('-', '_')}`;

/**
 * `--name=value` from the command line, else the environment variable `BENCH_NAME`, as a
 * number, or `fallback`.
 */
export function numberArg(name, fallback) {
  const fromArgv = process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  return Number(fromArgv ?? process.env[envName(name)] ?? fallback);
}

/** `--name=value` or `BENCH_NAME` as a string, or `fallback`. */
export function stringArg(name, fallback) {
  const fromArgv = process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  return fromArgv ?? process.env[envName(name)] ?? fallback;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Serves `routes` (`{ '/path': [contentType, body] }`) on 127.0.0.1 (port 0 = any free one).
 * Resolves to `{ origin, close }`.
 */
export async function serve(routes, port = 0) {
  const server = createServer((req, res) => {
    const route = routes[new URL(req.url, 'http://x').pathname];
    if (!route) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': route[0], 'cache-control': 'no-store' }).end(route[1]);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** The local Chromium with the flags measured to work here (exits with a hint when missing). */
export function launchChrome() {
  const chrome = findChrome();
  if (!chrome) {
    console.error(chromeMissingMessage);
    process.exit(1);
  }
  return chromium.launch({ executablePath: chrome, args: chromeArgs });
}

/**
 * Bundles `entry` (path relative to the repo root) with esbuild, serves it at `/bench.js`
 * from an empty page at `/`, plus `files` (`{ '/path': [contentType, body] }`), opens the
 * page in Chromium and calls `run(page, browser)`. Everything is closed afterwards.
 */
export async function withBenchPage({ entry, files = {} }, run) {
  const bundle = await build({ entryPoints: [entry], absWorkingDir: root, bundle: true, format: 'esm', minify: true, write: false, logLevel: 'silent' });
  const server = await serve({
    '/': ['text/html', '<!doctype html><meta charset="utf-8"><script type="module" src="/bench.js"></script>'],
    '/bench.js': ['text/javascript', bundle.outputFiles[0].text],
    ...files,
  });
  const browser = await launchChrome();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/`);
    return await run(page, browser);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Prints `rows` (arrays of strings) under `header`, first column left-aligned. */
export function printTable(title, header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${title}\n`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}
