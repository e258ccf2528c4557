/**
 * Thumbnail WebVTT: the scanner's cues → a `ThumbnailTrack`, reading each cue text as
 * `<ref>#xywh=x,y,w,h` and resolving `<ref>` to the sheet's URL.
 */
import { quote, ThumbnailVttError } from './errors.js';
import { ThumbnailTrack, TrackBuilder } from './track.js';
import type { ParseThumbnailVttOptions } from './types.js';
import { ImageResolver } from './urls.js';
import { now, type ScanState, scanMore, startScan } from './vtt-scanner.js';
import { out, seconds } from './vtt-timestamp.js';

/**
 * Reads the media fragment `source[pos, end)` (after `#`) into out.x/y/w/h: `xywh=x,y,w,h`
 * with an optional `pixel:` unit; other `&`-separated parameters are ignored; no `xywh`
 * = the whole image (w = 0). Returns what is wrong with it, or '' when it is fine.
 */
function readTile(source: string, pos: number, end: number): string {
  while (end > pos && isAsciiSpace(source.charCodeAt(end - 1))) end--;
  out.x = out.y = out.w = out.h = 0;
  // Character compares, not startsWith: a builtin call per check was a measurable share of
  // the per-cue cost (CPU profile of `npm run bench`), and these run once per cue.
  while (pos < end && !isXywh(source, pos)) {
    while (pos < end && source.charCodeAt(pos++) !== 38 /* & */);
  }
  if (pos >= end) return '';
  pos += 5;
  if (source.charCodeAt(pos) === 112 /* p */) {
    if (source.startsWith('percent:', pos)) return 'uses percent: units, which are not supported (tiles must be in pixels, as Tencent writes them)';
    if (source.startsWith('pixel:', pos)) pos += 6;
  }
  // x, y, w, h: 1–9 digits each, w and h > 0.
  let index = 0;
  let value = 0;
  let digits = 0;
  for (let c = source.charCodeAt(pos); pos < end && c !== 38; c = source.charCodeAt(++pos)) {
    if (c >= 48 && c <= 57 && digits < 9) {
      value = value * 10 + c - 48;
      digits++;
    } else if (c === 44 && digits && index < 3) {
      if (index === 0) out.x = value;
      else if (index === 1) out.y = value;
      else out.w = value;
      index++;
      value = digits = 0;
    } else break;
  }
  if ((pos < end && source.charCodeAt(pos) !== 38) || index !== 3 || !value || !out.w) {
    return 'has a malformed #xywh fragment; expected #xywh=x,y,w,h with whole pixel numbers and w, h > 0';
  }
  out.h = value;
  return '';
}

/** `xywh=` at `pos`. */
const isXywh = (s: string, pos: number) =>
  s.charCodeAt(pos) === 120 && s.charCodeAt(pos + 1) === 121 && s.charCodeAt(pos + 2) === 119 && s.charCodeAt(pos + 3) === 104 && s.charCodeAt(pos + 4) === 61;

/** Tab, LF, FF, CR or space. */
const isAsciiSpace = (c: number) => c === 32 || (c >= 9 && c <= 13 && c !== 11);
const BLANK = /^[ \t\n\r\f]*$/;

/** Times beyond this many ms are not exact as doubles (and ∞ is no time): such a cue is an error. */
const MAX_EXACT_MS = Number.MAX_SAFE_INTEGER;

/** A parse under way: the scan, and what turns its cues into a track. */
interface ThumbnailVttJob {
  scan: ScanState;
  finish(): ThumbnailTrack;
}

