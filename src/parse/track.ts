import type { ThumbnailCue } from './types.js';

/**
 * The thumbnails of one video: cues sorted by start time and a fast lookup of the cue
 * shown at a given time. Immutable once built.
 *
 * Cues live in typed arrays, not objects: a 36,000-cue track is ~2 MB instead of ~5 MB of
 * cue objects, and building one allocates a handful of arrays (`npm run bench` measures
 * both). Cue objects are made when asked for: `cue(i)` one at a time (cached, so the same
 * index gives the same object), `cues` all at once on first read.
 */
export class ThumbnailTrack {
  /** Distinct image URLs in the order cues first use them; frozen. */
  readonly sheets: readonly string[];
  /** Number of cues. */
  readonly length: number;

  /** Start times in a flat array: the binary search touches no objects. */
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  /** x, y, w, h of cue i at 4i…4i+3; NaN = undefined (w, h of a whole image). */
  private readonly rects: Float64Array;
  /** Index in `sheets` of cue i's image. */
  private readonly sheetOf: Uint32Array;
  /** Cue objects made so far, by index (created on the first `cue()` call). */
  private made: (ThumbnailCue | undefined)[] | undefined;
  private list: readonly ThumbnailCue[] | undefined;
  /** Index of the last hit: hovering moves in small steps, so the next answer is usually here or next door. */
  private lastIndex = 0;

  /** From cue objects (copied; sorted by start, stable), or from a `TrackBuilder` (internal). */
  constructor(cues: Iterable<ThumbnailCue> | TrackBuilder) {
    const columns = (cues instanceof TrackBuilder ? cues : TrackBuilder.of(cues)).finish();
    this.starts = columns.starts;
    this.ends = columns.ends;
    this.rects = columns.rects;
    this.sheetOf = columns.sheetOf;
    this.sheets = Object.freeze(columns.sheets);
    this.length = columns.starts.length;
  }

  /** Every cue, sorted by start (stable: equal starts keep their file order); frozen. Made on first read. */
  get cues(): readonly ThumbnailCue[] {
    if (!this.list) {
      const list: ThumbnailCue[] = new Array(this.length);
      for (let i = 0; i < this.length; i++) list[i] = this.cue(i)!;
      this.list = Object.freeze(list);
    }
    return this.list;
  }

  /** Cue `index` (as `cues[index]`, the same object each time), or `undefined` outside 0…length-1. */
  cue(index: number): ThumbnailCue | undefined {
    if (!(index >= 0 && index < this.length) || !Number.isInteger(index)) return undefined;
    this.made ??= new Array(this.length);
    const made = this.made;
    let cue = made[index];
    if (!cue) {
      const { rects } = this;
      const at = index * 4;
      const w = rects[at + 2]!;
      const h = rects[at + 3]!;
      cue = new Cue(this.starts[index]!, this.ends[index]!, this.sheets[this.sheetOf[index]!]!, rects[at]!, rects[at + 1]!, Number.isNaN(w) ? undefined : w, Number.isNaN(h) ? undefined : h);
      made[index] = cue;
    }
    return cue;
  }

  /**
   * The cue shown at `time` (seconds): the last cue whose start ≤ time, so a gap keeps the
   * previous tile; before the first cue, the first cue. `undefined` when the track is empty
   * or `time` is NaN.
   */
  at(time: number): ThumbnailCue | undefined {
    return this.cue(this.indexAt(time));
  }

