/**
 * The pieces of a sprite result that payload.ts reads out of every shape: ids, URL checks,
 * and the messages that name a field, what it held (quoted short) and what to do.
 */
import { clip, quote as quoteValue, SpriteEventError, type SpriteEventErrorCode } from './errors.js';
import { isHttp, parseUrl } from './urls.js';
import type { SpriteInfo } from './types.js';

export type Obj = Record<string, unknown>;

/** One sprite result found in the payload, good or bad, before URL checks and filters. */
export interface Found extends Partial<SpriteInfo> {
  /** Set when this result is a failure (failed task, no data). */
  error?: SpriteEventError;
  /** [field path, value] of the VTT URL and of the image URL list. */
  vtt?: [string, unknown];
  images?: [string, unknown];
}

export const fail = (code: SpriteEventErrorCode, message: string) => new SpriteEventError(code, message);
export const isObject = (value: unknown): value is Obj => value !== null && typeof value === 'object' && !Array.isArray(value);
export const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
export const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
/** A missing field reads as `null`, as JSON would show it. */
export const quote = (value: unknown) => quoteValue(value ?? null);
/** A Tencent error code field that says the task failed. */
export const failed = (code: unknown) => code !== undefined && (typeof code === 'symbol' || Number(code) !== 0);
/** At most `limit` items of a list for a message, then how many more. */
export const some = (items: string[], separator = ', ', limit = 5) =>
  items.slice(0, limit).join(separator) + (items.length > limit ? `${separator}and ${items.length - limit} more` : '');

/** The one `no-sprite-data` message: which field held what, for which ids, and what to do. */
export function noData(field: string, value: unknown, ids: Found, todo = 'wait for a successful sprite task'): SpriteEventError {
  return fail('no-sprite-data', `no sprite data: ${field} is ${quote(value)}${describe(ids)}; ${todo}.`);
}

export function taskFailed(what: string, facts: string, ids: Found): SpriteEventError {
  return fail('task-failed', `the ${what} failed: ${facts}${describe(ids)}. Fix the cause and run it again.`);
}

/** A field value for a message: a string as it is (clipped), anything else quoted. */
export const shown = (value: unknown) => (typeof value === 'string' ? clip(value) : quote(value));

/** fileId / taskId / definition, each only when present and of a usable type. */
export function ids(fileId: unknown, taskId?: unknown, definition?: unknown): Found {
  const out: Found = {};
  if (typeof fileId === 'string' || typeof fileId === 'number') out.fileId = `${fileId}`;
  if (typeof taskId === 'string' && taskId) out.taskId = taskId;
  const number = typeof definition === 'string' && definition.trim() ? Number(definition) : definition;
  if (isNumber(number)) out.definition = number;
  return out;
}

/** " (TaskId …, FileId …, Definition …)" for messages. */
export function describe({ taskId, fileId, definition }: Found): string {
  const parts = [taskId && `TaskId ${clip(taskId)}`, fileId !== undefined && `FileId ${clip(fileId)}`, definition !== undefined && `Definition ${definition}`].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

export function toSpriteInfo(found: Found, baseUrl: string | undefined): SpriteInfo {
  const { error, vtt: [vttField, vttUrl] = ['', ''], images: [imagesField, images] = ['', ''], ...info } = found;
  if (error) throw error;
  if (typeof vttUrl !== 'string' || !vttUrl.trim()) throw noData(vttField, vttUrl, found);
  if (!Array.isArray(images) || !images.length) throw noData(imagesField, images, found);
  return {
    ...info,
    vttUrl: checkUrl(vttUrl, vttField, baseUrl),
    imageUrls: images.map((url, index) => checkUrl(url, `${imagesField}[${index}]`, baseUrl)),
  };
}

/** An absolute http(s) URL, or a `bad-url` error naming the field and what it held. */
function checkUrl(value: unknown, field: string, baseUrl: string | undefined): string {
  if (typeof value !== 'string' || !value.trim()) throw badUrl(field, value, 'not a URL');
  const parsed = parseUrl(value) ?? (baseUrl === undefined ? undefined : parseUrl(value, baseUrl));
  if (!parsed) throw badUrl(field, value, baseUrl ? 'not a valid URL' : "relative or malformed; pass baseUrl (the JSON document's URL)");
  if (!isHttp(parsed)) throw badUrl(field, value, `only http: and https: URLs are accepted, not ${clip(parsed.protocol)}`);
  return parsed.href;
}

export const badUrl = (field: string, value: unknown, why: string) => fail('bad-url', `${field} is ${quote(value)}: ${why}.`);

/**
 * Anything a hostile or broken JS value throws while being read (a getter, a Proxy trap, a
 * Symbol in a template, a stack overflow) as a typed error; our own errors pass unchanged.
 */
export function asTyped(error: unknown, code: SpriteEventErrorCode, what: string): SpriteEventError {
  if (error instanceof SpriteEventError) return error;
  let why = 'it threw';
  try {
    why = error instanceof Error ? `reading it threw ${error.name}: ${clip(String(error.message))}` : `reading it threw ${quoteValue(error)}`;
  } catch {
    // A thrown value whose own fields throw: the generic words do.
  }
  return fail(code, `${what} could not be read (${why}); pass plain data as Tencent sends it: objects, arrays, strings and numbers.`);
}
