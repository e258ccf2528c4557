// `npm run bench`: parse speed of the thumbnail WebVTT parser in Chromium, beside
// videojs-vtt.js (the parser video.js ships) and the browser's own <track>.
// Generates a 36,000-cue Tencent-format VTT (10 h, one cue a second), serves it and the
// bundled page code (vtt-bench-page.js) over loopback, and prints a table of medians.
// Exits non-zero when ours is not at least 20× faster than videojs-vtt.js.
// Options: --runs=N (default 25), --cues=N (default 36000).
import { numberArg, printTable, withBenchPage } from './support.js';

const runs = numberArg('runs', 25);
const cueCount = numberArg('cues', 36000);
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

const vtt = tencentVtt(cueCount);
const failures = await withBenchPage(
  { entry: 'test/bench/vtt-bench-page.js', files: { '/media/imageSprite_10.vtt': ['text/vtt; charset=utf-8', vtt] } },
  async (page, browser) => {
    await page.waitForFunction(() => typeof window.runVttBench === 'function');
    const results = await page.evaluate((options) => window.runVttBench(options), { vttPath: '/media/imageSprite_10.vtt', runs, warmup: 5 });
    const rows = [
      { name: 'parseThumbnailVtt (ours)', ...results.ours },
      { name: 'videojs-vtt.js WebVTT.Parser', ...results.vttjs },
      { name: 'native <track kind=metadata> (incl. loopback fetch)', ...results.track },
      { name: 'fetch + text() only (loopback, for reference)', ...results.fetch },
    ];
    printTable(
      `WebVTT parse, ${cueCount} cues (${(vtt.length / 1e6).toFixed(2)} MB), Chromium ${browser.version()}, median of ${runs} runs after 5 warm-up runs`,
      ['case', 'median ms', 'min ms', 'first call ms', 'cues', 'median vs ours'],
      rows.map((r) => [
        r.name,
        r.median.toFixed(2),
        r.min.toFixed(2),
        r.first.toFixed(2),
        Number.isNaN(r.cues) ? '' : String(r.cues),
        `${(r.median / results.ours.median).toFixed(1)}×`,
      ]),
    );
    const problems = [];
    for (const [name, r] of [['ours', results.ours], ['videojs-vtt.js', results.vttjs], ['<track>', results.track]]) {
      if (r.cues !== cueCount) problems.push(`${name}: expected ${cueCount} cues, got ${r.cues}`);
    }
    const ratio = results.vttjs.median / results.ours.median;
    console.log(`\nratio videojs-vtt.js / ours: ${ratio.toFixed(1)}× (required ≥ ${MIN_RATIO}×) ${ratio >= MIN_RATIO ? 'PASS' : 'FAIL'}`);
    if (ratio < MIN_RATIO) problems.push(`ratio ${ratio.toFixed(1)}× is below ${MIN_RATIO}×`);
    return problems;
  },
);
for (const problem of failures) console.error(problem);
process.exitCode = failures.length ? 1 : 0;
