/**
 * Thumbnail WebVTT parsing. Follows the WebVTT parser algorithm
 * (https://w3c.github.io/webvtt/#file-parsing) where it decides which cues exist and
 * their times, with Chromium's `<track>` as the oracle where the two differ. Cue settings,
 * ids, STYLE and REGION contents are read past, not interpreted: a thumbnail needs none.
 *
 * Speed matters (a 10-hour video has 36,000 cues): one pass over the string, native
 * `indexOf` for line ends, `-->` and `#`, `charCodeAt` within a line; no line splitting,
 * no regular expressions or closures per cue, no number boxes in the hot loop.
 */
import { ThumbnailVttError } from './errors.js';

/** A cue as the WebVTT parser sees it (times in seconds, raw text). */
export interface VttCue {
  start: number;
  end: number;
  text: string;
  line: number;
}

/**
 * Receives each cue as the parser completes it: times in whole milliseconds, text
 * `input.slice(textStart, textEnd)` (indices, so the common one-line cue allocates no
 * string), `line` the 1-based line of its first text line.
 */
export type CueSink = (startMs: number, endMs: number, input: string, textStart: number, textEnd: number, line: number) => void;

// Parser states, as in Chromium's VTTParser (which follows the spec's block loop).
const HEADER = 0; // before the first cue: STYLE and REGION blocks allowed
const BLOCK = 1; // inside a STYLE or REGION block
const ID = 2; // between cues: blank lines, then an id or a timing line
const TIMINGS = 3; // after an id line: the timing line must follow
const TEXT = 4; // cue text lines
const BAD_CUE = 5; // after an unreadable timing line: skip to a blank line or the next `-->`

/**
 * Out-parameters of the readers (position, times in whole milliseconds, the tile), in one
 * object of stable shape. All small integers: the hot loop allocates no number boxes.
 */
export const out = { pos: 0, start: 0, end: 0, x: 0, y: 0, w: 0, h: 0 };

/**
 * Runs the WebVTT parser over `input`, calling `sink` for every cue in file order; returns
 * what error messages need. Throws `not-webvtt` when the signature is wrong.
 */
export function scan(input: string, sink: CueSink): { lines: number; badLine: number; badText: string } {
  // The parser's first steps: NULL → U+FFFD, CRLF and CR → LF. Line numbers stay, and
  // afterwards native indexOf finds every line end and arrow, and text lines stay joined by LF.
  if (input.indexOf('\r') >= 0 || input.indexOf('\0') >= 0) input = input.replace(/\r\n?/g, '\n').replaceAll('\0', '\uFFFD');
  const length = input.length;
  let pos = input.charCodeAt(0) === 0xfeff ? 1 : 0;
  const afterSignature = input.charCodeAt(pos + 6); // NaN at the end of input
  if (!input.startsWith('WEBVTT', pos) || !(Number.isNaN(afterSignature) || afterSignature === 32 || afterSignature === 9 || afterSignature === 10)) {
    const first = /^[^\n]*/.exec(input.slice(pos, pos + 61))![0];
    const found = length ? `line 1 is ${JSON.stringify(first.slice(0, 60))}${first.length > 60 ? '…' : ''}` : 'the file is empty';
    throw new ThumbnailVttError('not-webvtt', `not a WebVTT file (${found}); it must start with "WEBVTT" and a space, tab or line break. Check the VTT URL.`, 1);
  }

  const stats = { lines: 0, badLine: 0, badText: '' };
  let nextArrow = -1; // the next `-->` at or after the current line; -2 when none is left
  let state = HEADER;
  let line = 0;
  // The cue being collected; its text is input[textStart, textEnd), textStart -1 while empty.
  let cueStart = 0;
  let cueEnd = 0;
  let cueLine = 0;
  let textStart = -1;
  let textEnd = 0;

  while (pos < length) {
    const lineStart = pos;
    // A blank line (one in three in a thumbnail VTT) needs no search.
    let lineEnd = input.charCodeAt(pos) === 10 ? pos : input.indexOf('\n', pos);
    if (lineEnd < 0) lineEnd = length;
    pos = lineEnd + 1;
    if (++line === 1) continue; // the signature line, checked above
    if (nextArrow < lineStart && nextArrow !== -2) {
      nextArrow = input.indexOf('-->', lineStart);
      if (nextArrow < 0) nextArrow = -2;
    }
    const hasArrow = nextArrow >= 0 && nextArrow + 3 <= lineEnd;
    const empty = lineEnd === lineStart;
    let timing = false; // this line is to be read as a timing line
    switch (state) {
      case TEXT:
        if (empty || hasArrow) {
          // A blank line ends the cue; so does a `-->` line, which starts the next one
          // (the spec's "previous position" rewind).
          sink(cueStart, cueEnd, input, Math.max(textStart, 0), textEnd, cueLine);
          state = ID;
          timing = hasArrow;
        } else {
          if (textStart < 0) textStart = lineStart;
          textEnd = lineEnd;
        }
        break;
      case HEADER:
        if (hasArrow) timing = true;
        else if (/^(?:STYLE|REGION)[ \t]*$/.test(input.slice(lineStart, lineEnd))) state = BLOCK;
        break;
      case BLOCK:
        // A blank line ends the block; a `-->` line ends it too and is read as a timing line.
        if (empty || hasArrow) state = HEADER;
        timing = hasArrow;
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
        else timing = hasArrow;
        break;
    }
    if (timing) {
      if (readTimings(input, lineStart, lineEnd)) {
        cueStart = out.start;
        cueEnd = out.end;
        cueLine = line + 1;
        textStart = -1;
        textEnd = 0;
        state = TEXT;
      } else {
        if (!stats.badLine) {
          stats.badLine = line;
          stats.badText = input.slice(lineStart, Math.min(lineEnd, lineStart + 80));
        }
        // Before the first cue a bad timing line is just part of the header.
        if (state !== HEADER) state = BAD_CUE;
      }
    }
  }
  if (state === TEXT) sink(cueStart, cueEnd, input, Math.max(textStart, 0), textEnd, cueLine);
  stats.lines = line;
  return stats;
}

