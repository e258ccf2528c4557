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
import { out, readTimings, seconds } from './vtt-timestamp.js';

export { out, seconds } from './vtt-timestamp.js';

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


/** Where a scan stands: `scanMore` resumes from here, so a long file can be read in slices. */
export interface ScanState {
  readonly input: string;
  readonly sink: CueSink;
  pos: number;
  line: number;
  state: number;
  /** The next `-->` at or after the current line; -2 when none is left. */
  nextArrow: number;
  // The cue being collected; its text is input[textStart, textEnd), textStart -1 while empty.
  cueStart: number;
  cueEnd: number;
  cueLine: number;
  textStart: number;
  textEnd: number;
  /** What error messages need: lines read, the first unreadable timing line. */
  lines: number;
  badLine: number;
  badText: string;
  done: boolean;
}

/** Lines between two clock reads in a sliced scan (a read costs more than a Tencent line). */
const LINES_PER_CLOCK_READ = 512;
export const now = (): number => globalThis.performance?.now() ?? Date.now();

/**
 * Checks the signature and prepares a scan of `input` calling `sink` for every cue in file
 * order. Throws `not-webvtt` when the signature is wrong.
 */
export function startScan(input: string, sink: CueSink): ScanState {
  // The parser's first steps: NULL → U+FFFD, CRLF and CR → LF. Line numbers stay, and
  // afterwards native indexOf finds every line end and arrow, and text lines stay joined by LF.
  if (input.indexOf('\r') >= 0 || input.indexOf('\0') >= 0) input = input.replace(/\r\n?/g, '\n').replaceAll('\0', '\uFFFD');
  const pos = input.charCodeAt(0) === 0xfeff ? 1 : 0;
  const afterSignature = input.charCodeAt(pos + 6); // NaN at the end of input
  if (!input.startsWith('WEBVTT', pos) || !(Number.isNaN(afterSignature) || afterSignature === 32 || afterSignature === 9 || afterSignature === 10)) {
    const first = /^[^\n]*/.exec(input.slice(pos, pos + 61))![0];
    const found = input.length ? `line 1 is ${JSON.stringify(first.slice(0, 60))}${first.length > 60 ? '…' : ''}` : 'the file is empty';
    throw new ThumbnailVttError('not-webvtt', `not a WebVTT file (${found}); it must start with "WEBVTT" and a space, tab or line break. Check the VTT URL.`, 1);
  }
  return { input, sink, pos, line: 0, state: HEADER, nextArrow: -1, cueStart: 0, cueEnd: 0, cueLine: 0, textStart: -1, textEnd: 0, lines: 0, badLine: 0, badText: '', done: false };
}

/**
 * Runs the WebVTT parser from where `scan` stands until the input ends (→ true) or the
 * clock passes `deadline` (→ false; call again to go on). State lives in locals while the
 * loop runs and goes back into `scan` when it stops.
 */
export function scanMore(scan: ScanState, deadline = Infinity): boolean {
  const { input, sink } = scan;
  const length = input.length;
  let { pos, line, state, nextArrow, cueStart, cueEnd, cueLine, textStart, textEnd } = scan;
  const sliced = deadline < Infinity;

  while (pos < length) {
    if (sliced && line % LINES_PER_CLOCK_READ === 0 && line && now() > deadline) break;
    const lineStart = pos;
    // A blank line (one in three in a thumbnail VTT) needs no search.
    let lineEnd = input.charCodeAt(pos) === 10 ? pos : input.indexOf('\n', pos);
    if (lineEnd < 0) lineEnd = length;
    pos = lineEnd + 1;
    if (++line === 1) continue; // the signature line, checked by startScan
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
        if (!scan.badLine) {
          scan.badLine = line;
          scan.badText = input.slice(lineStart, Math.min(lineEnd, lineStart + 80));
        }
        // Before the first cue a bad timing line is just part of the header.
        if (state !== HEADER) state = BAD_CUE;
      }
    }
  }
  Object.assign(scan, { pos, line, state, nextArrow, cueStart, cueEnd, cueLine, textStart, textEnd });
  if (pos < length) return false;
  if (state === TEXT) sink(cueStart, cueEnd, input, Math.max(textStart, 0), textEnd, cueLine);
  scan.lines = line;
  scan.state = ID;
  scan.done = true;
  return true;
}

/** Runs the WebVTT parser over all of `input` at once; see `startScan`. */
export function scan(input: string, sink: CueSink): ScanState {
  const state = startScan(input, sink);
  scanMore(state);
  return state;
}

/** Every cue of a WebVTT file with its raw text, as a browser's parser would produce them. */
export function parseVttCues(input: string): VttCue[] {
  const cues: VttCue[] = [];
  scan(input, (startMs, endMs, source, textStart, textEnd, line) => {
    cues.push({ start: seconds(startMs), end: seconds(endMs), text: source.slice(textStart, textEnd), line });
  });
  return cues;
}

