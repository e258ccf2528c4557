/**
 * Key-frame marks (Tencent's 打点: a moment of the video and a short text) from the payloads
 * that carry them, or a plain `{ time, text }[]` checked the same way.
 *
 * Units differ by source. DescribeMediaInfos' `KeyFrameDescSet[].TimeOffset` is seconds
 * (Tencent's API reference: Float, seconds). The playback-info answer's
 * `keyFrameDescList[].timeOffset` is milliseconds and `content` is percent-encoded: Tencent's
 * web docs for that answer give no unit, but Tencent's own players divide `timeOffset` by 1000
 * and percent-decode `content` (LiteAVSDK/Player_iOS SuperPlayer/Model/SPVideoFrameDescription.m
 * for the v4 answer; the Android SuperPlayer's v2 parser, "转换为秒"), so this does too.
 */
import { quote, SpriteEventError } from './errors.js';
import { parseJson } from './json.js';
import { asTyped, isObject, join, type Obj, peel } from './payload-fields.js';
import type { KeyFrameMarksInput } from './payload-types.js';
import type { KeyFrameMark, ParseKeyFrameMarksOptions } from './types.js';

/**
 * Tencent allows 100 marks per video; ten times that is still cheap to sort and draw, and more
 * is not a mark list anyone meant: a `bad-marks` error, not a seek bar of 10,000 ticks.
 */
export const MAX_MARKS = 1000;
/** Tencent's limit for `Content`; longer text is cut (with `…`). */
export const MAX_MARK_TEXT = 128;

/** How a list of marks reads: [info object, list, time field, text field, divisor to seconds]. */
type Shape = readonly [string, string, string, string, number];
const DESCRIBE_MEDIA: Shape = ['KeyFrameDescInfo', 'KeyFrameDescSet', 'TimeOffset', 'Content', 1];
/** The playback-info answer: milliseconds, percent-encoded text. */
const PLAYBACK: Shape = ['keyFrameDescInfo', 'keyFrameDescList', 'timeOffset', 'content', 1000];

const bad = (message: string) => new SpriteEventError('bad-marks', message);

/**
 * The key-frame marks in `input` (an object or its JSON text): a DescribeMediaInfos answer in
 * any of its shapes (with or without `Response`, the `MediaInfoSet`, one media info, a bare
 * `KeyFrameDescInfo`), the playback-info answer (`{ media }` or the `media` object), or a
 * `{ time, text }[]`. Sorted by time (equal times keep their order), the same time and text
 * kept once, text trimmed (whitespace runs as one space) and cut to 128 characters, marks
 * with no text dropped. No marks in the payload (or `null`/`undefined`) → `[]`. With several
 * media, the first that has marks, or the one `options.fileId` names.
 *
 * @throws SpriteEventError `bad-marks` (a list that is not an array, a time that is not a
 *   finite number ≥ 0, text that is not a string, more than `MAX_MARKS` marks, a value that
 *   cannot be read), `bad-json` (JSON text), `task-failed` (an error answer).
 */
export function parseKeyFrameMarks(input: KeyFrameMarksInput | Record<string, unknown> | string | null | undefined, options: ParseKeyFrameMarksOptions = {}): KeyFrameMark[] {
  try {
    const value: unknown = typeof input === 'string' ? parseJson(input) : input;
    if (Array.isArray(value)) return read(value, 'marks', ['', '', 'time', 'text', 1]);
    if (value != null && !isObject(value)) {
      throw bad(`expected key-frame marks ({ time, text }[]) or a Tencent answer holding them, got ${typeof value} ${quote(value)}.`);
    }
    const [o, path] = value == null ? [] : peel(value, 'bad-marks');
    if (!isObject(o)) return [];
    const fileId = options?.fileId;
    if (Array.isArray(o.MediaInfoSet)) {
      for (const [index, info] of o.MediaInfoSet.entries()) {
        if (!isObject(info) || (fileId !== undefined && `${info.FileId as string}` !== `${fileId}`)) continue;
        const marks = locate(info, join(path!, `MediaInfoSet[${index}]`), DESCRIBE_MEDIA);
        if (marks) return marks;
      }
      return [];
    }
    return locate(o, path!, DESCRIBE_MEDIA) ?? locate(o, path!, PLAYBACK) ?? [];
  } catch (error) {
    throw asTyped(error, 'bad-marks', 'the marks');
  }
}

/** The marks of `shape` in `o` (under its info object or bare); undefined when it has no list. */
function locate(o: Obj, path: string, shape: Shape): KeyFrameMark[] | undefined {
  const [infoKey, listKey, time, text] = shape;
  if (infoKey in o) {
    const info = o[infoKey];
    path = join(path, infoKey);
    if (info == null) return undefined;
    if (!isObject(info)) throw bad(`${path} is ${quote(info)}: expected { ${listKey}: [{ ${time}, ${text} }] }.`);
    o = info;
  } else if (!(listKey in o)) return undefined;
  const list = o[listKey];
  return list == null ? undefined : read(list, join(path, listKey), shape);
}

function read(list: unknown, path: string, [, , timeKey, textKey, scale]: Shape): KeyFrameMark[] {
  if (!Array.isArray(list)) throw bad(`${path} is ${quote(list)}: expected an array of marks.`);
  if (list.length > MAX_MARKS) throw bad(`${path} holds ${list.length} marks; at most ${MAX_MARKS} are shown.`);
  const marks: KeyFrameMark[] = [];
  const seen = new Set<string>();
  for (let index = 0; index < list.length; index++) {
    const item: unknown = list[index];
    const at = `${path}[${index}]`;
    if (!isObject(item)) throw bad(`${at} is ${quote(item)}: expected { ${timeKey}, ${textKey} }.`);
    const raw = item[timeKey];
    if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < 0) {
      throw bad(`${at}.${timeKey} is ${quote(raw)}: expected a finite number of ${scale > 1 ? 'milli' : ''}seconds, 0 or more.`);
    }
    const text = textOf(item[textKey], `${at}.${textKey}`, scale > 1);
    const time = raw / scale;
    const key = `${time} ${text}`;
    if (!text || seen.has(key)) continue;
    seen.add(key);
    marks.push({ time, text });
  }
  // Array sort is stable: equal times keep the payload's order.
  return marks.sort((a, b) => a.time - b.time);
}

/** A mark's text: plain, trimmed, one line, at most `MAX_MARK_TEXT` characters; '' for none. */
function textOf(value: unknown, at: string, decode: boolean): string {
  if (value == null) return '';
  if (typeof value !== 'string') throw bad(`${at} is ${quote(value)}: expected text.`);
  let text = value;
  if (decode && text.includes('%')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      // A bare "%" (e.g. "100%"): the text was not encoded.
    }
  }
  // Bounded work for a hostile 5 MB text: only the start can be shown.
  if (text.length > 16 * MAX_MARK_TEXT) text = text.slice(0, 16 * MAX_MARK_TEXT);
  text = text.replace(/\s+/g, ' ').trim();
  if (text.length <= MAX_MARK_TEXT) return text;
  let cut = text.slice(0, MAX_MARK_TEXT - 1);
  // Never leave half a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}
