/**
 * Thumbnail WebVTT parsing. Follows the WebVTT parser algorithm
 * (https://w3c.github.io/webvtt/#file-parsing) where it decides which cues exist and
 * their times, with Chromium's `<track>` as the oracle where the two differ. Cue settings,
 * ids, STYLE and REGION contents are read past, not interpreted: a thumbnail needs none.
 *
 * Speed matters (a 10-hour video has 36,000 cues): one pass over the string, native
 * `indexOf` for line ends, `-->` and `#`, `charCodeAt` within a line; no line splitting,
 * no regular expressions, no per-cue closures, no number boxes in the hot loop.
 */
import { ThumbnailVttError } from './errors.js';
import { ImageResolver } from './resolve.js';
import { Cue, ThumbnailTrack } from './track.js';
import type { ParseThumbnailVttOptions, ThumbnailCue } from './types.js';

/** Receives each cue as the WebVTT parser completes it. */
export interface VttCueSink {
  /**
   * One cue, times in whole milliseconds (`seconds(ms)` gives the spec's seconds). Its text
   * is `source.slice(textStart, textEnd)`, passed as indices so the common one-line cue
   * allocates no string. `line` is the 1-based line of its first text line.
   */
  cue(startMs: number, endMs: number, source: string, textStart: number, textEnd: number, line: number): void;
}

/** What one scan saw, for error messages. */
export interface VttScanStats {
  cues: number;
  lines: number;
  /** 1-based line of the first line with `-->` whose timings could not be read; 0 if none. */
  badTimingLine: number;
  badTimingText: string;
}

/** A cue as the WebVTT parser sees it (times in seconds, raw text). */
export interface VttCue {
  start: number;
  end: number;
  text: string;
  line: number;
}

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const FF = 12;
const HYPHEN = 45;
const GT = 62;
const COLON = 58;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const BOM = 0xfeff;
const COMMA = 44;
const AMPERSAND = 38;

// Parser states, as in Chromium's VTTParser (which follows the spec's block loop).
const HEADER = 0; // before the first cue: STYLE and REGION blocks allowed
const STYLE_OR_REGION = 1; // inside a STYLE or REGION block
const ID = 2; // between cues: blank lines, then an id or a timing line
const TIMINGS = 3; // after an id line: the timing line must follow
const TEXT = 4; // cue text lines
const BAD_CUE = 5; // after an unreadable timing line: skip to a blank line or the next `-->`

/**
 * Out-parameters of the readers (positions, times in whole milliseconds, the tile), in one
 * object of stable shape. All small integers: the hot loop allocates no number boxes.
 */
const out = { pos: 0, start: 0, end: 0, x: 0, y: 0, w: 0, h: 0 };

/**
 * Runs the WebVTT parser over `input`, calling `sink.cue` for every cue in file order.
 * Throws `ThumbnailVttError('not-webvtt')` when the signature is wrong.
 */
