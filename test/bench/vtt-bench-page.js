// Browser side of `test/bench/vtt-bench.js`: bundled by esbuild, run in Chromium. The node
// script serves the VTTs, opens fresh pages for cold figures and reads the heap over CDP.
import vttjs from 'videojs-vtt.js';
import { parseThumbnailVtt, parseThumbnailVttAsync } from '../../src/parse/thumbnail-vtt.ts';

/** `count` sheet URLs next to the VTT, each signed as Tencent's hotlink protection signs them. */
function signedUrls(vttUrl, count) {
  const folder = vttUrl.slice(0, vttUrl.lastIndexOf('/') + 1);
  return Array.from({ length: count }, (_, i) => `${folder}imageSprite_10_${i}.jpg?t=6a1b2c3d&us=72d4cd1101&sign=9f86d081884c7d659a2feaa0c55ad015`);
}

const texts = new Map();
async function vttText(vttUrl) {
  if (!texts.has(vttUrl)) texts.set(vttUrl, await (await fetch(vttUrl)).text());
  return texts.get(vttUrl);
}

/** videojs-vtt.js's parser, driven the way video.js drives it for a text track. */
function parseWithVttJs(text, keep) {
  let cues = 0;
  const parser = new vttjs.WebVTT.Parser(window, vttjs, vttjs.WebVTT.StringDecoder());
  parser.oncue = (cue) => {
    cues++;
    keep?.push(cue);
  };
  parser.parse(text);
  parser.flush();
  return cues;
}

/** The browser's own parser: a `<track kind="metadata">` on a `<video>`, timed until `load`. */
function parseWithTrack(url) {
  return new Promise((resolve, reject) => {
    const video = document.createElement('video');
    const track = document.createElement('track');
    track.kind = 'metadata';
    track.src = url;
    track.addEventListener('load', () => {
      const count = track.track.cues.length;
      video.remove();
      resolve(count);
    });
    track.addEventListener('error', () => reject(new Error(`<track> failed to load ${url}`)));
    video.append(track);
    document.body.append(video);
    track.track.mode = 'hidden';
  });
}

/** One parse by `parser` of the case; returns the cue count. `track` and `fetch` include a loopback fetch. */
const urlSets = new Map();
/** The case's options; the URL set is the payload's, made once and not timed. */
function optionsOf({ vttUrl, sheets }) {
  const key = `${vttUrl} ${sheets}`;
  if (!urlSets.has(key)) urlSets.set(key, { vttUrl, imageUrls: signedUrls(vttUrl, sheets), pageProtocol: 'https:' });
  return urlSets.get(key);
}

async function runOnce(parser, input, i = 0) {
  const { vttUrl } = input;
  const text = await vttText(vttUrl);
  const options = optionsOf(input);
  if (parser === 'ours') return parseThumbnailVtt(text, options).length;
  // The same, and every cue object made (what reading `track.cues` costs on top).
  if (parser === 'ours+cues') return parseThumbnailVtt(text, options).cues.length;
  if (parser === 'vttjs') return parseWithVttJs(text);
  if (parser === 'track') return parseWithTrack(`${vttUrl}?run=${i}`);
  if (parser === 'fetch') return (await (await fetch(`${vttUrl}?fetch=${i}`)).text()).length;
  throw new Error(`unknown parser ${parser}`);
}

async function timed(parser, input, i) {
  if (parser !== 'track' && parser !== 'fetch') await vttText(input.vttUrl); // the fetch is not timed
  optionsOf(input);
  const start = performance.now();
  const cues = await runOnce(parser, input, i);
  return { ms: performance.now() - start, cues };
}

/** `count` timed parses by `parser` (the node side reads main-thread CPU time around the batch). */
window.benchBatch = async ({ input, parser, count, offset = 0 }) => {
  const ms = [];
  let cues = 0;
  for (let k = 0; k < count; k++) {
    const result = await timed(parser, input, offset + k);
    ms.push(result.ms);
    cues = result.cues;
  }
  return { ms, cues };
};

/** Cold: the first call on this (fresh) page. */
window.benchCold = async ({ input, parser }) => timed(parser, input, 0);

/** Keeps a parse alive for the heap reading (the node side measures before and after). */
window.benchKeep = async ({ input, parser }) => {
  const text = await vttText(input.vttUrl);
  const options = optionsOf(input);
  if (parser === 'ours') window.kept = parseThumbnailVtt(text, options);
  else if (parser === 'ours+cues') window.kept = parseThumbnailVtt(text, options).cues;
  else if (parser === 'vttjs') {
    window.kept = [];
    parseWithVttJs(text, window.kept);
  }
  return true;
};
window.benchPrefetch = async ({ input }) => {
  optionsOf(input);
  return (await vttText(input.vttUrl)).length;
};
window.benchDrop = () => {
  window.kept = undefined;
  texts.clear();
  urlSets.clear();
};

async function streamText(response) {
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  const pieces = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    pieces.push(decoder.decode(value, { stream: true }));
  }
  pieces.push(decoder.decode());
  return pieces.join('');
}

/**
 * The longest main-thread task from fetching the VTT to the track being ready, on a fresh
 * page: a `longtask` observer (buffered; first shown to work on a 120 ms busy loop) and a
 * MessageChannel heartbeat, whose longest silence bounds the longest task below 50 ms too.
 */
window.benchLongTask = async ({ input, mode }) => {
  const longTasks = [];
  new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 100));
  // From a timer: a task the DevTools protocol runs (page.evaluate itself) is not reported.
  await new Promise((resolve) =>
    setTimeout(() => {
      const busyUntil = performance.now() + 120;
      while (performance.now() < busyUntil);
      resolve();
    }, 0),
  );
  const seen = () => longTasks.some((task) => task.duration >= 100);
  for (let waited = 0; waited < 5000 && !seen(); waited += 100) await settle();
  const observerWorks = seen();
  await settle();

  let beating = true;
  let last = performance.now();
  let silence = 0;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const now = performance.now();
    silence = Math.max(silence, now - last);
    last = now;
    if (beating) channel.port2.postMessage(0);
  };
  performance.mark('vtt-bench-start');
  const start = performance.now();
  last = start;
  channel.port2.postMessage(0);
  const response = await fetch(`${input.vttUrl}?long=${mode}`);
  const headersAt = performance.now();
  // 'stream': the body decoded as it arrives, chunk by chunk, instead of by one text() call.
  const text = mode === 'stream' ? await streamText(response) : await response.text();
  const textAt = performance.now();
  const options = { vttUrl: input.vttUrl, imageUrls: signedUrls(input.vttUrl, input.sheets), pageProtocol: 'https:' };
  const track = mode !== 'sync' ? await parseThumbnailVttAsync(text, options) : parseThumbnailVtt(text, options);
  const end = performance.now();
  performance.mark('vtt-bench-ready');
  beating = false;
  await settle();
  const inWindow = longTasks.filter((task) => task.startTime + task.duration > start && task.startTime < end);
  return {
    observerWorks,
    cues: track.length,
    totalMs: end - start,
    longestTaskMs: Math.max(0, ...inWindow.map((task) => task.duration)),
    longTasks: inWindow.length,
    heartbeatGapMs: silence,
    // Where the time went, ms from the start: response headers, body text, track ready; each long task.
    phases: { headers: headersAt - start, text: textAt - start, ready: end - start },
    tasks: inWindow.map((task) => [Math.round(task.startTime - start), Math.round(task.duration)]),
  };
};
