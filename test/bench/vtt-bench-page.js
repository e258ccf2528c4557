// Browser side of `test/bench/vtt-bench.js`: bundled by esbuild, run in Chromium.
// Each case parses the same 36,000-cue Tencent VTT; the node script prints the medians.
import vttjs from 'videojs-vtt.js';
import { parseThumbnailVtt } from '../../src/parse/thumbnail-vtt.ts';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Times `run` `runs` times after `warmup` untimed runs (the first of which is reported as
 * `first`: a cold call, before the JIT has optimized anything). `run(i)` returns the cue count.
 */
async function time(run, { runs, warmup }) {
  let cues = 0;
  let first = Number.NaN;
  const samples = [];
  for (let i = 0; i < warmup + runs; i++) {
    const start = performance.now();
    cues = await run(i);
    const elapsed = performance.now() - start;
    if (i === 0) first = elapsed;
    if (i >= warmup) samples.push(elapsed);
  }
  return { median: median(samples), min: Math.min(...samples), first, runs, cues };
}

/** videojs-vtt.js's parser, driven the way video.js drives it for a text track. */
function parseWithVttJs(text) {
  let cues = 0;
  const parser = new vttjs.WebVTT.Parser(window, vttjs, vttjs.WebVTT.StringDecoder());
  parser.oncue = () => {
    cues++;
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

window.runVttBench = async ({ vttPath, runs, warmup }) => {
  const vttUrl = new URL(vttPath, location.href).href;
  const text = await (await fetch(vttUrl)).text();
  const imageUrls = Array.from({ length: 360 }, (_, i) => new URL(`imageSprite_10_${i}.jpg?sign=abc`, vttUrl).href);
  const options = { vttUrl, imageUrls };
  const results = {};
  results.ours = await time(() => parseThumbnailVtt(text, options).cues.length, { runs, warmup });
  results.vttjs = await time(() => parseWithVttJs(text), { runs, warmup });
  // A fresh URL each time so no parsed track is reused; this includes a loopback fetch.
  results.track = await time((i) => parseWithTrack(`${vttUrl}?run=${i}`), { runs, warmup: 1 });
  results.fetch = await time(async (i) => (await (await fetch(`${vttUrl}?fetch=${i}`)).text()).length, { runs, warmup: 1 });
  results.fetch.cues = Number.NaN;
  return results;
};
