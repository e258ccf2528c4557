/**
 * Thumbnail WebVTT: the scanner's cues → a `ThumbnailTrack`, reading each cue text as
 * `<ref>#xywh=x,y,w,h` and resolving `<ref>` to the sheet's URL.
 */
import { ThumbnailVttError } from './errors.js';
import { Cue, ThumbnailTrack } from './track.js';
import type { ParseThumbnailVttOptions, ThumbnailCue } from './types.js';
import { ImageResolver } from './urls.js';
import { out, scan, seconds } from './vtt-scanner.js';

/**
 * Reads the media fragment `source[pos, end)` (after `#`) into out.x/y/w/h: `xywh=x,y,w,h`
 * with an optional `pixel:` unit; other `&`-separated parameters are ignored; no `xywh`
 * = the whole image (w = 0). Returns what is wrong with it, or '' when it is fine.
 */
function readTile(source: string, pos: number, end: number): string {
  while (end > pos && isAsciiSpace(source.charCodeAt(end - 1))) end--;
  out.x = out.y = out.w = out.h = 0;
  while (pos < end && !source.startsWith('xywh=', pos)) {
    while (pos < end && source.charCodeAt(pos++) !== 38 /* & */);
  }
  if (pos >= end) return '';
  pos += 5;
  if (source.startsWith('percent:', pos)) return 'uses percent: units, which are not supported (tiles must be in pixels, as Tencent writes them)';
  if (source.startsWith('pixel:', pos)) pos += 6;
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

/** Tab, LF, FF, CR or space. */
const isAsciiSpace = (c: number) => c === 32 || (c >= 9 && c <= 13 && c !== 11);
const BLANK = /^[ \t\n\r\f]*$/;

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
  const resolver = new ImageResolver(options.vttUrl, options.imageUrls, options);
  const cues: ThumbnailCue[] = [];
  let imageless = 0;
  // Consecutive cues mostly name the same sheet: remember the last ref and its URL.
  let lastRef: string | undefined;
  let lastUrl = '';
  // The next `#` at or after the current cue: texts arrive in order, so remembering the
  // hit keeps the native search linear overall.
  let nextHash = -1;
  const stats = scan(text, (startMs, endMs, input, textStart, textEnd, line) => {
    if (nextHash < textStart) {
      nextHash = input.indexOf('#', textStart);
      if (nextHash < 0) nextHash = input.length;
    }
    const refEnd = Math.min(nextHash, textEnd);
    // A slice and a native string compare beat a charCodeAt loop.
    const ref = input.slice(textStart, refEnd);
    if (ref !== lastRef) {
      if (BLANK.test(ref)) {
        imageless++;
        return;
      }
      const url = resolver.resolve(ref);
      if (url === null) throw new ThumbnailVttError('bad-url', `the cue image ${JSON.stringify(ref)} does not resolve to an http: or https: URL; only http(s) images are loaded.`, line);
      lastRef = ref;
      lastUrl = url;
    }
    const problem = readTile(input, refEnd + 1, textEnd);
    if (problem) throw new ThumbnailVttError('bad-fragment', `the cue text ${JSON.stringify(input.slice(textStart, textEnd))} ${problem}.`, line);
    const w = out.w;
    cues.push(new Cue(seconds(startMs), seconds(endMs), lastUrl, out.x, out.y, w || undefined, w ? out.h : undefined));
  });
  if (cues.length) return new ThumbnailTrack(cues);
  const example = 'like "sprite_0.jpg#xywh=0,0,142,80"';
  if (imageless) {
    const none = imageless > 1 ? `none of the ${imageless} cues names an image` : 'its only cue names no image';
    throw new ThumbnailVttError('no-cues', `${none}; cue text should be ${example}.`);
  }
  if (stats.badLine) {
    throw new ThumbnailVttError('no-cues', `no readable cues; first bad timing line: ${JSON.stringify(stats.badText)} (expected like "00:00:01.000 --> 00:00:02.000").`, stats.badLine);
  }
  throw new ThumbnailVttError('no-cues', `the WebVTT file has no cues (${stats.lines} line${stats.lines > 1 ? 's' : ''} read).`);
}