export function scanWebVtt(input: string, sink: VttCueSink): VttScanStats {
  const length = input.length;
  let pos = input.charCodeAt(0) === BOM ? 1 : 0;
  checkSignature(input, pos);

  const stats: VttScanStats = { cues: 0, lines: 0, badTimingLine: 0, badTimingText: '' };
  // Most files end lines with LF (or CRLF) and hold no NULL: then native indexOf finds line
  // ends and arrows; otherwise (a lone CR, a NULL) each line is scanned with charCodeAt.
  const crlf = input.indexOf('\r') >= 0;
  const simple = (!crlf || everyCrStartsCrlf(input)) && input.indexOf('\0') < 0;
  let nextArrow = -1; // position of the next `-->` at or after the current line (simple mode)
  let state = HEADER;
  let lineNumber = 0;
  // The cue being collected.
  let cueStart = 0;
  let cueEnd = 0;
  let cueLine = 0;
  let textStart = -1; // first text line, as a slice of input (the common case: one line)
  let textEnd = -1;
  let textJoined: string | null = null; // set once a second text line arrives
  let textHasNull = false;

  while (pos < length || lineNumber === 0) {
    const lineStart = pos;
    let lineEnd: number;
    let hasArrow = false;
    let hasNull = false;
    if (simple) {
      // A blank line (one in three in a thumbnail VTT) needs no search.
      lineEnd = input.charCodeAt(pos) === LF ? pos : input.indexOf('\n', pos);
      if (lineEnd < 0) lineEnd = pos = length;
      else {
        pos = lineEnd + 1;
        if (crlf && lineEnd > lineStart && input.charCodeAt(lineEnd - 1) === CR) lineEnd--;
      }
      if (nextArrow < lineStart && nextArrow !== -2) {
        nextArrow = input.indexOf('-->', lineStart);
        if (nextArrow < 0) nextArrow = -2; // none left
      }
      hasArrow = nextArrow >= 0 && nextArrow + 3 <= lineEnd;
    } else {
      let i = pos;
      for (; i < length; i++) {
        const c = input.charCodeAt(i);
        if (c === LF || c === CR) break;
        if (c === GT) {
          if (i - lineStart >= 2 && input.charCodeAt(i - 1) === HYPHEN && input.charCodeAt(i - 2) === HYPHEN) hasArrow = true;
        } else if (c === 0) hasNull = true;
      }
      lineEnd = i;
      if (i < length) pos = input.charCodeAt(i) === CR && input.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
      else pos = length;
    }
    lineNumber++;
    if (lineNumber === 1) continue; // the signature line, checked above

    const empty = lineEnd === lineStart;
    let timing = false; // this line is to be read as a timing line
    switch (state) {
      case TEXT:
        if (empty || hasArrow) {
          // A blank line ends the cue; so does a `-->` line, which starts the next one
          // (the spec's "previous position" rewind).
          stats.cues++;
          if (textStart < 0) sink.cue(cueStart, cueEnd, '', 0, 0, cueLine);
          else if (textJoined === null && !textHasNull) sink.cue(cueStart, cueEnd, input, textStart, textEnd, cueLine);
          else {
            const text = cueText(input, textStart, textEnd, textJoined, textHasNull);
            sink.cue(cueStart, cueEnd, text, 0, text.length, cueLine);
          }
          state = ID;
          timing = hasArrow;
        } else if (textStart < 0) {
          textStart = lineStart;
          textEnd = lineEnd;
          textHasNull = hasNull;
        } else {
          textJoined = `${textJoined ?? input.slice(textStart, textEnd)}\n${input.slice(lineStart, lineEnd)}`;
          if (hasNull) textHasNull = true;
        }
        break;
      case HEADER:
        if (hasArrow) timing = true;
        else if (!empty && isBlockKeyword(input, lineStart, lineEnd)) state = STYLE_OR_REGION;
        break;
      case STYLE_OR_REGION:
        // A blank line ends the block; a `-->` line ends it too and is read as a timing line.
        if (empty) state = HEADER;
        else if (hasArrow) {
          state = HEADER;
          timing = true;
        }
        break;
      case ID:
        if (hasArrow) timing = true;
        else if (!empty) state = TIMINGS; // that was the cue's id
        break;
      case TIMINGS:
        if (empty) state = ID;
        else timing = true;
        break;
      case BAD_CUE:
        if (empty) state = ID;
        else if (hasArrow) timing = true;
        break;
    }
    if (timing) {
      if (readTimings(input, lineStart, lineEnd)) {
        cueStart = out.start;
        cueEnd = out.end;
        cueLine = lineNumber + 1;
        textStart = -1;
        textJoined = null;
        textHasNull = false;
        state = TEXT;
      } else {
        if (stats.badTimingLine === 0) {
          stats.badTimingLine = lineNumber;
          stats.badTimingText = input.slice(lineStart, Math.min(lineEnd, lineStart + 80));
        }
        // Before the first cue a bad timing line is just part of the header.
        if (state !== HEADER) state = BAD_CUE;
      }
    }
  }
  if (state === TEXT) {
    stats.cues++;
    if (textStart < 0) sink.cue(cueStart, cueEnd, '', 0, 0, cueLine);
    else if (textJoined === null && !textHasNull) sink.cue(cueStart, cueEnd, input, textStart, textEnd, cueLine);
    else {
      const text = cueText(input, textStart, textEnd, textJoined, textHasNull);
      sink.cue(cueStart, cueEnd, text, 0, text.length, cueLine);
    }
  }
  stats.lines = lineNumber;
  return stats;
}

