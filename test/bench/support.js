// Shared pieces of the browser benchmarks: bundle a page script, serve it over loopback,
// drive it in Chromium, print a table. A new benchmark is a page script plus a small runner.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromeArgs, chromeMissingMessage, findChrome } from '../support/chrome-path.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** `--name=value` from the command line as a number, or `fallback`. */
export function numberArg(name, fallback) {
  return Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
}

/**
 * Bundles `entry` (path relative to the repo root) with esbuild, serves it at `/bench.js`
 * from an empty page at `/`, plus `files` (`{ '/path': [contentType, body] }`), opens the
 * page in Chromium and calls `run(page, browser)`. Everything is closed afterwards.
 */
export async function withBenchPage({ entry, files = {} }, run) {
  const chrome = findChrome();
  if (!chrome) {
    console.error(chromeMissingMessage);
    process.exit(1);
  }
  const bundle = await build({ entryPoints: [entry], absWorkingDir: root, bundle: true, format: 'esm', minify: true, write: false, logLevel: 'silent' });
  const routes = {
    '/': ['text/html', '<!doctype html><meta charset="utf-8"><script type="module" src="/bench.js"></script>'],
    '/bench.js': ['text/javascript', bundle.outputFiles[0].text],
    ...files,
  };
  const server = createServer((req, res) => {
    const route = routes[new URL(req.url, 'http://x').pathname];
    if (!route) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': route[0], 'cache-control': 'no-store' }).end(route[1]);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath: chrome, args: chromeArgs });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    return await run(page, browser);
  } finally {
    await browser.close();
    server.close();
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
