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
import { asTyped, failed, fail, isObject, join, type Obj, shown } from './payload-fields.js';
import type { KeyFrameMarksInput } from './payload-types.js';
import type { KeyFrameMark, ParseKeyFrameMarksOptions } from './types.js';

/**
 * Tencent allows 100 marks per video; ten times that is still cheap to sort and draw, and more
 * is not a mark list anyone meant: a `bad-marks` error, not a seek bar of 10,000 ticks.
 */
export const MAX_MARKS = 1000;
/** Tencent's limit for `Content`; longer text is cut (with `…`). */
export const MAX_MARK_TEXT = 128;
const MAX_DEPTH = 8;

/** Where a list of marks sits and how its items read. */
interface Source {
  list: unknown;
  path: string;
  time: string;
  text: string;
  /** Divisor to seconds. */
  scale: number;
  /** Percent-decode the text (the playback-info answer). */
  decode: boolean;
}

const bad = (message: string) => new SpriteEventError('bad-marks', message);
const plain = (list: unknown, path: string): Source => ({ list, path, time: 'time', text: 'text', scale: 1, decode: false });
const describeMedia = (list: unknown, path: string): Source => ({ list, path, time: 'TimeOffset', text: 'Content', scale: 1, decode: false });
const playback = (list: unknown, path: string): Source => ({ list, path, time: 'timeOffset', text: 'content', scale: 1000, decode: true });

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
    if (value == null) return [];
    if (Array.isArray(value)) return read(plain(value, 'marks'));
    if (!isObject(value)) {
      throw bad(`expected key-frame marks ({ time, text }[], a DescribeMediaInfos or a playback-info answer), got ${typeof value} ${quote(value)}.`);
    }
    const source = locate(value, '', options?.fileId, 0);
    return source ? read(source) : [];
  } catch (error) {
    throw asTyped(error, 'bad-marks', 'the marks');
  }
}

/** The mark list in a payload object, or undefined when it holds none. */
function locate(o: Obj, path: string, fileId: string | undefined, depth: number): Source | undefined {
  if (depth >= MAX_DEPTH) throw bad(`${path} is nested more than ${MAX_DEPTH} levels deep; Tencent's answers hold one Response or media.`);
  const response = o.Response;
  if (isObject(response)) {
    if (isObject(response.Error)) {
      throw fail('task-failed', `the Tencent API answered an error: Code ${quote(response.Error.Code)}, Message ${quote(response.Error.Message)}.`);
    }
    return locate(response, join(path, 'Response'), fileId, depth + 1);
  }
  if ('media' in o || ('code' in o && 'version' in o)) {
    if (failed(o.code)) throw fail('task-failed', `the playback-info answer is an error: code ${shown(o.code)}, message ${quote(o.message)}.`);
    return isObject(o.media) ? locate(o.media, join(path, 'media'), fileId, depth + 1) : undefined;
  }
  if (Array.isArray(o.MediaInfoSet)) {
    for (const [index, info] of o.MediaInfoSet.entries()) {
      if (!isObject(info) || (fileId !== undefined && `${info.FileId as string}` !== `${fileId}`)) continue;
      const found = keyFrameDescInfo(info.KeyFrameDescInfo, join(path, `MediaInfoSet[${index}].KeyFrameDescInfo`));
      if (found) return found;
    }
    return undefined;
  }
  if ('KeyFrameDescInfo' in o) return keyFrameDescInfo(o.KeyFrameDescInfo, join(path, 'KeyFrameDescInfo'));
  if ('KeyFrameDescSet' in o) return o.KeyFrameDescSet == null ? undefined : describeMedia(o.KeyFrameDescSet, join(path, 'KeyFrameDescSet'));
  if ('keyFrameDescInfo' in o) {
    const info = o.keyFrameDescInfo;
    const at = join(path, 'keyFrameDescInfo');
    if (info == null) return undefined;
    if (!isObject(info)) throw bad(`${at} is ${quote(info)}: expected { keyFrameDescList: [{ timeOffset, content }] }.`);
    return info.keyFrameDescList == null ? undefined : playback(info.keyFrameDescList, join(at, 'keyFrameDescList'));
  }
  if ('keyFrameDescList' in o) return o.keyFrameDescList == null ? undefined : playback(o.keyFrameDescList, join(path, 'keyFrameDescList'));
  return undefined;
}

function keyFrameDescInfo(info: unknown, path: string): Source | undefined {
  if (info == null) return undefined;
  if (!isObject(info)) throw bad(`${path} is ${quote(info)}: expected { KeyFrameDescSet: [{ TimeOffset, Content }] }.`);
  return info.KeyFrameDescSet == null ? undefined : describeMedia(info.KeyFrameDescSet, join(path, 'KeyFrameDescSet'));
}

function read({ list, path, time: timeKey, text: textKey, scale, decode }: Source): KeyFrameMark[] {
  if (!Array.isArray(list)) throw bad(`${path} is ${quote(list)}: expected an array of marks.`);
  if (list.length > MAX_MARKS) throw bad(`${path} holds ${list.length} marks; at most ${MAX_MARKS} are shown (Tencent allows 100 per video).`);
  const marks: KeyFrameMark[] = [];
  const seen = new Set<string>();
  for (let index = 0; index < list.length; index++) {
    const item: unknown = list[index];
    const at = `${path}[${index}]`;
    if (!isObject(item)) throw bad(`${at} is ${quote(item)}: expected { ${timeKey}, ${textKey} }.`);
    const raw = item[timeKey];
    if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < 0) {
      const unit = scale === 1000 ? 'milliseconds' : 'seconds';
      throw bad(`${at}.${timeKey} is ${quote(raw)}: expected a finite number of ${unit}, 0 or more.`);
    }
    const text = textOf(item[textKey], `${at}.${textKey}`, decode);
    if (!text) continue;
    const time = raw / scale;
    const key = `${time} ${text}`;
    if (seen.has(key)) continue;
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