/** True when every CR in `input` is the first half of a CRLF. */
function everyCrStartsCrlf(input: string): boolean {
  for (let cr = input.indexOf('\r'); cr >= 0; cr = input.indexOf('\r', cr + 2)) {
    if (input.charCodeAt(cr + 1) !== LF) return false;
  }
  return true;
}

function cueText(input: string, start: number, end: number, joined: string | null, hasNull: boolean): string {
  const text = joined ?? input.slice(start, end);
  // The parser replaces NULL with U+FFFD before anything else.
  return hasNull ? text.replaceAll('\0', '\uFFFD') : text;
}

function checkSignature(input: string, pos: number): void {
  const next = input.charCodeAt(pos + 6); // NaN at the end of input
  if (input.startsWith('WEBVTT', pos) && (Number.isNaN(next) || isSignatureSeparator(next))) return;
  let lineEnd = pos;
  while (lineEnd < input.length && lineEnd < pos + 60) {
    const c = input.charCodeAt(lineEnd);
    if (c === LF || c === CR) break;
    lineEnd++;
  }
  const firstLine = input.slice(pos, lineEnd);
  const hint = input.length === 0 ? 'the file is empty' : `line 1 is ${JSON.stringify(firstLine)}${lineEnd - pos >= 60 ? '…' : ''}`;
  throw new ThumbnailVttError(
    'not-webvtt',
    `not a WebVTT file: it must start with "WEBVTT" followed by a space, a tab or a line break, but ${hint}. Check that the VTT URL points at the sprite's .vtt file.`,
    1,
  );
}

function isSignatureSeparator(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR;
}

/** `STYLE` or `REGION` followed only by spaces or tabs. */
function isBlockKeyword(input: string, start: number, end: number): boolean {
  let i: number;
  if (input.startsWith('STYLE', start)) i = start + 5;
  else if (input.startsWith('REGION', start)) i = start + 6;
  else return false;
  if (i > end) return false;
  for (; i < end; i++) {
    const c = input.charCodeAt(i);
    if (c !== SPACE && c !== TAB) return false;
  }
  return true;
}

function skipWhitespace(input: string, pos: number, end: number): number {
  while (pos < end) {
    const c = input.charCodeAt(pos);
    if (c !== SPACE && c !== TAB && c !== FF) break;
    pos++;
  }
  return pos;
}

/** "collect WebVTT cue timings and settings", timings only: sets out.start/out.end (ms). */
function readTimings(input: string, pos: number, end: number): boolean {
  pos = skipWhitespace(input, pos, end);
  const start = readTimestamp(input, pos, end);
  if (start < 0) return false;
  pos = skipWhitespace(input, out.pos, end);
  if (
    pos + 3 > end ||
    input.charCodeAt(pos) !== HYPHEN ||
    input.charCodeAt(pos + 1) !== HYPHEN ||
    input.charCodeAt(pos + 2) !== GT
  ) {
    return false;
  }
  pos = skipWhitespace(input, pos + 3, end);
  const stop = readTimestamp(input, pos, end);
  if (stop < 0) return false;
  // Whatever follows is cue settings, which a thumbnail does not use.
  out.start = start;
  out.end = stop;
  return true;
}

/**
 * "collect a WebVTT timestamp": whole milliseconds (a small integer, not a boxed double), or
 * -1 on failure; `out.pos` = position after it.
 */