/** Sets up the scan of `text` with a sink that reads each cue's image and tile into a `TrackBuilder`. */
function startJob(text: string, options: ParseThumbnailVttOptions): ThumbnailVttJob {
  if (typeof text !== 'string') {
    throw new ThumbnailVttError('not-webvtt', `expected the WebVTT file as a string, got ${text === null ? 'null' : typeof text}.`);
  }
  const resolver = new ImageResolver(options.vttUrl, options.imageUrls, options);
  // Tencent writes ~75 characters a cue; a tighter file only regrows once or twice.
  const builder = new TrackBuilder(text.length / 64);
  let cues = 0;
  let imageless = 0;
  // Consecutive cues mostly name the same sheet: remember the last ref and its URL.
  let lastRef = '\n'; // no ref contains a line break
  let lastUrl = '';
  // The next `#` at or after the current cue: texts arrive in order, so remembering the
  // hit keeps the native search linear overall.
  let nextHash = -1;
  const scan = startScan(text, (startMs, endMs, input, textStart, textEnd, line) => {
    if (!(startMs <= MAX_EXACT_MS && endMs <= MAX_EXACT_MS)) {
      const which = startMs <= MAX_EXACT_MS ? 'end' : 'start';
      throw new ThumbnailVttError('bad-timestamp', `the cue's ${which} time is out of range: at most 2501999792 hours keep times exact to the millisecond.`, line - 1);
    }
    if (nextHash < textStart) {
      nextHash = input.indexOf('#', textStart);
      if (nextHash < 0) nextHash = input.length;
    }
    const refEnd = Math.min(nextHash, textEnd);
    // Same ref as the last cue: compared in place, so the common cue allocates no string.
    if (refEnd - textStart !== lastRef.length || !input.startsWith(lastRef, textStart)) {
      const ref = input.slice(textStart, refEnd);
      if (BLANK.test(ref)) {
        imageless++;
        return;
      }
      const url = resolver.resolve(ref);
      if (url === null) throw new ThumbnailVttError('bad-url', `the cue image ${quote(ref)} does not resolve to an http: or https: URL; only http(s) images are loaded.`, line);
      lastRef = ref;
      lastUrl = url;
    }
    const problem = readTile(input, refEnd + 1, textEnd);
    if (problem) throw new ThumbnailVttError('bad-fragment', `the cue text ${quote(input.slice(textStart, textEnd))} ${problem}.`, line);
    const w = out.w;
    builder.add(seconds(startMs), seconds(endMs), lastUrl, out.x, out.y, w || undefined, w ? out.h : undefined);
    cues++;
  });
  const finish = () => {
    if (cues) return new ThumbnailTrack(builder);
    const example = 'like "sprite_0.jpg#xywh=0,0,142,80"';
    if (imageless) {
      const none = imageless > 1 ? `none of the ${imageless} cues names an image` : 'its only cue names no image';
      throw new ThumbnailVttError('no-cues', `${none}; cue text should be ${example}.`);
    }
    if (scan.badLine) {
      throw new ThumbnailVttError('no-cues', `no readable cues; first bad timing line: ${quote(scan.badText)} (expected like "00:00:01.000 --> 00:00:02.000").`, scan.badLine);
    }
    throw new ThumbnailVttError('no-cues', `the WebVTT file has no cues (${scan.lines} line${scan.lines > 1 ? 's' : ''} read).`);
  };
  return { scan, finish };
}

/**
 * Parses a thumbnail WebVTT file (Tencent's `WebVttUrl`) into a `ThumbnailTrack`.
 * Cue text is `<ref>#xywh=x,y,w,h`; `<ref>` is matched by file name against
 * `imageUrls`, else resolved against `vttUrl`. Cues whose text names no image are skipped.
 *
 * @throws ThumbnailVttError `not-webvtt` (bad signature), `no-cues`, `bad-fragment`
 *   (malformed or `percent:` tile), `bad-url` (an image that is not http(s)),
 *   `bad-timestamp` (a time too large to be exact, or infinite).
 */
export function parseThumbnailVtt(text: string, options: ParseThumbnailVttOptions): ThumbnailTrack {
  const job = startJob(text, options);
  scanMore(job.scan);
  return job.finish();
}

export interface ParseAsyncOptions {
  /** Aborting rejects the promise with `signal.reason` at the next slice. */
  signal?: AbortSignal;
  /** Longest stretch of parsing between two yields, in ms (default 10). */
  sliceMs?: number;
}

/** Gives the event loop a turn: `scheduler.yield()` where it exists (it keeps our priority), else a timer. */
function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * `parseThumbnailVtt` in slices of at most `sliceMs`, yielding to the event loop between
 * them, so a 36,000-cue file (100–200 ms on a fresh page) makes no long task. Same result
 * and errors, as a promise. Pure: timers only, no DOM, no Worker.
 */
export async function parseThumbnailVttAsync(text: string, options: ParseThumbnailVttOptions, { signal, sliceMs = 10 }: ParseAsyncOptions = {}): Promise<ThumbnailTrack> {
  signal?.throwIfAborted();
  const job = startJob(text, options);
  while (!scanMore(job.scan, now() + sliceMs)) {
    await yieldToEventLoop();
    signal?.throwIfAborted();
  }
  return job.finish();
}
