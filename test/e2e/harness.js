// End-to-end harness: builds the demo when it is missing or older than its sources, serves
// dist/demo on 127.0.0.1 with a tiny static server, and starts Debian's Chromium via playwright-core.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromeArgs, chromeMissingMessage, findChrome } from '../support/chrome-path.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));
/** dist/, or VST_OUT_DIR (as in vite.config.ts): a run that must not touch the shared dist/. */
const distDir = resolve(root, process.env.VST_OUT_DIR ?? 'dist');
export const demoDir = join(distDir, 'demo');

/** Newest modification time under `path` (a file or a directory tree). */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/**
 * `npm test` runs on a fresh clone (CI) before `npm run build`: build the script-tag bundle and
 * the demo site here when they are missing or stale. The ESM library build is not needed.
 */
export function ensureDemoBuilt() {
  const outputs = [
    'vod-sprite-thumbnails.iife.js',
    'demo/index.html',
    'demo/script-tag.html',
    'demo/lib/vod-sprite-thumbnails.iife.js',
  ].map((path) => join(distDir, path));
  const inputs = ['src', 'demo', 'vite.config.ts', 'package.json'].map((path) => join(root, path));
  const sourcesTime = Math.max(...inputs.filter(existsSync).map(newest));
  const builtTime = Math.min(...outputs.map((path) => (existsSync(path) ? statSync(path).mtimeMs : 0)));
  if (builtTime > sourcesTime) return false;
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  for (const mode of ['iife', 'demo']) {
    const result = spawnSync(process.execPath, [vite, 'build', '--mode', mode, '--logLevel', 'warn'], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      timeout: 120_000,
    });
    if (result.status !== 0) throw new Error(`vite build --mode ${mode} failed (status ${result.status})`);
  }
  return true;
}

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.vtt': 'text/vtt; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.mp4': 'video/mp4',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * Serves `dir` on 127.0.0.1 (random port), with byte ranges for the video and no CORS headers,
 * like a static host. The same files under http://localhost:<port> are therefore another origin
 * that refuses cross-origin fetches, which the demo's "VTT without CORS" sample relies on.
 * Every request is logged in `requests`.
 */
export async function serveStatic(dir) {
  const requests = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push({ url: req.url, host: req.headers.host, time: Date.now() });
    let path = decodeURIComponent(url.pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const size = statSync(file).size;
    const headers = {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'accept-ranges': 'bytes',
      'cache-control': 'no-store',
    };
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    if (range) {
      const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      if (start >= size || start > end) {
        res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
        return;
      }
      res.writeHead(206, { ...headers, 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${size}` });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file, { start, end }).pipe(res);
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': size });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    otherOrigin: `http://localhost:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function launchBrowser() {
  const executablePath = findChrome();
  if (!executablePath) throw new Error(chromeMissingMessage);
  return chromium.launch({ executablePath, args: chromeArgs, headless: true, timeout: 30_000 });
}

/** Polls `check` (async, truthy when done) until it passes or `timeout` ms elapse; `message` may be a function. */
export async function waitFor(check, { timeout = 5000, interval = 50, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const what = typeof message === 'function' ? await message() : message;
      throw new Error(`Timed out after ${timeout} ms waiting for ${what} (last: ${last})`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
