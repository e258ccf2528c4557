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
    const list: ThumbnailCue[] = Array.isArray(cues) ? new Array(cues.length) : Array.from(cues);
    if (Array.isArray(cues)) for (let i = 0; i < cues.length; i++) list[i] = freezeCue(cues[i]);
    else for (let i = 0; i < list.length; i++) list[i] = freezeCue(list[i]!);
    let sorted = true;
    for (let i = 1; i < list.length && sorted; i++) if (list[i - 1]!.start > list[i]!.start) sorted = false;
    if (!sorted) list.sort(byStart); // Array.prototype.sort is stable.
    const starts = new Float64Array(list.length);
    const sheets: string[] = [];
    const seen = new Set<string>();
    let previousUrl: string | undefined;
    for (let i = 0; i < list.length; i++) {
      const cue = list[i]!;
      starts[i] = cue.start;
      // Consecutive cues mostly share a sheet: skip the set lookup then.
      if (cue.url !== previousUrl && !seen.has(cue.url)) {
        seen.add(cue.url);
        sheets.push(cue.url);
      }
      previousUrl = cue.url;
    }
    this.cues = Object.freeze(list);
    this.sheets = Object.freeze(sheets);
    this.starts = starts;
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
    const index = this.indexAt(time);
    return index < 0 ? undefined : this.cues[index];
  }

  /** Index in `cues` of `at(time)`; -1 when the track is empty or `time` is NaN. */
  indexAt(time: number): number {
    const starts = this.starts;
    const count = starts.length;
    if (count === 0 || Number.isNaN(time)) return -1;
    if (time < starts[0]!) return 0;
    // Cached hit, or a neighbour of it.
    const cached = this.lastIndex;
    for (let i = Math.max(cached - 1, 0); i <= cached + 1 && i < count; i++) {
      if (starts[i]! <= time && (i + 1 === count || starts[i + 1]! > time)) {
        this.lastIndex = i;
        return i;
      }
    }
    // Binary search for the last start <= time (starts[0] <= time holds here).
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (starts[mid]! <= time) low = mid;
      else high = mid - 1;
    }
    this.lastIndex = low;
    return low;
  }
}

/** A frozen cue. One class gives every cue the same shape, which keeps the hot loops fast. */
export class Cue implements ThumbnailCue {
  readonly start: number;
  readonly end: number;
  readonly url: string;
  readonly x: number;
  readonly y: number;
  readonly w: number | undefined;
  readonly h: number | undefined;

  constructor(start: number, end: number, url: string, x: number, y: number, w: number | undefined, h: number | undefined) {
    this.start = start;
    this.end = end;
    this.url = url;
    this.x = x;
    this.y = y;
    this.w = w;
    this.h = h;
    Object.freeze(this);
  }
}

function freezeCue(cue: ThumbnailCue | undefined): ThumbnailCue {
  if (cue === null || typeof cue !== 'object') throw new TypeError(`ThumbnailTrack: every cue must be an object, got ${String(cue)}.`);
  if (cue instanceof Cue) return cue;
  // A NaN start would break the sort and the lookup; a non-string URL cannot be loaded.
  if (typeof cue.start !== 'number' || Number.isNaN(cue.start) || typeof cue.end !== 'number' || typeof cue.url !== 'string') {
    throw new TypeError(`ThumbnailTrack: a cue needs numeric start/end and a url string, got ${JSON.stringify(cue)}.`);
  }
  return new Cue(cue.start, cue.end, cue.url, cue.x, cue.y, cue.w, cue.h);
}

function byStart(a: ThumbnailCue, b: ThumbnailCue): number {
  return a.start - b.start;
}
