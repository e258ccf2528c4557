/**
 * What payload.ts and marks.ts share: value tests, field paths, Tencent's error answers, and
 * the messages that name a field, what it held (quoted short) and what to do.
 */
import { clip, quote as quoteValue, SpriteEventError, type SpriteEventErrorCode } from './errors.js';

export type Obj = Record<string, unknown>;

export const fail = (code: SpriteEventErrorCode, message: string) => new SpriteEventError(code, message);
export const isObject = (value: unknown): value is Obj => value !== null && typeof value === 'object' && !Array.isArray(value);
export const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
export const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
/** A missing field reads as `null`, as JSON would show it. */
export const quote = (value: unknown) => quoteValue(value ?? null);
/** A field value for a message: a string as it is (clipped), anything else quoted. */
export const shown = (value: unknown) => (typeof value === 'string' ? clip(value) : quote(value));
/** A Tencent error code field that says the task failed. */
export const failed = (code: unknown) => code !== undefined && (typeof code === 'symbol' || Number(code) !== 0);
/** At most `limit` items of a list for a message, then how many more. */
export const some = (items: string[], separator = ', ', limit = 5) =>
  items.slice(0, limit).join(separator) + (items.length > limit ? `${separator}and ${items.length - limit} more` : '');

/**
 * Peels the layers Tencent wraps answers in: `Response` (an API error answer is `task-failed`)
 * and the playback-info answer's `media` (a non-zero `code` is Tencent refusing the request).
 * Returns the inner value, its path, and whether it is a `media`. Deeper nesting than Tencent
 * sends is `code` (it would only be a hostile payload).
 */
export function peel(o: Obj, code: SpriteEventErrorCode): [unknown, string, boolean?] {
  let path = '';
  for (let depth = 0; ; depth++) {
    const response = o.Response;
    if (isObject(response)) {
      if (depth >= 8) throw fail(code, "Response is nested more than 8 levels deep; Tencent's answers hold one.");
      const error = response.Error;
      const request = response.RequestId;
      if (isObject(error)) {
        throw fail('task-failed', `the Tencent API answered an error: Code ${quote(error.Code)}, Message ${quote(error.Message)}${typeof request === 'string' ? ` (RequestId ${clip(request)})` : ''}.`);
      }
      o = response;
      path = join(path, 'Response');
    } else if ('media' in o || ('code' in o && 'version' in o)) {
      if (failed(o.code)) throw fail('task-failed', `the playback-info answer is an error: code ${shown(o.code)}, message ${quote(o.message)}. Check the psign and FileId.`);
      return [o.media, join(path, 'media'), true];
    } else return [o, path];
  }
}

/**
 * Anything a hostile or broken JS value throws while being read (a getter, a Proxy trap, a
 * Symbol in a template, a stack overflow) as a typed error; our own errors pass unchanged.
 */
export function asTyped(error: unknown, code: SpriteEventErrorCode, what: string): SpriteEventError {
  if (error instanceof SpriteEventError) return error;
  let why = '';
  try {
    why = `: ${error instanceof Error ? `${error.name}: ${clip(String(error.message))}` : quoteValue(error)}`;
  } catch {
    // A thrown value whose own fields throw: the generic words do.
  }
  return fail(code, `${what} could not be read (reading it threw${why}); pass plain JSON data as Tencent sends it.`);
}
