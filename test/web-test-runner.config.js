// @web/test-runner: real Chromium, real video.js, real files over HTTP.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { build } from 'esbuild';
import { chromeArgs, chromeMissingMessage, findChrome } from './support/chrome-path.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const chrome = findChrome();
if (!chrome) throw new Error(chromeMissingMessage);

const MIME = {
  '.json': 'application/json',
  '.vtt': 'text/vtt; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.mp4': 'video/mp4',
  '.js': 'text/javascript',
  '.html': 'text/html',
  '.css': 'text/css',
};

/**
 * video.js 8's ESM build still imports CommonJS modules, which the test server cannot
 * serve as native ESM: resolve the bare `video.js` import to one URL and serve an
 * esbuild bundle of it there, built once per run.
 */
function videojsBundle() {
  const url = '/__wtr/video.js';
  let bundle;
  return {
    name: 'videojs-bundle',
    resolveImport({ source }) {
      if (source === 'video.js') return url;
    },
    async serve(context) {
      if (context.path !== url) return;
      bundle ??= build({
        entryPoints: ['video.js'],
        absWorkingDir: root,
        bundle: true,
        format: 'esm',
        write: false,
        logLevel: 'silent',
        define: { 'process.env.NODE_ENV': '"production"' },
      }).then((result) => result.outputFiles[0].text);
      return { body: await bundle, type: 'js' };
    },
  };
}

/**
 * Test-only HTTP behaviour:
 *  - every request is logged; tests read the log with the `request-log` command
 *    (each test puts a unique token in its URLs to find its own requests);
 *  - `/__wtr/delay/<ms>/<path>` serves <path> after <ms> milliseconds (races);
 *  - `/__wtr/status/<code>/<path>` answers with that status (failures);
 *  - media files answer HTTP Range requests, so the video can really seek;
 *  - a second server on another port is another origin: without `cors` in the query it
 *    sends no CORS headers (fetch fails as on a CDN without CORS, <img> still loads).
 * Commands: `request-log` {contains}, `other-origin`, `touch` {type, x, y} (trusted touches),
 * `device-scale-factor` {factor} (devicePixelRatio; 1 resets it, as does `setViewport`),
 * `save-data` {enabled} (navigator.connection.saveData; no `enabled` clears the override).
 *
 * Faults (test/faults.test.ts and friends; see `faultRoutes`):
 *  - `/__wtr/hang/<path>` never answers;
 *  - `/__wtr/stall/<bytes>/<path>` sends the headers (full Content-Length) and <bytes> bytes, then stalls;
 *  - `/__wtr/truncate/<bytes>/<path>` sends the full Content-Length and <bytes> bytes, then drops the connection;
 *  - `/__wtr/html/<path>` answers 200 with an HTML page (a CDN's or a portal's), whatever <path> is;
 *  - `/__wtr/signed/<path>?t=<hex unix time>` serves <path> until t, then 403 (Tencent's hotlink signature);
 *  - `/__wtr/csp/<path>` serves the file <path> with a strict Content-Security-Policy (see CSP);
 *  - `/__wtr/dist/<file>` serves the built bundles from $WTR_DIST (default dist/), for runs on another build;
 *  - `/__wtr/text/<id>/<name>` serves what the `serve-text` command stored (generated VTTs, payloads).
 * Hung sockets are destroyed when the client gives up and when the server stops, so the runner exits.
 * More commands: `serve-text` {text, name} → a path as above; `memory` → {heap, nodes, documents,
 * listeners} after a forced GC (CDP); `fuzz-runs` → $FUZZ_RUNS as a number, 0 when unset (heavy fuzzing);
 * `heavy` → whether $HEAVY is set (longer lifecycle runs).
 */
const log = [];

/**
 * 404s that tests ask for on purpose: the fault routes above and files named `missing`. The
 * runner lists every 404 under each test file as if a file were missing; these are not.
 */
const DELIBERATE_404 = /^__wtr\/|(^|\/)missing[./]/;

/** The default reporter, without the deliberate 404s in its lists (any other 404 still shows). */
function reporterWithoutDeliberate404s() {
  const reporter = defaultReporter();
  return {
    ...reporter,
    reportTestFileResults: ({ sessionsForTestFile, ...rest }) =>
      reporter.reportTestFileResults({
        ...rest,
        sessionsForTestFile: sessionsForTestFile.map((session) => ({ ...session, request404s: session.request404s.filter((url) => !DELIBERATE_404.test(url)) })),
      }),
  };
}