function readTimestamp(input: string, pos: number, end: number): number {
  // Fast path for the common `hh:mm:ss.ttt`, written out (engines do not always inline
  // helpers here); anything else takes the general path below.
  if (pos + 12 <= end && input.charCodeAt(pos + 2) === COLON && input.charCodeAt(pos + 5) === COLON && input.charCodeAt(pos + 8) === DOT) {
    const h1 = input.charCodeAt(pos) - ZERO;
    const h2 = input.charCodeAt(pos + 1) - ZERO;
    const m1 = input.charCodeAt(pos + 3) - ZERO;
    const m2 = input.charCodeAt(pos + 4) - ZERO;
    const s1 = input.charCodeAt(pos + 6) - ZERO;
    const s2 = input.charCodeAt(pos + 7) - ZERO;
    const t1 = input.charCodeAt(pos + 9) - ZERO;
    const t2 = input.charCodeAt(pos + 10) - ZERO;
    const t3 = input.charCodeAt(pos + 11) - ZERO;
    const next = pos + 12 < end ? input.charCodeAt(pos + 12) - ZERO : -1;
    if (
      h1 >= 0 && h1 <= 9 && h2 >= 0 && h2 <= 9 &&
      m1 >= 0 && m1 <= 5 && m2 >= 0 && m2 <= 9 &&
      s1 >= 0 && s1 <= 5 && s2 >= 0 && s2 <= 9 &&
      t1 >= 0 && t1 <= 9 && t2 >= 0 && t2 <= 9 && t3 >= 0 && t3 <= 9 &&
      (next < 0 || next > 9)
    ) {
      out.pos = pos + 12;
      return ((h1 * 10 + h2) * 3600 + (m1 * 10 + m2) * 60 + s1 * 10 + s2) * 1000 + t1 * 100 + t2 * 10 + t3;
    }
  }
  // First number: hours if it is not exactly two digits or is above 59.
  let p = digitsEnd(input, pos, end);
  if (p === pos) return -1;
  let value1 = digitsValue(input, pos, p);
  let hours = p - pos !== 2 || value1 > 59;
  if (p >= end || input.charCodeAt(p) !== COLON) return -1;
  let q = digitsEnd(input, ++p, end);
  if (q - p !== 2) return -1;
  let value2 = digitsValue(input, p, q);
  let value3: number;
  if (hours || (q < end && input.charCodeAt(q) === COLON)) {
    if (q >= end || input.charCodeAt(q) !== COLON) return -1;
    p = q + 1;
    q = digitsEnd(input, p, end);
    if (q - p !== 2) return -1;
    value3 = digitsValue(input, p, q);
    hours = true;
  } else {
    value3 = value2;
    value2 = value1;
    value1 = 0;
  }
  if (q >= end || input.charCodeAt(q) !== DOT) return -1;
  p = q + 1;
  q = digitsEnd(input, p, end);
  if (q - p !== 3) return -1;
  const value4 = digitsValue(input, p, q);
  if (value2 > 59 || value3 > 59) return -1;
  out.pos = q;
  return (value1 * 3600 + value2 * 60 + value3) * 1000 + value4;
}

/**
 * Milliseconds → seconds exactly as the spec computes them (whole seconds + ms / 1000), so
 * times equal the browser's to the last bit.
 */
export function seconds(ms: number): number {
  const remainder = ms % 1000;
  return (ms - remainder) / 1000 + remainder / 1000;
}

function digitsEnd(input: string, pos: number, end: number): number {
  while (pos < end) {
    const c = input.charCodeAt(pos);
    if (c < ZERO || c > NINE) break;
    pos++;
  }
  return pos;
}

function digitsValue(input: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) value = value * 10 + (input.charCodeAt(i) - ZERO);
  return value;
}

