// Property: parseThumbnailVtt on any text either returns a valid track (sorted cues, finite
// times, http(s) URLs, tiles with whole positive sizes, at() = a linear scan) or throws a
// ThumbnailVttError with one of its codes; the sliced parseThumbnailVttAsync agrees with it.
import '../support/console.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ThumbnailVttError } from '../../src/parse/errors.js';
import { parseThumbnailVtt, parseThumbnailVttAsync } from '../../src/parse/thumbnail-vtt.js';
import type { ThumbnailTrack } from '../../src/parse/track.js';
import { parseVttCues } from '../../src/parse/vtt-scanner.js';
import { fuzzParameters } from './runs.js';

const CODES = ['not-webvtt', 'no-cues', 'bad-fragment', 'bad-url', 'bad-timestamp'];
const VTT_URL = 'https://cdn.example/sprites/imageSprite_10.vtt';
const IMAGE_URLS = ['http://1500.vod2.myqcloud.com/x/imageSprite_10_0.jpg?t=6a4c&us=1f&sign=ab', 'https://cdn.example/other/imageSprite_10_1.jpg'];

const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));
const hours = fc.oneof(digits(1, 3), digits(9, 11), digits(300, 400), fc.constantFrom('2501999792', '2501999793', '4294967295'));
const timestamp = fc.oneof(
  fc.tuple(digits(2, 2), digits(2, 2), digits(3, 3)).map(([m, s, ms]) => `${m}:${s}.${ms}`),
  fc.tuple(hours, digits(2, 2), digits(2, 2), digits(3, 3)).map(([h, m, s, ms]) => `${h}:${m}:${s}.${ms}`),
  fc.stringMatching(/^[0-9:.\-+]{0,12}$/),
);
const ref = fc.oneof(
  fc.constantFrom('imageSprite_10_0.jpg', 'imageSprite_10_1.jpg', 'sub/a%20b.jpg', '../x.jpg', 'https://cdn.example/y.jpg', 'javascript:alert(1)', 'data:,x', ' ', ''),
  fc.stringMatching(/^[a-z0-9_./:?=&%-]{0,20}$/),
);
const fragment = fc.oneof(
  fc.tuple(fc.nat(2000), fc.nat(2000), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 })).map((n) => `#xywh=${n.join(',')}`),
  fc.constantFrom('', '#xywh=pixel:0,0,142,80', '#xywh=percent:0,0,50,50', '#t=5&xywh=1,2,3,4', '#xywh=1,2,3', '#xywh=1234567890,0,1,1', '#'),
  fc.stringMatching(/^#[a-z0-9=,:&]{0,16}$/),
);
const line = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(timestamp, timestamp, fc.constantFrom(' --> ', '-->', ' -> ', '\t-->\t')).map(([a, b, arrow]) => `${a}${arrow}${b}`) },
  { weight: 4, arbitrary: fc.tuple(ref, fragment).map(([r, f]) => r + f) },
  { weight: 4, arbitrary: fc.constant('') },
  { weight: 2, arbitrary: fc.constantFrom('NOTE x', 'STYLE', 'REGION', 'id-1', '-->', ' ', '\0', '\uFEFF', 'garbage --> line') },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);
const vtt = fc
  .tuple(fc.constantFrom('WEBVTT', 'WEBVTT', 'WEBVTT Tencent', '\uFEFFWEBVTT', 'WEBVTTX', ''), fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([head, lines, eol]) => [head, ...lines].join(eol));
