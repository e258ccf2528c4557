/**
 * WebVTT chapters files (`kind="chapters"`): each cue is a chapter, its text the title.
 * Titles are plain text for `textContent`: cue tags (`<b>`, `<v Name>`, `<00:01.000>`…)
 * stripped, character references decoded, never HTML.
 */
import { ThumbnailVttError } from './errors.js';
import type { Chapter } from './types.js';
import { parseVttCues } from './vtt-scanner.js';

/** The character references WebVTT cue text uses (the spec's list, plus quotes). */
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', lrm: '\u200E', rlm: '\u200F', nbsp: '\u00A0', quot: '"', apos: "'" };
const TAG = /<[^>]*>?/g;
const REFERENCE = /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([a-zA-Z]+));/g;

/** A cue's text as a plain-text title: tags gone, references decoded, whitespace runs as one space. */
export function chapterTitle(cueText: string): string {
  return cueText
    .replace(TAG, '')
    .replace(REFERENCE, (whole, decimal?: string, hex?: string, name?: string) => {
      if (name !== undefined) return NAMED[name] ?? whole;
      const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex!, 16);
      // Out of range, a surrogate or NUL: the replacement character, as HTML does.
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The chapters of a WebVTT file, sorted by start (equal starts keep file order), chapters
 * whose title is empty dropped.
 *
 * @throws ThumbnailVttError `not-webvtt` (wrong signature, not a string) or `no-cues` (no
 *   cue with a title), as the scanner reports them (with `line`).
 */
export function parseChapters(text: string): Chapter[] {
  if (typeof text !== 'string') {
    throw new ThumbnailVttError('not-webvtt', `expected the chapters file as a string, got ${text === null ? 'null' : typeof text}.`);
  }
  const chapters = chaptersOf(parseVttCues(text));
  if (!chapters.length) throw new ThumbnailVttError('no-cues', 'the chapters file has no cue with a title (expected cues like "00:00.000 --> 01:00.000" followed by the chapter title).');
  return chapters;
}

/**
 * Chapters from cues (a parsed file, or a `kind="chapters"` text track the browser parsed):
 * titles as plain text, the untitled dropped, sorted by start (equal starts keep their order).
 */
export function chaptersOf(cues: Iterable<{ start: number; end: number; text: string }>): Chapter[] {
  const chapters: Chapter[] = [];
  for (const cue of cues) {
    const title = chapterTitle(cue.text);
    if (title) chapters.push({ start: cue.start, end: cue.end, text: title });
  }
  return chapters.sort((a, b) => a.start - b.start);
}