/** Every cue of a WebVTT file with its raw text, as a browser's parser would produce them. */
export function parseVttCues(input: string): VttCue[] {
  const cues: VttCue[] = [];
  scanWebVtt(input, {
    cue(startMs, endMs, source, textStart, textEnd, line) {
      cues.push({ start: seconds(startMs), end: seconds(endMs), text: source.slice(textStart, textEnd), line });
    },
  });
  return cues;
}

const TILE_OK = 0;
const TILE_MALFORMED = 1;
const TILE_PERCENT = 2;

/**
 * Reads the media fragment `source[pos, end)` (after `#`): `xywh=x,y,w,h` with an optional
 * `pixel:` unit; other `&`-separated parameters are ignored; no `xywh` = the whole image.
 */
function readTile(source: string, pos: number, end: number): number {
  while (end > pos && isAsciiWhitespace(source.charCodeAt(end - 1))) end--;
  out.x = 0;
  out.y = 0;
  out.w = 0; // 0 = the whole image
  out.h = 0;
  while (pos < end) {
    if (
      source.charCodeAt(pos) === 120 && // x
      source.charCodeAt(pos + 1) === 121 && // y
      source.charCodeAt(pos + 2) === 119 && // w
      source.charCodeAt(pos + 3) === 104 && // h
      source.charCodeAt(pos + 4) === 61 && // =
      pos + 5 <= end
    ) {
      return readXywh(source, pos + 5, end);
    }
    pos = indexWithin(source, AMPERSAND, pos, end) + 1;
  }
  return TILE_OK;
}

/** `[pixel:|percent:]x,y,w,h` up to `end` or `&`, in one pass; 1–9 digits each, w and h > 0. */
function readXywh(source: string, pos: number, end: number): number {
  if (source.charCodeAt(pos) === 112 /* p */) {
    if (source.startsWith('pixel:', pos)) pos += 6;
    else if (source.startsWith('percent:', pos)) return TILE_PERCENT;
  }
  let x = 0;
  let y = 0;
  let w = 0;
  let value = 0;
  let digits = 0;
  let index = 0; // which of x, y, w, h is being read
  for (; pos < end; pos++) {
    const c = source.charCodeAt(pos);
    if (c >= ZERO && c <= NINE) {
      value = value * 10 + (c - ZERO);
      if (++digits > 9) return TILE_MALFORMED;
    } else if (c === COMMA && digits > 0 && index < 3) {
      if (index === 0) x = value;
      else if (index === 1) y = value;
      else w = value;
      index++;
      value = 0;
      digits = 0;
    } else if (c === AMPERSAND) {
      break;
    } else {
      return TILE_MALFORMED;
    }
  }
  if (index !== 3 || digits === 0 || w === 0 || value === 0) return TILE_MALFORMED;
  out.x = x;
  out.y = y;
  out.w = w;
  out.h = value;
  return TILE_OK;
}

/** Index of the first `code` in `source[pos, end)`, or `end`. */
function indexWithin(source: string, code: number, pos: number, end: number): number {
  while (pos < end && source.charCodeAt(pos) !== code) pos++;
  return pos;
}

function isAsciiWhitespace(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR || c === FF;
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isAsciiWhitespace(text.charCodeAt(i))) return false;
  return true;
}

/** Turns parsed cues into thumbnail cues: resolves each ref, reads each tile. */
class ThumbnailCueCollector implements VttCueSink {
  readonly cues: ThumbnailCue[] = [];
  /** Cues whose text names no image (empty before `#`). */
  imageless = 0;
  // Consecutive cues mostly name the same sheet: remember the last ref and its URL.
  private lastRef: string | undefined;
  private lastUrl = '';
  // The next `#` in hashSource at or after the current cue (hashSource.length if none).
  private hashSource = '';
  private nextHash = -1;

  constructor(private readonly resolver: ImageResolver) {}

