// `npm run bench`: parse speed of the thumbnail WebVTT parser in Chromium, beside
// videojs-vtt.js (the parser video.js ships) and the browser's own <track>.
// Generates a 36,000-cue Tencent-format VTT (10 h, one cue a second), serves it and the
// bundled page code over loopback, and prints a table of medians.
// Options: --runs=N (default 15), --cues=N (default 36000).
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromeArgs, chromeMissingMessage, findChrome } from '../support/chrome-path.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const arg = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const runs = arg('runs', 15);
const cueCount = arg('cues', 36000);
const MIN_RATIO = 20;

/** Tencent's layout: template 10, 10×10 tiles of 142×80 per sheet, bare sheet names. */
function tencentVtt(count) {
  const stamp = (s) => {
    const h = Math.floor(s / 3600);
    const m = Math.floor(s / 60) % 60;
    return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`;
  };
  const parts = ['WEBVTT\n\n'];
  for (let i = 0; i < count; i++) {
    const tile = i % 100;
    parts.push(
      `${stamp(i)} --> ${stamp(i + 1)}\nimageSprite_10_${Math.floor(i / 100)}.jpg#xywh=${(tile % 10) * 142},${Math.floor(tile / 10) * 80},142,80\n\n`,
    );
  }
  return parts.join('');
}

const chrome = findChrome();
if (!chrome) {
  console.error(chromeMissingMessage);
  process.exit(1);
}

const vtt = tencentVtt(cueCount);
const bundle = await build({
  entryPoints: [fileURLToPath(new URL('./vtt-bench-page.js', import.meta.url))],
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  minify: true,
  write: false,
  logLevel: 'silent',
});
const pages = {
  '/': ['text/html', '<!doctype html><meta charset="utf-8"><script type="module" src="/bench.js"></script>'],
  '/bench.js': ['text/javascript', bundle.outputFiles[0].text],
  '/media/imageSprite_10.vtt': ['text/vtt; charset=utf-8', vtt],
};
const server = createServer((req, res) => {
  const page = pages[new URL(req.url, 'http://x').pathname];
  if (!page) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': page[0], 'cache-control': 'no-store' }).end(page[1]);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await chromium.launch({ executablePath: chrome, args: chromeArgs });
let failed = false;
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => typeof window.runVttBench === 'function');
  const results = await page.evaluate((options) => window.runVttBench(options), { vttPath: '/media/imageSprite_10.vtt', runs, warmup: 5 });
  const rows = [
    { name: 'parseThumbnailVtt (ours)', ...results.ours },
    { name: 'videojs-vtt.js WebVTT.Parser', ...results.vttjs },
    { name: 'native <track kind=metadata> (incl. loopback fetch)', ...results.track },
    { name: 'fetch + text() only (loopback, for reference)', ...results.fetch },
  ];
  const ratio = results.vttjs.median / results.ours.median;
  printTable(
    `WebVTT parse, ${cueCount} cues (${(vtt.length / 1e6).toFixed(2)} MB), Chromium ${browser.version()}, median of ${runs} runs after 5 warm-up runs`,
    ['case', 'median ms', 'min ms', 'first call ms', 'cues', 'median vs ours'],
    rows.map((r) => [r.name, r.median.toFixed(2), r.min.toFixed(2), r.first.toFixed(2), Number.isNaN(r.cues) ? '' : String(r.cues), `${(r.median / results.ours.median).toFixed(1)}×`]),
  );
  for (const r of [results.ours, results.vttjs, results.track]) {
    if (r.cues !== cueCount) {
      console.error(`cue count mismatch: expected ${cueCount}, got ${r.cues}`);
      failed = true;
    }
  }
  console.log(`\nratio videojs-vtt.js / ours: ${ratio.toFixed(1)}× (required ≥ ${MIN_RATIO}×) ${ratio >= MIN_RATIO ? 'PASS' : 'FAIL'}`);
  if (ratio < MIN_RATIO) failed = true;
} finally {
  await browser.close();
  server.close();
}
process.exitCode = failed ? 1 : 0;

function printTable(title, header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${title}\n`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}