/** Koa middleware given to the dev server config (an `app.use` in `serverStart` comes too late to run). */
async function logDelayStatus(ctx, next) {
  log.push({ url: ctx.url, time: Date.now(), origin: 'main' });
  const delay = /^\/__wtr\/delay\/(\d+)(\/.*)$/.exec(ctx.path);
  if (delay) {
    await new Promise((resolve) => setTimeout(resolve, Number(delay[1])));
    ctx.url = delay[2] + (ctx.querystring ? `?${ctx.querystring}` : '');
  }
  const status = /^\/__wtr\/status\/(\d+)(\/.*)$/.exec(ctx.path);
  if (status) {
    ctx.status = Number(status[1]);
    ctx.body = `status ${status[1]}`;
    return;
  }
  const range = /^bytes=(\d*)-(\d*)$/.exec(ctx.get('range'));
  if (range && extname(ctx.path) === '.mp4') {
    const file = normalize(join(root, decodeURIComponent(ctx.path)));
    if (file.startsWith(root) && existsSync(file)) {
      const size = statSync(file).size;
      const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      if (start > end || start >= size) {
        ctx.status = 416;
        ctx.set('content-range', `bytes */${size}`);
        return;
      }
      ctx.status = 206;
      ctx.set('accept-ranges', 'bytes');
      ctx.set('content-range', `bytes ${start}-${end}/${size}`);
      ctx.type = 'video/mp4';
      ctx.length = end - start + 1;
      ctx.body = createReadStream(file, { start, end });
      return;
    }
  }
  return next();
}

/** A strict page: only same-origin resources, no inline script or style, Trusted Types for script sinks. */
const CSP = "default-src 'self'; require-trusted-types-for 'script'";
const HTML_PAGE = '<!doctype html><html><head><title>Sign in</title></head><body><h1>Please sign in</h1></body></html>';
/** Sockets held open by hang/stall routes. */
const heldSockets = new Set();
/** Texts stored by the `serve-text` command, by id. */
const texts = new Map();

function fileOf(path) {
  const file = normalize(join(root, decodeURIComponent(path)));
  return file.startsWith(root) && existsSync(file) && statSync(file).isFile() ? file : undefined;
}

function hold(ctx) {
  ctx.respond = false;
  const socket = ctx.req.socket;
  heldSockets.add(socket);
  socket.once('close', () => heldSockets.delete(socket));
  return socket;
}

/** Partial bodies (stall, truncate): the full length announced, only `bytes` of it sent. */
function partialBody(ctx, bytes, path, drop) {
  const file = fileOf(path);
  if (!file) return false;
  const body = readFileSync(file);
  const socket = hold(ctx);
  ctx.res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'content-length': body.length, 'cache-control': 'no-store' });
  ctx.res.write(body.subarray(0, Math.min(bytes, body.length - 1)));
  if (drop) setTimeout(() => socket.destroy(), 50);
  return true;
}

/** Koa middleware for the fault routes listed above. */
async function faultRoutes(ctx, next) {
  const route = /^\/__wtr\/(hang|stall|truncate|html|signed|csp|dist|text)(?:\/(\d+))?(\/.*)$/.exec(ctx.path);
  if (!route) return next();
  const [, kind, number, path] = route;
  if (kind === 'hang') {
    hold(ctx);
    return;
  }
  if (kind === 'stall' || kind === 'truncate') {
    if (partialBody(ctx, Number(number ?? 0), path, kind === 'truncate')) return;
  } else if (kind === 'html') {
    ctx.type = 'text/html';
    ctx.body = HTML_PAGE;
    return;
  } else if (kind === 'signed') {
    const expires = Number.parseInt(ctx.query.t ?? '0', 16) * 1000;
    if (!(expires > Date.now())) {
      ctx.status = 403;
      ctx.body = 'signature expired';
      return;
    }
    ctx.url = path;
    return next();
  } else if (kind === 'csp') {
    const file = fileOf(path);
    if (file) {
      ctx.set('content-security-policy', CSP);
      ctx.type = MIME[extname(file)] ?? 'text/plain';
      ctx.body = readFileSync(file);
      return;
    }
  } else if (kind === 'dist') {
    const file = join(process.env.WTR_DIST ?? join(root, 'dist'), normalize(path));
    if (existsSync(file)) {
      ctx.type = MIME[extname(file)] ?? 'application/octet-stream';
      ctx.body = readFileSync(file);
      return;
    }
  } else if (kind === 'text' && number !== undefined && texts.has(Number(number))) {
    ctx.type = MIME[extname(path)] ?? 'text/plain';
    ctx.set('cache-control', 'no-store');
    ctx.body = texts.get(Number(number));
    return;
  }
  ctx.status = 404;
  ctx.body = 'not found';
}