// Mostly readable files: one bad cue spoils a whole file, so random lines alone rarely make a track.
const goodStamp = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 999 })).map(([m, s, ms]) => `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(ms).padStart(3, '0')}`) },
  { weight: 1, arbitrary: timestamp },
);
const goodCue = fc
  .tuple(goodStamp, goodStamp, fc.constantFrom('imageSprite_10_0.jpg', 'imageSprite_10_1.jpg', 'sub/a%20b.jpg', 'https://cdn.example/y.jpg', ' '), fc.nat(2000), fc.nat(2000), fc.integer({ min: 1, max: 300 }), fc.boolean())
  .map(([a, b, r, x, y, w, whole]) => `${a} --> ${b}\n${r}${whole ? '' : `#xywh=${x},${y},${w},${w}`}\n`);
const readable = fc
  .tuple(fc.array(fc.oneof({ weight: 6, arbitrary: goodCue }, { weight: 1, arbitrary: fc.constantFrom('NOTE x\n', 'id\n', 'garbage\n', '\n', 'STYLE\n::cue{}\n') }), { maxLength: 30 }), fc.constantFrom('\n', '\r\n'))
  .map(([blocks, eol]) => ['WEBVTT', '', ...blocks].join('\n').replaceAll('\n', eol));
const anyText = fc.oneof({ weight: 5, arbitrary: vtt }, { weight: 5, arbitrary: readable }, { weight: 1, arbitrary: fc.string({ maxLength: 200 }) });

const isHttp = (url: string) => /^https?:$/.test(new URL(url).protocol);

/** The definition of at(): the last cue whose start ≤ time, else the first; undefined when empty or NaN. */
function linearAt(track: ThumbnailTrack, time: number) {
  if (!track.length || Number.isNaN(time)) return undefined;
  let found = track.cues[0];
  for (const cue of track.cues) if (cue.start <= time) found = cue;
  return found;
}

function outcome(text: string): { track: ThumbnailTrack } | { error: ThumbnailVttError } {
  try {
    return { track: parseThumbnailVtt(text, { vttUrl: VTT_URL, imageUrls: IMAGE_URLS, pageProtocol: 'https:' }) };
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(ThumbnailVttError);
    expect(CODES).to.include((error as ThumbnailVttError).code);
    const { line } = error as ThumbnailVttError;
    if (line !== undefined) expect(Number.isInteger(line) && line >= 1, `line ${line}`).to.be.true;
    return { error: error as ThumbnailVttError };
  }
}

function checkTrack(track: ThumbnailTrack, text: string) {
  const { cues } = track;
  expect(cues.length).to.be.greaterThan(0);
  expect(track.length).to.equal(cues.length);
  expect(Object.isFrozen(cues)).to.be.true;
  cues.forEach((cue, i) => {
    expect(track.cue(i)).to.equal(cue);
    expect(Number.isFinite(cue.start) && Number.isFinite(cue.end), `${cue.start} → ${cue.end}`).to.be.true;
    if (i) expect(cue.start).to.be.at.least(cues[i - 1]!.start);
    expect(isHttp(cue.url), cue.url).to.be.true;
    expect(cue.x >= 0 && cue.y >= 0 && Number.isInteger(cue.x) && Number.isInteger(cue.y)).to.be.true;
    if (cue.w === undefined) expect(cue.h).to.equal(undefined);
    else expect(Number.isInteger(cue.w) && cue.w > 0 && Number.isInteger(cue.h) && cue.h! > 0, `${cue.w}×${cue.h}`).to.be.true;
  });
  expect(track.sheets).to.deep.equal([...new Set(cues.map((c) => c.url))]);
  // Every cue comes from a WebVTT cue at the same times (those that name no image are skipped).
  const raw = parseVttCues(text);
  expect(cues.length).to.be.at.most(raw.length);
  const times = new Set(raw.map((c) => `${c.start}/${c.end}`));
  for (const cue of cues) expect(times.has(`${cue.start}/${cue.end}`)).to.be.true;
  // at() against the definition, at every start and around it, and off both ends.
  const probes = [Number.NaN, -Infinity, Infinity, -1, 0, ...cues.flatMap((c) => [c.start, c.start - 1e-6, c.start + 1e-6, c.end])];
  for (const time of probes) expect(track.at(time), `at(${time})`).to.equal(linearAt(track, time));
}

describe('parseThumbnailVtt on generated input (fast-check)', () => {
  it('returns a valid track or throws a ThumbnailVttError with a code', async function () {
    this.timeout(120_000); // a few thousand runs on a shared 2-core machine
    let tracks = 0;
    let errors = 0;
    fc.assert(
      fc.property(anyText, (text) => {
        const result = outcome(text);
        if ('track' in result) {
          tracks++;
          checkTrack(result.track, text);
        } else errors++;
      }),
      await fuzzParameters(3000),
    );
    // Not vacuous: both outcomes are common.
    expect(tracks, 'tracks').to.be.greaterThan(100);
    expect(errors, 'errors').to.be.greaterThan(100);
  });

  it('the sliced async parse gives the same cues or the same error', async function () {
    this.timeout(120_000);
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const sync = outcome(text);
        let asyncResult: { track: ThumbnailTrack } | { error: ThumbnailVttError };
        try {
          asyncResult = { track: await parseThumbnailVttAsync(text, { vttUrl: VTT_URL, imageUrls: IMAGE_URLS, pageProtocol: 'https:' }, { sliceMs: 0 }) };
        } catch (error) {
          asyncResult = { error: error as ThumbnailVttError };
        }
        if ('track' in sync) {
          expect('track' in asyncResult, 'async parse failed where sync did not').to.be.true;
          expect((asyncResult as { track: ThumbnailTrack }).track.cues.map((c) => ({ ...c }))).to.deep.equal(sync.track.cues.map((c) => ({ ...c })));
        } else {
          expect((asyncResult as { error: ThumbnailVttError }).error).to.be.instanceOf(ThumbnailVttError);
          expect((asyncResult as { error: ThumbnailVttError }).error.message).to.equal(sync.error.message);
        }
      }),
      await fuzzParameters(500),
    );
  });
});