/** Position after the spaces, tabs and form feeds at `pos`. */
function skipSpace(input: string, pos: number, end: number): number {
  for (let c = input.charCodeAt(pos); pos < end && (c === 32 || c === 9 || c === 12); c = input.charCodeAt(++pos));
  return pos;
}

/** "collect WebVTT cue timings and settings", timings only: sets out.start/out.end (ms). */
function readTimings(input: string, pos: number, end: number): boolean {
  const start = readTimestamp(input, skipSpace(input, pos, end), end);
  if (start < 0) return false;
  pos = skipSpace(input, out.pos, end);
  if (!input.startsWith('-->', pos)) return false;
  const stop = readTimestamp(input, skipSpace(input, pos + 3, end), end);
  // Whatever follows is cue settings, which a thumbnail does not use.
  out.start = start;
  out.end = stop;
  return stop >= 0;
}

/**
 * "collect a WebVTT timestamp": whole milliseconds (a small integer, not a boxed double), or
 * -1 on failure; `out.pos` = position after it.
 */
function readTimestamp(input: string, pos: number, end: number): number {
  // Fast path for the common `hh:mm:ss.ttt`, written out (engines do not always inline
  // helpers here); anything else takes the general path below.
  if (pos + 12 <= end && input.charCodeAt(pos + 2) === 58 && input.charCodeAt(pos + 5) === 58 && input.charCodeAt(pos + 8) === 46) {
    const h1 = input.charCodeAt(pos) - 48;
    const h2 = input.charCodeAt(pos + 1) - 48;
    const m1 = input.charCodeAt(pos + 3) - 48;
    const m2 = input.charCodeAt(pos + 4) - 48;
    const s1 = input.charCodeAt(pos + 6) - 48;
    const s2 = input.charCodeAt(pos + 7) - 48;
    const t1 = input.charCodeAt(pos + 9) - 48;
    const t2 = input.charCodeAt(pos + 10) - 48;
    const t3 = input.charCodeAt(pos + 11) - 48;
    const next = pos + 12 < end ? input.charCodeAt(pos + 12) - 48 : -1;
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
  // The first number is hours when it is not exactly two digits or is above 59.
  let value1 = readDigits(input, pos, end);
  const count1 = out.pos - pos;
  if (!count1 || input.charCodeAt(out.pos) !== 58 || out.pos >= end) return -1;
  pos = out.pos + 1;
  let value2 = readDigits(input, pos, end);
  if (out.pos - pos !== 2) return -1;
  let value3 = value2;
  if (count1 !== 2 || value1 > 59 || (out.pos < end && input.charCodeAt(out.pos) === 58)) {
    if (out.pos >= end || input.charCodeAt(out.pos) !== 58) return -1;
    pos = out.pos + 1;
    value3 = readDigits(input, pos, end);
    if (out.pos - pos !== 2) return -1;
  } else {
    value2 = value1;
    value1 = 0;
  }
  if (out.pos >= end || input.charCodeAt(out.pos) !== 46) return -1;
  pos = out.pos + 1;
  const value4 = readDigits(input, pos, end);
  if (out.pos - pos !== 3 || value2 > 59 || value3 > 59) return -1;
  return (value1 * 3600 + value2 * 60 + value3) * 1000 + value4;
}

/** The value of the ASCII digits at `pos` (0 when none); `out.pos` = position after them. */
function readDigits(input: string, pos: number, end: number): number {
  let value = 0;
  for (let c = input.charCodeAt(pos); pos < end && c >= 48 && c <= 57; c = input.charCodeAt(++pos)) value = value * 10 + c - 48;
  out.pos = pos;
  return value;
}

/**
 * Milliseconds → seconds exactly as the spec computes them (whole seconds + ms / 1000), so
 * times equal the browser's to the last bit.
 */
export function seconds(ms: number): number {
  const remainder = ms % 1000;
  return (ms - remainder) / 1000 + remainder / 1000;
}

/** Every cue of a WebVTT file with its raw text, as a browser's parser would produce them. */
export function parseVttCues(input: string): VttCue[] {
  const cues: VttCue[] = [];
  scan(input, (startMs, endMs, source, textStart, textEnd, line) => {
    cues.push({ start: seconds(startMs), end: seconds(endMs), text: source.slice(textStart, textEnd), line });
  });
  return cues;
}