  /** Index of `at(time)`; -1 when the track is empty or `time` is NaN. Allocates nothing. */
  indexAt(time: number): number {
    const { starts, lastIndex } = this;
    const count = starts.length;
    if (!count || Number.isNaN(time)) return -1;
    // The last start <= time (0 before the first): the cached hit or a neighbour of it, else a binary search.
    let low = isAt(starts, lastIndex, time) ? lastIndex : isAt(starts, lastIndex + 1, time) ? lastIndex + 1 : isAt(starts, lastIndex - 1, time) ? lastIndex - 1 : -1;
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

/** Whether cue `i` is the one shown at `time` (a plain function: no closure per lookup). */
function isAt(starts: Float64Array, i: number, time: number): boolean {
  return i >= 0 && i < starts.length && (starts[i]! <= time || i === 0) && !(starts[i + 1]! <= time);
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

interface Columns {
  starts: Float64Array;
  ends: Float64Array;
  rects: Float64Array;
  sheetOf: Uint32Array;
  sheets: string[];
}

/**
 * Collects cues into growing typed arrays (internal: the parsers fill one, then pass it to
 * `new ThumbnailTrack`). `add` allocates nothing but the occasional doubling.
 */
export class TrackBuilder {
  private count = 0;
  private starts: Float64Array;
  private ends: Float64Array;
  private rects: Float64Array;
  private sheetOf: Uint32Array;
  private readonly urls: string[] = [];
  private readonly urlIndex = new Map<string, number>();
  private lastUrl: string | undefined;
  private lastSheet = 0;

  /** `expected`: about how many cues will come; a good guess saves regrowing (the bench showed growth at ~15 % of a parse). */
  constructor(expected = 256) {
    const size = Math.max(16, Math.ceil(expected));
    this.starts = new Float64Array(size);
    this.ends = new Float64Array(size);
    this.rects = new Float64Array(size * 4);
    this.sheetOf = new Uint32Array(size);
  }

  /** From cue objects, each checked: a NaN start would break the sort and the lookup; a non-string URL cannot be loaded. */
  static of(cues: Iterable<ThumbnailCue>): TrackBuilder {
    const builder = new TrackBuilder(Array.isArray(cues) ? cues.length : undefined);
    for (const cue of cues) {
      if (typeof cue?.start !== 'number' || Number.isNaN(cue.start) || typeof cue.end !== 'number' || typeof cue.url !== 'string') {
        throw new TypeError(`ThumbnailTrack: a cue needs numeric start/end and a url string, got ${JSON.stringify(cue)}.`);
      }
      builder.add(cue.start, cue.end, cue.url, cue.x, cue.y, cue.w, cue.h);
    }
    return builder;
  }

  /** Appends a cue; `w`/`h` undefined = the whole image. */
  add(start: number, end: number, url: string, x: number, y: number, w: number | undefined, h: number | undefined): void {
    const i = this.count++;
    if (i === this.starts.length) this.grow();
    // Consecutive cues mostly share a sheet: skip the map then.
    if (url !== this.lastUrl) {
      let sheet = this.urlIndex.get(url);
      if (sheet === undefined) {
        sheet = this.urls.push(url) - 1;
        this.urlIndex.set(url, sheet);
      }
      this.lastUrl = url;
      this.lastSheet = sheet;
    }
    this.starts[i] = start;
    this.ends[i] = end;
    this.sheetOf[i] = this.lastSheet;
    const rects = this.rects;
    rects[i * 4] = x;
    rects[i * 4 + 1] = y;
    rects[i * 4 + 2] = w ?? Number.NaN;
    rects[i * 4 + 3] = h ?? Number.NaN;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const bigger = <T extends Float64Array | Uint32Array>(from: T, length: number): T => {
      const to = new (from.constructor as new (n: number) => T)(length);
      to.set(from);
      return to;
    };
    this.starts = bigger(this.starts, size);
    this.ends = bigger(this.ends, size);
    this.rects = bigger(this.rects, size * 4);
    this.sheetOf = bigger(this.sheetOf, size);
  }

  /** The columns sorted by start (stable), trimmed, with sheets renumbered in first-use order. */
  finish(): Columns {
    const n = this.count;
    let order: number[] | undefined;
    const { starts } = this;
    for (let i = 1; i < n; i++) {
      if (starts[i - 1]! > starts[i]!) {
        // Most input is already in order and needs none; ties keep file order.
        order = Array.from({ length: n }, (_, k) => k).sort((a, b) => starts[a]! - starts[b]! || a - b);
        break;
      }
    }
    const pick = <T extends Float64Array | Uint32Array>(from: T, stride = 1): T => {
      // A view when little would be wasted (the parser's size guess is close), else a trimmed copy.
      if (!order) return (from.length - n * stride) * 3 <= from.length ? (from.subarray(0, n * stride) as T) : (from.slice(0, n * stride) as T);
      const to = new (from.constructor as new (n: number) => T)(n * stride);
      for (let i = 0; i < n; i++) for (let k = 0; k < stride; k++) to[i * stride + k] = from[order[i]! * stride + k]!;
      return to;
    };
    const columns = { starts: pick(this.starts), ends: pick(this.ends), rects: pick(this.rects, 4), sheetOf: pick(this.sheetOf), sheets: [] as string[] };
    // Renumber sheets in first-use order (already so unless the cues were sorted).
    const renumbered = new Int32Array(this.urls.length).fill(-1);
    const { sheetOf, sheets } = columns;
    for (let i = 0; i < n; i++) {
      const old = sheetOf[i]!;
      if (renumbered[old]! < 0) renumbered[old] = sheets.push(this.urls[old]!) - 1;
      sheetOf[i] = renumbered[old]!;
    }
    return columns;
  }
}
