// The hover benchmark's measurements on one page: open it, check that its preview really
// shows, then batches of real mouse moves over the seek bar with CDP Performance metrics
// around each batch.

export const METRICS = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'LayoutCount', 'RecalcStyleCount'];
const DURATIONS = new Set(['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration']);
/** CDP calls in flight at once while moving: paced like a mouse, not by the round trip. */
const IN_FLIGHT = 2;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

const move = (cdp, x, y) => cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y, button: 'none', pointerType: 'mouse' });

/**
 * Moves the mouse to each x (at height y), one move every `interval` ms like a real mouse;
 * at most IN_FLIGHT unanswered at once, so a page that falls behind slows the sender.
 */
async function moveAlong(cdp, xs, y, interval) {
  const start = performance.now();
  const pending = [];
  for (let i = 0; i < xs.length; i++) {
    if (pending.length >= IN_FLIGHT) await pending.shift();
    pending.push(move(cdp, xs[i], y));
    const due = start + (i + 1) * interval - performance.now();
    if (due > 0) await sleep(due);
  }
  await Promise.all(pending);
}

/** `count` x positions across the bar and back (one sweep each way), inset from its ends. */
export function sweep(bar, count) {
  const left = bar.left + 3;
  const width = bar.right - 3 - left;
  return Array.from({ length: count }, (_, i) => {
    const phase = (2 * i) / (count - 1);
    return Math.round((left + width * (phase <= 1 ? phase : 2 - phase)) * 10) / 10;
  });
}

/** Hovers the bar at `fraction` and fails loudly unless the page shows its preview there. */
async function expectPreview(handle, fraction) {
  const { page, cdp, bar, name } = handle;
  await move(cdp, bar.left + (bar.right - bar.left) * fraction, bar.y);
  const result = await page.evaluate(() => window.bench.preview(15000));
  if (!result.shown) {
    throw new Error(`${name}: no preview on hover at ${Math.round(fraction * 100)} % of the seek bar (${result.what}); the comparison would mean nothing`);
  }
  return result.what;
}

function failOnPageErrors(handle, when) {
  if (handle.errors.length) throw new Error(`${handle.name}: page errors ${when}: ${handle.errors.join('; ')}`);
}

/**
 * Opens `url` in a fresh page of `context` and waits until the player knows its duration and
 * the contender is ready; warms up (a sweep, then a visible, drawn preview at the start,
 * middle and end of the bar, so every sheet is loaded and decoded). `timeDomain`
 * 'threadTicks' makes CDP count the main thread's CPU time, 'timeTicks' wall time.
 */
export async function openPage(context, url, name, timeDomain) {
  const page = await context.newPage();
  const handle = { name, page, errors: [], shown: '' };
  page.on('pageerror', (error) => handle.errors.push(error.message));
  try {
    // Generous: five pages open at once, on a machine other sessions may be loading heavily.
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120000 });
    handle.bar = await page.evaluate(() => window.bench.ready).catch((error) => {
      throw new Error(`${name}: the page did not get ready: ${error.message}`);
    });
    handle.cdp = await page.context().newCDPSession(page);
    await handle.cdp.send('Performance.enable', { timeDomain });
    await moveAlong(handle.cdp, sweep(handle.bar, 40), handle.bar.y, 8);
    for (const fraction of [0.05, 0.5, 0.95]) handle.shown = await expectPreview(handle, fraction);
    failOnPageErrors(handle, 'while getting ready');
    return handle;
  } catch (error) {
    await page.close();
    throw error;
  }
}

/**
 * Moves along `xs` on the page (under `Emulation.setCPUThrottlingRate` when `throttle` > 1)
 * and returns the metric deltas over the batch (durations in ms) and the frames counted.
 */
export async function measureBatch(handle, xs, { interval, throttle = 1 }) {
  const { page, cdp, bar } = handle;
  await page.bringToFront();
  if (throttle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.evaluate(() => window.bench.startFrames());
  const before = await metrics(cdp);
  await moveAlong(cdp, xs, bar.y, interval);
  await sleep(150); // the last frame and any transition finish inside the window, on every page
  const after = await metrics(cdp);
  const frames = await page.evaluate(() => window.bench.stopFrames());
  if (throttle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const delta = { frames, moves: xs.length };
  for (const key of METRICS) delta[key] = (after[key] - before[key]) * (DURATIONS.has(key) ? 1000 : 1);
  return delta;
}

/** Checks the preview still shows after all the moves (nothing broke or hid it), then closes. */
export async function closePage(handle) {
  try {
    await expectPreview(handle, 0.5);
    failOnPageErrors(handle, 'during the run');
  } finally {
    await handle.page.close();
  }
}
