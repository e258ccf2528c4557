// Diagnostic (not a benchmark): a sampled CPU profile of N mouse moves over one bench page,
// self time by function (ours, video.js, the page, native/GC), to see where a move's cost goes.
import { servePages } from './hover-server.js';
import { openPage, sweep } from './hover-measure.js';
import { buildIife, launchChrome } from './support.js';

const name = process.argv[2] ?? 'element';
const count = Number(process.argv[3] ?? 200);
const ours = await buildIife(undefined, { minify: false });
const server = await servePages(ours, 0);
const browser = await launchChrome();
const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
const handle = await openPage(context, `${server.origin}/${name}.html`, name, 'threadTicks');
const { cdp, bar } = handle;
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
for (const x of sweep(bar, count)) {
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y: bar.y, button: 'none', pointerType: 'mouse' });
  await new Promise((r) => setTimeout(r, 16));
}
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map();
const incl = new Map();
const dts = profile.timeDeltas;
profile.samples.forEach((id, i) => {
  const dt = (dts[i + 1] ?? 0) / 1000;
  const n = byId.get(id);
  const key = (node) => `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
  self.set(key(n), (self.get(key(n)) ?? 0) + dt);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const k = key(byId.get(cur));
    if (seen.has(k)) continue;
    seen.add(k);
    incl.set(k, (incl.get(k) ?? 0) + dt);
  }
});
const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(v / count).toFixed(3).padStart(7)} ms/move  ${k}`).join('\n');
console.log('self\n' + top(self) + '\n\ninclusive (ours.js only)\n' + top(new Map([...incl].filter(([k]) => k.includes('ours.js')))));
await browser.close();
await server.close();
process.exit(0);
