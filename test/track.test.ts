import './support/console.js';
import { expect } from '@open-wc/testing';
import { ThumbnailTrack } from '../src/parse/track.js';
import type { ThumbnailCue } from '../src/parse/types.js';

const cue = (start: number, end: number, url = 'https://cdn.example/s_0.jpg', x = 0): ThumbnailCue => ({ start, end, url, x, y: 0, w: 10, h: 10 });

/** The definition of at(): the last cue (in track order) whose start <= time, else the first. */
function reference(track: ThumbnailTrack, time: number): number {
  if (track.cues.length === 0 || Number.isNaN(time)) return -1;
  let found = 0;
  track.cues.forEach((c, i) => {
    if (c.start <= time) found = i;
  });
  return found;
}

describe('ThumbnailTrack', () => {
  const track = new ThumbnailTrack([cue(0, 1, 'a', 0), cue(1, 2, 'a', 1), cue(2, 3, 'b', 2), cue(10, 11, 'b', 3), cue(11, 12, 'c', 4)]);

  it('at() at and around cue boundaries', () => {
    expect(track.at(0)!.x).to.equal(0);
    expect(track.at(0.999)!.x).to.equal(0);
    expect(track.at(1)!.x).to.equal(1);
    expect(track.at(2.5)!.x).to.equal(2);
    expect(track.at(11)!.x).to.equal(4);
    expect(track.at(12)!.x).to.equal(4);
  });

  it('in a gap, the cue before it stays', () => {
    expect(track.at(3)!.x).to.equal(2);
    expect(track.at(9.999)!.x).to.equal(2);
    expect(track.indexAt(5)).to.equal(2);
  });

  it('before all cues → the first; after all cues → the last', () => {
    expect(track.at(-5)!.x).to.equal(0);
    expect(track.at(Number.NEGATIVE_INFINITY)!.x).to.equal(0);
    expect(track.at(1e9)!.x).to.equal(4);
    expect(track.at(Number.POSITIVE_INFINITY)!.x).to.equal(4);
    const late = new ThumbnailTrack([cue(5, 6)]);
    expect(late.at(0)).to.equal(late.cues[0]);
  });

  it('NaN is no time: undefined and -1', () => {
    expect(track.at(Number.NaN)).to.equal(undefined);
    expect(track.indexAt(Number.NaN)).to.equal(-1);
  });

  it('an empty track answers undefined / -1 and has no sheets', () => {
    const empty = new ThumbnailTrack([]);
    expect(empty.at(0)).to.equal(undefined);
    expect(empty.at(-1)).to.equal(undefined);
    expect(empty.indexAt(3)).to.equal(-1);
    expect(empty.cues).to.deep.equal([]);
    expect(empty.sheets).to.deep.equal([]);
    expect(empty.length).to.equal(0);
  });

  it('sorts by start, stable for equal starts, and at() picks the last of equal starts', () => {
    const unsorted = new ThumbnailTrack([cue(5, 6, 'u', 50), cue(1, 2, 'u', 10), cue(3, 9, 'u', 30), cue(3, 4, 'u', 31), cue(0, 1, 'u', 0)]);
    expect(unsorted.cues.map((c) => c.x)).to.deep.equal([0, 10, 30, 31, 50]);
    expect(unsorted.at(3)!.x).to.equal(31);
    expect(unsorted.at(4.5)!.x).to.equal(31);
  });

  it('sheets: distinct URLs in first-use order (after sorting)', () => {
    const t = new ThumbnailTrack([cue(2, 3, 'c'), cue(0, 1, 'b'), cue(1, 2, 'a'), cue(3, 4, 'b'), cue(4, 5, 'c')]);
    expect(t.sheets).to.deep.equal(['b', 'a', 'c']);
  });

  it('cues and sheets are read-only; the input array is not shared', () => {
    const input = [cue(0, 1), cue(1, 2)];
    const t = new ThumbnailTrack(input);
    input.push(cue(2, 3));
    (input[0] as { x: number }).x = 99;
    expect(t.cues).to.have.length(2);
    expect(t.cues[0]!.x).to.equal(0);
    expect(Object.isFrozen(t.cues)).to.be.true;
    expect(Object.isFrozen(t.sheets)).to.be.true;
    expect(Object.isFrozen(t.cues[0])).to.be.true;
    expect(() => {
      (t.cues as ThumbnailCue[]).push(cue(5, 6));
    }).to.throw(TypeError);
    expect(() => {
      (t.cues[0] as { start: number }).start = 42;
    }).to.throw(TypeError);
    expect(t.at(0.5)!.start).to.equal(0);
  });

  it('rejects cues it could not order or load, saying why', () => {
    const bad = [null, { ...cue(0, 1), start: Number.NaN }, { ...cue(0, 1), start: '1' }, { ...cue(0, 1), url: 42 }];
    for (const item of bad) {
      expect(() => new ThumbnailTrack([cue(0, 1), item as never])).to.throw(TypeError, /ThumbnailTrack: (every cue must be an object|a cue needs numeric start\/end and a url string)/);
    }
  });

  it('cue(i) is cues[i], the same object every time; out of range or not an index → undefined', () => {
    const t = new ThumbnailTrack([cue(0, 1, 'a', 0), cue(1, 2, 'b', 1), cue(2, 3, 'a', 2)]);
    const second = t.cue(1);
    expect(second).to.equal(t.cue(1));
    expect({ ...second }).to.deep.equal(cue(1, 2, 'b', 1));
    expect(t.cues[1]).to.equal(second);
    expect(t.cue(t.indexAt(2.5))).to.equal(t.at(2.5));
    for (const i of [-1, 3, 1.5, Number.NaN, Infinity]) expect(t.cue(i), String(i)).to.equal(undefined);
    expect(t.length).to.equal(3);
    expect(t.sheets).to.deep.equal(['a', 'b']);
  });

  it('a whole-image cue keeps w and h undefined, a zero-size one keeps its zeros', () => {
    const t = new ThumbnailTrack([{ start: 0, end: 1, url: 'u', x: 0, y: 0, w: undefined, h: undefined }, { start: 1, end: 2, url: 'u', x: 5, y: 6, w: 0, h: 0 }]);
    expect({ ...t.cue(0) }).to.deep.equal({ start: 0, end: 1, url: 'u', x: 0, y: 0, w: undefined, h: undefined });
    expect({ ...t.cue(1) }).to.deep.equal({ start: 1, end: 2, url: 'u', x: 5, y: 6, w: 0, h: 0 });
  });

  it('cues keep their fields', () => {
    const t = new ThumbnailTrack([{ start: 1, end: 2, url: 'https://a/b.jpg', x: 3, y: 4, w: undefined, h: undefined }]);
    expect({ ...t.cues[0] }).to.deep.equal({ start: 1, end: 2, url: 'https://a/b.jpg', x: 3, y: 4, w: undefined, h: undefined });
  });

  it('the cached lookup agrees with the definition while hovering back and forth and jumping', () => {
    // 600 cues with gaps, duplicates and uneven lengths.
    const cues: ThumbnailCue[] = [];
    let t = 0;
    for (let i = 0; i < 600; i++) {
      cues.push(cue(t, t + 0.5, 'u', i));
      t += i % 7 === 0 ? 0 : i % 11 === 0 ? 3 : 0.8;
    }
    const big = new ThumbnailTrack(cues);
    let time = -2;
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const times: number[] = [];
    for (let i = 0; i < 3000; i++) {
      // Small steps both ways (hover), sometimes a jump (click / key End).
      time = random() < 0.05 ? random() * (t + 10) - 5 : time + (random() - 0.4) * 1.5;
      times.push(time);
    }
    times.push(...big.cues.flatMap((c) => [c.start, c.start - 1e-9, c.start + 1e-9]));
    for (const time of times) expect(big.indexAt(time), `time ${time}`).to.equal(reference(big, time));
  });
});