function testServer() {
  let otherOrigin;
  /** One extra DevTools session per test page: Chromium keeps touch state and overrides per session. */
  const cdpSessions = new Map();
  const cdpSession = async (session) => {
    let client = cdpSessions.get(session.id);
    if (!client) {
      client = await session.browser.getPage(session.id).createCDPSession();
      cdpSessions.set(session.id, client);
    }
    return client;
  };
  const serveFile = (path, res, headers = {}) => {
    const file = normalize(join(root, decodeURIComponent(path)));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, headers).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', ...headers });
    createReadStream(file).pipe(res);
  };
  return {
    name: 'test-server',
    async serverStart() {
      otherOrigin = createServer((req, res) => {
        log.push({ url: req.url, time: Date.now(), origin: 'other' });
        const url = new URL(req.url, 'http://x');
        serveFile(url.pathname, res, url.searchParams.has('cors') ? { 'access-control-allow-origin': '*' } : {});
      });
      await new Promise((resolve) => otherOrigin.listen(0, '127.0.0.1', resolve));
    },
    async serverStop() {
      for (const socket of heldSockets) socket.destroy();
      otherOrigin?.close();
    },
    async executeCommand({ command, payload, session }) {
      if (command === 'request-log') {
        const contains = payload?.contains ?? '';
        return log.filter((entry) => entry.url.includes(contains));
      }
      if (command === 'other-origin') {
        return `http://127.0.0.1:${otherOrigin.address().port}`;
      }
      if (command === 'touch') {
        // Trusted touch events through the DevTools protocol, as a finger would send them.
        const client = await cdpSession(session);
        const points = payload.type === 'end' || payload.type === 'cancel' ? [] : [{ x: payload.x, y: payload.y }];
        const type = { start: 'touchStart', move: 'touchMove', end: 'touchEnd', cancel: 'touchCancel' }[payload.type];
        await client.send('Input.dispatchTouchEvent', { type, touchPoints: points });
        return true;
      }
      if (command === 'device-scale-factor') {
        // A HiDPI screen: devicePixelRatio = factor at the same CSS viewport size. puppeteer's
        // setViewport sends Emulation.setDeviceMetricsOverride on the page's own session, so a
        // later `setViewport` from a test (which resets the factor to 1) agrees with it.
        const page = session.browser.getPage(session.id);
        const factor = Number(payload?.factor ?? 1);
        if (!(factor > 0)) throw new Error(`device-scale-factor: bad factor ${payload?.factor}`);
        const { width, height } = page.viewport() ?? (await page.evaluate(() => ({ width: innerWidth, height: innerHeight })));
        await page.setViewport({ width, height, deviceScaleFactor: factor });
        return factor;
      }
      if (command === 'serve-text') {
        const id = texts.size + 1;
        texts.set(id, String(payload?.text ?? ''));
        return `/__wtr/text/${id}/${encodeURIComponent(payload?.name ?? 'file.txt')}`;
      }
      if (command === 'memory') {
        // Live heap and DOM counters after a full GC (DevTools protocol), for leak checks.
        const client = await cdpSession(session);
        await client.send('HeapProfiler.collectGarbage');
        const { usedSize } = await client.send('Runtime.getHeapUsage');
        const { documents, nodes, jsEventListeners } = await client.send('Memory.getDOMCounters');
        return { heap: usedSize, nodes, documents, listeners: jsEventListeners };
      }
      if (command === 'fuzz-runs') {
        const runs = Number(process.env.FUZZ_RUNS);
        // 0, not null, when unset: a null answer reads as "no plugin handles this command".
        return Number.isInteger(runs) && runs > 0 ? runs : 0;
      }
      if (command === 'heavy') {
        return Boolean(process.env.HEAVY);
      }
      if (command === 'save-data') {
        // The user's Data Saver setting (navigator.connection.saveData); {enabled: undefined} clears it.
        const client = await cdpSession(session);
        await client.send('Emulation.setDataSaverOverride', payload?.enabled === undefined ? {} : { dataSaverEnabled: Boolean(payload.enabled) });
        return true;
      }
    },
  };
}

export default {
  rootDir: root,
  // WTR_PORT lets two runs share the machine.
  ...(process.env.WTR_PORT ? { port: Number(process.env.WTR_PORT) } : {}),
  files: ['test/**/*.test.ts', '!test/e2e/**'],
  nodeResolve: { exportConditions: ['production', 'browser'] },
  // One page at a time: a background tab defers media loading and input (modernweb-dev/web#2403).
  concurrency: 1,
  middleware: [logDelayStatus, faultRoutes],
  // The whole suite on a 2-core machine takes minutes; a single test's limit is below.
  testsFinishTimeout: 10 * 60 * 1000,
  testFramework: { config: { timeout: 15000 } },
  browserLogs: true,
  reporters: [reporterWithoutDeliberate404s()],
  // Warnings are claimed by the tests that cause them (support/console.ts), so what is left here is
  // worth reading. Measurements that tests print with report() (run counts, heap per cycle) show
  // only with TEST_REPORTS=1: `npm test` prints nothing unless something is wrong.
  filterBrowserLogs: ({ args }) => Boolean(process.env.TEST_REPORTS) || args[0] !== '[report]',
  browsers: [chromeLauncher({ launchOptions: { executablePath: chrome, headless: true, args: chromeArgs } })],
  plugins: [
    videojsBundle(),
    testServer(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: join(root, 'tsconfig.json') }),
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html>
  <head>
    <meta charset="utf-8">
    <link rel="stylesheet" href="/node_modules/video.js/dist/video-js.css">
  </head>
  <body>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};
