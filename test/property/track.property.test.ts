// Property: a ThumbnailTrack built from any cues keeps them sorted by start (stable), and its
// cached lookup (indexAt / at / cue) agrees with a linear scan for any sequence of times,
// hover-like small steps and jumps alike.
import '../support/console.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ThumbnailTrack } from '../../src/parse/track.js';
import type { ThumbnailCue } from '../../src/parse/types.js';
import { fuzzParameters } from './runs.js';

// Few distinct starts, so equal starts (the stable-sort and last-of-equal cases) are common.
const time = fc.oneof(fc.integer({ min: -5, max: 40 }).map((n) => n / 2), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
const cue = fc
  .record({ start: time, length: fc.integer({ min: 0, max: 6 }), sheet: fc.integer({ min: 0, max: 3 }), x: fc.nat(1000), whole: fc.boolean() })
  .map(({ start, length, sheet, x, whole }): ThumbnailCue => ({ start, end: start + length, url: `https://cdn.example/s_${sheet}.jpg`, x, y: 0, w: whole ? undefined : 16, h: whole ? undefined : 9 }));
const probe = fc.oneof(time, fc.constantFrom(Number.NaN, Infinity, -Infinity, 0));

/** The definition: index of the last cue (in track order) whose start ≤ time, else 0; -1 when empty or NaN. */
function linearIndex(cues: readonly ThumbnailCue[], t: number): number {
  if (!cues.length || Number.isNaN(t)) return -1;
  let found = 0;
  cues.forEach((c, i) => {
    if (c.start <= t) found = i;
  });
  return found;
}

describe('ThumbnailTrack on generated cues (fast-check)', () => {
  it('sorts stably by start, keeps every field, lists sheets in first-use order', async function () {
    this.timeout(120_000); // a few thousand runs on a shared 2-core machine
    fc.assert(
      fc.property(fc.array(cue, { maxLength: 60 }), (input) => {
        const track = new ThumbnailTrack(input);
        const expected = input.map((c, i) => ({ c, i })).sort((a, b) => a.c.start - b.c.start || a.i - b.i).map(({ c }) => c);
        expect(track.cues.map((c) => ({ ...c }))).to.deep.equal(expected.map((c) => ({ ...c })));
        expect(track.length).to.equal(input.length);
        expect(track.sheets).to.deep.equal([...new Set(expected.map((c) => c.url))]);
        for (const i of [-1, track.length, 0.5, Number.NaN]) expect(track.cue(i)).to.equal(undefined);
      }),
      await fuzzParameters(2000),
    );
  });

  it('at(), indexAt() and cue() agree with a linear scan for any walk of times', async function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(
        fc.array(cue, { maxLength: 60 }),
        fc.array(fc.oneof(probe, fc.double({ min: -2, max: 2, noNaN: true }).map((step) => ({ step }))), { maxLength: 80 }),
        (input, moves) => {
          const track = new ThumbnailTrack(input);
          // Read in any order: cue(i) before or after `cues` gives the same object.
          const early = track.cue(0);
          let now = 0;
          for (const move of moves) {
            now = typeof move === 'number' ? move : now + move.step; // a jump, or a hover step from the last time
            const index = track.indexAt(now);
            expect(index, `indexAt(${now})`).to.equal(linearIndex(track.cues, now));
            expect(track.at(now)).to.equal(index < 0 ? undefined : track.cues[index]);
            expect(track.cue(index)).to.equal(track.at(now));
          }
          expect(early).to.equal(track.cues[0]);
        },
      ),
      await fuzzParameters(2000),
    );
  });
});
