// Diagnostic, not a benchmark: `node test/bench/trace-hover.mjs [page] [moves]` records a
// Chromium trace of mouse moves over one hover-bench page (bare, element, plugin, sprite, vtt)
// and prints, per rendering frame (main-thread Commit to Commit), how many layouts ran, what
// invalidated style and layout (with the script that did it) and main-thread time by event.
// It answers "whose layout is it?", which CDP's LayoutCount cannot. Trace in /tmp/trace-<page>.json.
// BENCH_SRC=<checkout> builds that src/ instead (compare a change against this one).
import { writeFileSync } from 'node:fs';
import { servePages } from './hover-server.js';
import { openPage, sweep } from './hover-measure.js';
import { buildIife, launchChrome } from './support.js';

const name = process.argv[2] ?? 'element';
const count = Number(process.argv[3] ?? 100);
// BENCH_SRC: a checkout whose src/ to build (e.g. a worktree with a change to compare).
const server = await servePages(await buildIife(process.env.BENCH_SRC || undefined), 0);
const browser = await launchChrome();
const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
const { cdp, bar } = await openPage(context, `${server.origin}/${name}.html`, name, 'threadTicks');
const events = [];
cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
await cdp.send('Tracing.start', {
  transferMode: 'ReportEvents',
  traceConfig: {
    includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.invalidationTracking', 'disabled-by-default-devtools.timeline.stack'],
  },
});
for (const x of sweep(bar, count)) {
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y: bar.y, button: 'none', pointerType: 'mouse' });
  await new Promise((resolve) => setTimeout(resolve, 16));
}
await new Promise((resolve) => setTimeout(resolve, 200));
await cdp.send('Tracing.end');
await complete;
writeFileSync(`/tmp/trace-${name}.json`, JSON.stringify({ traceEvents: events }));

// The page's main thread: the one that runs animation frame callbacks.
const frameEvent = events.find((e) => e.name === 'FireAnimationFrame');
const onMain = events.filter((e) => e.pid === frameEvent.pid && e.tid === frameEvent.tid).sort((a, b) => a.ts - b.ts);
const where = (stack) => (stack?.[0] ? ` ${stack[0].functionName || '(anonymous)'}@${stack[0].url.split('/').pop()}` : '');

const perFrame = new Map();
let layouts = 0;
let callbacks = 0;
const reasons = new Map();
const totals = new Map();
const add = (map, key, value = 1) => map.set(key, (map.get(key) ?? 0) + value);
for (const e of onMain) {
  if (e.ph === 'X') add(totals, e.name, (e.tdur ?? e.dur ?? 0) / 1000);
  if (e.name === 'Layout' && e.ph === 'X') {
    layouts++;
    const stack = e.args?.beginData?.stackTrace;
    if (stack) add(reasons, `forced layout in${where(stack)}`);
  } else if (e.name === 'FireAnimationFrame' && e.ph === 'X') callbacks++;
  else if (e.name === 'Commit' && e.ph === 'X') {
    add(perFrame, `${layouts} layout(s)${callbacks ? '' : ', no rAF'}`);
    layouts = callbacks = 0;
  } else if (e.name.endsWith('InvalidationTracking')) {
    const data = e.args?.data ?? {};
    add(reasons, `${e.name.replace('InvalidationTracking', '')}: ${data.reason ?? ''} ${data.nodeName ?? ''}${where(data.stackTrace)}`);
  }
}
const print = (title, map, format = (v) => v) =>
  console.log(`${title}\n${[...map].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([key, value]) => `  ${String(format(value)).padStart(8)}  ${key}`).join('\n')}\n`);
console.log(`${name}: ${count} moves\n`);
print('frames by layouts in them', perFrame);
print('invalidations and forced layouts', reasons);
print('main-thread time by event (ms, nested events counted in their parents too)', totals, (v) => v.toFixed(1));
await browser.close();
await server.close();
process.exit(0);
