// Property: gridTrack on any options returns a track of finite, sorted cues on http(s) sheets
// whose at(t) agrees with a linear scan; or throws a ThumbnailVttError with a code.
import '../support/console.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ThumbnailVttError } from '../../src/parse/errors.js';
import { gridTrack } from '../../src/parse/grid.js';
import type { ThumbnailCue } from '../../src/parse/types.js';
import { fuzzParameters, Outcomes, URLISH } from './runs.js';

const size = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1e9, 1e308, '10', null) },
);
const seconds = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: 0.001, max: 60, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -5, Number.NaN, Number.POSITIVE_INFINITY, 1e-300, 1e300, '1') },
);
const pixels = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 400 }) }, { weight: 1, arbitrary: fc.constantFrom(0, 1e308, 20000, Number.NaN, 0.5) });
const grid = fc.oneof(
  { weight: 10, arbitrary: fc.record({ columns: size, rows: size, interval: seconds, width: pixels, height: pixels }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 1 }) },
);
const sheets = fc.oneof(
  { weight: 8, arbitrary: fc.array(fc.constantFrom(...URLISH.slice(0, 3)), { minLength: 1, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(fc.constantFrom(...URLISH), fc.anything({ maxDepth: 0 })), { maxLength: 3 }) },
);
const extra = fc.record({ duration: fc.option(fc.oneof(seconds, fc.double({ min: 1, max: 5000, noNaN: true })), { nil: undefined }), totalCount: fc.option(size, { nil: undefined }) }, { requiredKeys: [] });

/** What `at(t)` must return: the last cue whose start ≤ t, else the first; undefined when empty. */
function scan(cues: readonly ThumbnailCue[], t: number): ThumbnailCue | undefined {
  let found = cues[0];
  for (const cue of cues) if (cue.start <= t) found = cue;
  return found;
}

describe('gridTrack: any options (property)', () => {
  it('returns finite, sorted cues on http(s) sheets with at() = a linear scan, or throws a ThumbnailVttError with a code', async function () {
    const parameters = await fuzzParameters(800, this);
    const outcomes = new Outcomes();
    fc.assert(
      fc.property(sheets, grid, extra, fc.array(fc.double({ min: -10, max: 10000, noNaN: true }), { maxLength: 6 }), (urls, options, more, times) => {
        let track: ReturnType<typeof gridTrack>;
        try {
          track = gridTrack(urls as string[], options as never, more as never);
        } catch (error) {
          if (!(error instanceof ThumbnailVttError)) throw error;
          expect(['bad-grid', 'bad-url']).to.include(error.code);
          outcomes.count(error.code);
          return;
        }
        outcomes.count('ok');
        const { cues } = track;
        expect(cues.length).to.be.above(0);
        cues.forEach((cue, index) => {
          for (const value of [cue.start, cue.end, cue.x, cue.y, cue.w!, cue.h!]) expect(Number.isFinite(value), String(value)).to.be.true;
          expect(cue.end).to.be.at.least(cue.start);
          if (index) expect(cue.start).to.be.at.least(cues[index - 1]!.start);
          expect(/^https?:\/\//.test(cue.url), cue.url).to.be.true;
        });
        for (const t of [...times, cues.at(-1)!.start, cues[0]!.start]) expect(track.at(t), `at(${t})`).to.equal(scan(cues, t));
      }),
      parameters,
    );
    outcomes.report('gridTrack', parameters.numRuns);
    expect(outcomes.get('ok')).to.be.above(parameters.numRuns / 4);
    expect(outcomes.seen.size).to.equal(3);
  });
});