  cue(startMs: number, endMs: number, source: string, textStart: number, textEnd: number, line: number): void {
    // Find the `#` with native indexOf, remembering the hit: texts arrive in order, so the
    // search stays linear overall (a fresh unbounded search per cue would be quadratic).
    let hashAt = this.nextHash;
    if (source !== this.hashSource || hashAt < textStart) {
      hashAt = source.indexOf('#', textStart);
      if (hashAt < 0) hashAt = source.length;
      this.hashSource = source;
      this.nextHash = hashAt;
    }
    const refEnd = Math.min(hashAt, textEnd);
    // Same ref as the last cue? (A slice and a native string compare beat a charCodeAt loop.)
    const ref = source.slice(textStart, refEnd);
    let url: string;
    if (ref === this.lastRef) {
      url = this.lastUrl;
    } else {
      if (isBlank(ref)) {
        this.imageless++;
        return;
      }
      const resolved = this.resolver.resolve(ref);
      if (resolved === null) {
        throw new ThumbnailVttError(
          'bad-url',
          `the cue image ${JSON.stringify(ref)} does not resolve to an http: or https: URL; only http(s) images are loaded.`,
          line,
        );
      }
      url = resolved;
      this.lastRef = ref;
      this.lastUrl = url;
    }
    if (refEnd === textEnd) {
      out.x = 0;
      out.y = 0;
      out.w = 0;
      out.h = 0;
    } else {
      const result = readTile(source, refEnd + 1, textEnd);
      if (result !== TILE_OK) {
        const why =
          result === TILE_PERCENT
            ? 'uses percent: units, which are not supported (tiles must be given in pixels, as Tencent writes them)'
            : 'has a malformed #xywh fragment; expected #xywh=x,y,w,h with whole pixel numbers and w, h > 0';
        throw new ThumbnailVttError('bad-fragment', `the cue text ${JSON.stringify(source.slice(textStart, textEnd))} ${why}.`, line);
      }
    }
    const w = out.w;
    this.cues.push(new Cue(seconds(startMs), seconds(endMs), url, out.x, out.y, w === 0 ? undefined : w, w === 0 ? undefined : out.h));
  }
}

/**
 * Parses a thumbnail WebVTT file (Tencent's `WebVttUrl`) into a `ThumbnailTrack`.
 * Cue text is `<ref>#xywh=x,y,w,h`; `<ref>` is matched by file name against
 * `imageUrls`, else resolved against `vttUrl`. Cues whose text names no image are skipped.
 *
 * @throws ThumbnailVttError `not-webvtt` (bad signature), `no-cues`, `bad-fragment`
 *   (malformed or `percent:` tile), `bad-url` (an image that is not http(s)).
 */
export function parseThumbnailVtt(text: string, options: ParseThumbnailVttOptions): ThumbnailTrack {
  if (typeof text !== 'string') {
    throw new ThumbnailVttError('not-webvtt', `expected the WebVTT file as a string, got ${text === null ? 'null' : typeof text}.`);
  }
  const resolver = new ImageResolver(options.vttUrl, options.imageUrls ?? [], options);
  const collector = new ThumbnailCueCollector(resolver);
  const stats = scanWebVtt(text, collector);
  if (collector.cues.length === 0) throw noCuesError(stats, collector.imageless);
  return new ThumbnailTrack(collector.cues);
}

function noCuesError(stats: VttScanStats, imageless: number): ThumbnailVttError {
  if (imageless > 0) {
    return new ThumbnailVttError('no-cues', `${imageless === 1 ? 'its only cue names no image' : `none of the ${imageless} cues names an image`} (cue text should be like "sprite_0.jpg#xywh=0,0,142,80").`);
  }
  if (stats.badTimingLine > 0) {
    return new ThumbnailVttError(
      'no-cues',
      `the WebVTT file has no readable cues; the first timing line that could not be read is ${JSON.stringify(stats.badTimingText)} (expected like "00:00:01.000 --> 00:00:02.000").`,
      stats.badTimingLine,
    );
  }
  return new ThumbnailVttError('no-cues', `the WebVTT file has no cues (${stats.lines} ${stats.lines === 1 ? 'line' : 'lines'} read).`);
}
