import type { ThumbnailCue } from './types.js';

/**
 * The thumbnails of one video: cues sorted by start time and a fast lookup of the cue
 * shown at a given time. Immutable once built.
 */
export class ThumbnailTrack {
  /** Cues sorted by start (stable: equal starts keep their file order); frozen. */
  readonly cues: readonly ThumbnailCue[];
  /** Distinct image URLs in the order cues first use them; frozen. */
  readonly sheets: readonly string[];

  /** Start times in a flat array: the binary search touches no objects. */
  private readonly starts: Float64Array;
  /** Index of the last hit: hovering moves in small steps, so the next answer is usually here or next door. */
  private lastIndex = 0;

  constructor(cues: Iterable<ThumbnailCue>) {
    const list = (Array.isArray(cues) ? cues : [...cues]).map(toCue);
    const count = list.length;
    // Array.prototype.sort is stable; most input is already in order and needs none.
    for (let i = 1; i < count; i++) {
      if (list[i - 1]!.start > list[i]!.start) {
        list.sort((a, b) => a.start - b.start);
        break;
      }
    }
    const starts = new Float64Array(count);
    const sheets = new Set<string>();
    let url: string | undefined;
    for (let i = 0; i < count; i++) {
      const cue = list[i]!;
      starts[i] = cue.start;
      // Consecutive cues mostly share a sheet: skip the set then.
      if (cue.url !== url) {
        url = cue.url;
        sheets.add(url);
      }
    }
    this.starts = starts;
    this.cues = Object.freeze(list);
    this.sheets = Object.freeze([...sheets]);
  }

  /** Number of cues. */
  get length(): number {
    return this.cues.length;
  }

  /**
   * The cue shown at `time` (seconds): the last cue whose start ≤ time, so a gap keeps the
   * previous tile; before the first cue, the first cue. `undefined` when the track is empty
   * or `time` is NaN.
   */
  at(time: number): ThumbnailCue | undefined {
    return this.cues[this.indexAt(time)];
  }

  /** Index in `cues` of `at(time)`; -1 when the track is empty or `time` is NaN. */
  indexAt(time: number): number {
    const { starts, lastIndex } = this;
    const count = starts.length;
    if (!count || Number.isNaN(time)) return -1;
    // The last start <= time (0 before the first): the cached hit or a neighbour of it, else a binary search.
    const isIt = (i: number) => i >= 0 && i < count && (starts[i]! <= time || i === 0) && !(starts[i + 1]! <= time);
    let low = isIt(lastIndex) ? lastIndex : isIt(lastIndex + 1) ? lastIndex + 1 : isIt(lastIndex - 1) ? lastIndex - 1 : -1;
    if (low < 0) {
      low = 0;
      for (let high = count - 1; low < high; ) {
        const mid = (low + high + 1) >>> 1;
        if (starts[mid]! <= time) low = mid;
        else high = mid - 1;
      }
    }
    this.lastIndex = low;
    return low;
  }
}

/** A frozen cue. One class gives every cue the same shape, which keeps the hot loops fast. */
export class Cue implements ThumbnailCue {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly url: string,
    readonly x: number,
    readonly y: number,
    readonly w: number | undefined,
    readonly h: number | undefined,
  ) {
    Object.freeze(this);
  }
}

function toCue(cue: ThumbnailCue): Cue {
  if (cue instanceof Cue) return cue;
  // A NaN start would break the sort and the lookup; a non-string URL cannot be loaded.
  if (typeof cue?.start !== 'number' || Number.isNaN(cue.start) || typeof cue.end !== 'number' || typeof cue.url !== 'string') {
    throw new TypeError(`ThumbnailTrack: a cue needs numeric start/end and a url string, got ${JSON.stringify(cue)}.`);
  }
  return new Cue(cue.start, cue.end, cue.url, cue.x, cue.y, cue.w, cue.h);
}
