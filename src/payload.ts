/**
 * Reads every Tencent Cloud VOD payload that can carry image sprite results and returns
 * the sprite results in it. Field names are matched exactly as Tencent spells them.
 */
import { SpriteEventError, type SpriteEventErrorCode } from './errors.js';
import type { SpriteEventPayload } from './payload-types.js';
import { parseUrl } from './resolve.js';
import type { ParseSpriteEventOptions, SpriteInfo } from './types.js';

type Obj = Record<string, unknown>;

/** One sprite result found in the payload, good or bad, before URL checks and filters. */
interface Found extends Partial<SpriteInfo> {
  /** Set when this result is a failure (failed task, no data). */
  error?: SpriteEventError;
  /** [field path, value] of the VTT URL and of the image URL list. */
  vtt?: [string, unknown];
  images?: [string, unknown];
}

/** What a walk over the payload found. */
interface Findings {
  found: Found[];
  /** EventTypes of events that carry no sprite result. */
  other: string[];
  /** Why a task flow (ProcedureStateChanged) gave no sprite result, for a lone procedure. */
  note?: string;
}

/**
 * The shapes that hold one sprite result differ mostly in field names: VTT, images, FileId,
 * TaskId, Definition, TotalCount, error code, error message, tile width, tile height
 * (`_` = the shape has no such field).
 */
const TASK_3_0 = 'WebVttUrl ImageSpriteUrlSet FileId TaskId Definition TotalCount ErrCode Message _ _'.split(' ');
const DATA_2_0 = 'webVttUrl imageSpriteUrl fileId vodTaskId definition totalCount status message _ _'.split(' ');
const SPRITE_ITEM = 'WebVttUrl ImageUrlSet _ _ Definition TotalCount _ _ Width Height'.split(' ');

const fail = (code: SpriteEventErrorCode, message: string) => new SpriteEventError(code, message);
const isObject = (value: unknown): value is Obj => value !== null && typeof value === 'object' && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
const quote = (value: unknown) => JSON.stringify(value ?? null);
/** A Tencent error code field that says the task failed. */
const failed = (code: unknown) => code !== undefined && Number(code) !== 0;

/**
 * Every successful sprite result in `input` (any of the payload shapes in CONTRACT.md, as
 * an object or JSON text), in payload order, optionally filtered by `fileId`/`definition`.
 * Relative URLs resolve against `options.baseUrl` (e.g. the URL of the JSON document).
 *
 * @throws SpriteEventError with code `bad-json`, `not-sprite-event`, `task-failed`,
 *   `no-sprite-data` or `bad-url` when no successful result is left.
 */
export function parseSpriteEvent(input: SpriteEventPayload | Record<string, unknown> | string, options: ParseSpriteEventOptions = {}): SpriteInfo[] {
  const payload: unknown = typeof input === 'string' ? parseJson(input) : input;
  if (!isObject(payload)) {
    const got = payload == null ? payload : Array.isArray(payload) ? 'an array' : `a ${typeof payload}`;
    throw fail('not-sprite-event', `expected a Tencent VOD event object or its JSON, got ${got}.`);
  }
  const { baseUrl, fileId, definition } = options;
  if (baseUrl !== undefined && !parseUrl(baseUrl)) {
    throw badUrl('options.baseUrl', baseUrl, "not an absolute URL; pass the JSON document's full URL");
  }
  const findings: Findings = { found: [], other: [] };
  walk(payload, '', findings);
  const { found, other, note } = findings;
  if (found.length === 0) {
    const types = [...new Set(other)];
    if (types.length === 1 && note) throw fail('no-sprite-data', note);
    throw fail(
      'not-sprite-event',
      `no CreateImageSpriteComplete event: found EventType ${types.map((type) => quote(type)).join(', ')}. Pass that callback or a PullEvents answer holding one.`,
    );
  }

  const hasDefinition = definition != null && definition !== '';
  let wanted = found;
  if (fileId !== undefined || hasDefinition) {
    wanted = found.filter((item) => (fileId === undefined || item.fileId === `${fileId}`) && (!hasDefinition || item.definition === Number(definition)));
    if (wanted.length === 0) {
      const asked = [fileId === undefined ? '' : `FileId ${fileId}`, hasDefinition ? `Definition ${definition}` : ''].filter(Boolean).join(' and ');
      const held = new Set(found.map((item) => `FileId ${item.fileId ?? '(none)'} Definition ${item.definition ?? '(none)'}`));
      throw fail('no-sprite-data', `no sprite result matches ${asked}; found: ${[...held].join('; ')}. Check file-id / definition.`);
    }
  }
  let firstError: unknown;
  const results: SpriteInfo[] = [];
  for (const item of wanted) {
    try {
      results.push(toSpriteInfo(item, baseUrl));
    } catch (error) {
      if (!(error instanceof SpriteEventError)) throw error;
      firstError ??= error;
    }
  }
  if (results.length === 0) throw firstError;
  return results;
}

/** JSON text → value, or a `bad-json` error that says where the text went wrong. */
function parseJson(text: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) throw fail('bad-json', 'the event text is empty; pass the JSON of a Tencent VOD event.');
  try {
    return JSON.parse(body);
  } catch (error) {
    // Engines differ in whether their message gives a position: find it ourselves.
    const at = jsonErrorOffset(body);
    const before = body.slice(0, at);
    const lineStart = before.lastIndexOf('\n') + 1;
    const near = body.slice(Math.max(lineStart, at - 20), at + 20).replace(/\s+/g, ' ');
    // Some engines quote the whole text in their message: keep it short.
    const engine = `${(error as Error).message}`.slice(0, 160);
    throw fail(
      'bad-json',
      `the event text is not valid JSON at line ${before.split('\n').length}, column ${at - lineStart + 1} (position ${at}), near ${quote(near)}: ${engine}`,
    );
  }
}

/** One JSON token: string, number, literal or punctuation. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON strings forbid raw control characters
const TOKEN = /"(?:[^"\\\0-\x1f]|\\(?:["\\/bfnrt]|u[\da-fA-F]{4}))*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|[{}[\],:]/y;
/** The valid beginning of a string, to point past it when the string is broken. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const STRING_START = /"(?:[^"\\\0-\x1f]|\\(?:["\\/bfnrt]|u[\da-fA-F]{4}))*/y;
const SPACE = /[ \t\n\r]*/y;

/** Offset of the first JSON syntax error in `text` (called only for text that failed to parse). */
function jsonErrorOffset(text: string): number {
  let at = 0;
  /** The next token, not consumed; `at` moves to its start, or past the valid part of a broken string. */
  const peek = (): string => {
    SPACE.lastIndex = at;
    SPACE.test(text);
    TOKEN.lastIndex = STRING_START.lastIndex = at = SPACE.lastIndex;
    const token = TOKEN.exec(text)?.[0];
    if (token === undefined && text[at] === '"' && STRING_START.test(text)) at = STRING_START.lastIndex;
    return token ?? '';
  };
  /** Consumes the next token when `accept` likes it. */
  const eat = (accept: (token: string) => boolean): boolean => {
    const token = peek();
    if (!token || !accept(token)) return false;
    at = TOKEN.lastIndex;
    return true;
  };
  const is = (wanted: string) => (token: string) => token === wanted;
  // Each reader returns false with `at` at the offending character.
  const value = (depth: number): boolean => {
    const open = peek();
    if (open !== '{' && open !== '[') return eat((token) => !'}],:'.includes(token));
    at++;
    const close = open === '{' ? '}' : ']';
    if (eat(is(close))) return true;
    do {
      if (open === '{' && !(eat((token) => token[0] === '"') && eat(is(':')))) return false;
      if (depth > 500 || !value(depth + 1)) return false;
    } while (eat(is(',')));
    return eat(is(close));
  };
  // After a complete value, whatever follows is the error.
  if (value(0)) peek();
  return at;
}

/** Finds sprite results in any accepted payload shape. */
function walk(o: Obj, path: string, findings: Findings): void {
  const { found, other } = findings;
  const response = o.Response;
  if (isObject(response)) {
    const error = response.Error;
    if (isObject(error)) {
      const request = typeof response.RequestId === 'string' ? ` (RequestId ${response.RequestId})` : '';
      throw fail('task-failed', `the Tencent API answered an error: Code ${quote(error.Code)}, Message ${quote(error.Message)}${request}.`);
    }
    walk(response, join(path, 'Response'), findings);
  } else if (Array.isArray(o.EventSet)) {
    each(o.EventSet, join(path, 'EventSet'), (event, at) => walkEvent(event, at, findings));
    if (!o.EventSet.length) other.push('(none: EventSet is empty)');
  } else if (typeof o.EventType === 'string') walkEvent(o, path, findings);
  else if (typeof o.eventType === 'string') {
    if (o.eventType === 'CreateImageSpriteComplete') nested(o, path, 'data', DATA_2_0, {}, findings);
    else other.push(`${o.eventType} (2.0 eventType)`);
  } else if (Array.isArray(o.MediaInfoSet)) {
    each(o.MediaInfoSet, join(path, 'MediaInfoSet'), (info, at) => walkMediaInfo(info, at, findings));
    if (!found.length) found.push({ error: noData(join(path, 'MediaInfoSet'), [], {}, 'check the FileId') });
  } else if ('ImageSpriteInfo' in o) walkMediaInfo(o, path, findings);
  else if (Array.isArray(o.ImageSpriteSet)) each(o.ImageSpriteSet, join(path, 'ImageSpriteSet'), (item, at) => take(item, at, SPRITE_ITEM, {}, findings));
  else if ('ImageUrlSet' in o) take(o, path, SPRITE_ITEM, {}, findings);
  else if ('ImageSpriteUrlSet' in o || ('TaskId' in o && 'WebVttUrl' in o)) take(o, path, TASK_3_0, {}, findings);
  else if (Array.isArray(o.MediaProcessResultSet)) walkProcedure(o, path, findings);
  else if (isObject(o.ImageSpriteTask)) walkSpriteTask(o, path, {}, findings);
  else {
    const keys = Object.keys(o).slice(0, 8);
    throw fail('not-sprite-event', `not a Tencent VOD sprite event: no EventType, EventSet, eventType, MediaInfoSet, ImageSpriteSet or ImageSpriteUrlSet, only the fields ${keys.join(', ') || '(none)'}.`);
  }
}

function each(list: unknown[], path: string, visit: (item: Obj, path: string) => void): void {
  list.forEach((item, index) => {
    if (isObject(item)) visit(item, `${path}[${index}]`);
  });
}

function walkEvent(event: Obj, path: string, findings: Findings): void {
  const type = `${event.EventType}`;
  if (type === 'CreateImageSpriteComplete') {
    nested(event, path, 'CreateImageSpriteCompleteEvent', TASK_3_0, {}, findings);
  } else if (type === 'ProcedureStateChanged' && isObject(event.ProcedureStateChangeEvent)) {
    walkProcedure(event.ProcedureStateChangeEvent, join(path, 'ProcedureStateChangeEvent'), findings);
  } else findings.other.push(type);
}

/** `o[key]` read as `shape`, or a `no-sprite-data` result saying what `key` held. */
function nested(o: Obj, path: string, key: string, shape: string[], context: Found, findings: Findings): void {
  const value = o[key];
  const at = join(path, key);
  if (isObject(value)) take(value, at, shape, context, findings);
  else findings.found.push({ ...context, error: noData(at, value, context) });
}

/** The one `no-sprite-data` message: which field held what, for which ids, and what to do. */
function noData(field: string, value: unknown, ids: Found, todo = 'wait for a successful sprite task'): SpriteEventError {
  return fail('no-sprite-data', `no sprite data: ${field} is ${quote(value)}${describe(ids)}; ${todo}.`);
}

/** One sprite result of the given shape (see TASK_3_0). */
function take(o: Obj, path: string, shape: string[], context: Found, findings: Findings): void {
  const [vtt, images, fileId, taskId, definition, totalCount, code, message, width, height] = shape;
  const found: Found = {
    ...context,
    ...ids(o[fileId], o[taskId], o[definition] ?? context.definition),
    vtt: [join(path, vtt), o[vtt]],
    images: [join(path, images), o[images]],
  };
  for (const [key, field] of [['totalCount', totalCount], ['width', width], ['height', height]] as const) {
    const value = o[field];
    if (isNumber(value)) found[key] = value;
  }
  if (failed(o[code])) found.error = taskFailed('sprite task', `${code} ${o[code]}, ${message} ${quote(o[message] ?? '')}`, found);
  findings.found.push(found);
}

function walkMediaInfo(info: Obj, path: string, findings: Findings): void {
  const context = ids(info.FileId);
  const spriteInfo = info.ImageSpriteInfo;
  const set = isObject(spriteInfo) ? spriteInfo.ImageSpriteSet : undefined;
  if (Array.isArray(set) && set.length) {
    each(set, join(path, 'ImageSpriteInfo.ImageSpriteSet'), (item, at) => take(item, at, SPRITE_ITEM, context, findings));
    return;
  }
  findings.found.push({ ...context, error: noData(join(path, 'ImageSpriteInfo'), spriteInfo, context, 'run a sprite task on the file first') });
}

/** A `ProcedureStateChangeEvent` (`ProcedureTask`). */
function walkProcedure(procedure: Obj, path: string, findings: Findings): void {
  const context = ids(procedure.FileId, procedure.TaskId);
  const results = Array.isArray(procedure.MediaProcessResultSet) ? procedure.MediaProcessResultSet : [];
  const { found } = findings;
  const before = found.length;
  each(results, join(path, 'MediaProcessResultSet'), (result, at) => {
    if (result.Type === 'ImageSprites' || isObject(result.ImageSpriteTask)) walkSpriteTask(result, at, context, findings);
  });
  if (found.length > before) return;
  if (failed(procedure.ErrCode)) {
    found.push({ ...context, error: taskFailed('task flow', `ErrCode ${procedure.ErrCode}, Message ${quote(procedure.Message ?? '')}`, context) });
    return;
  }
  const types = results.flatMap((result) => (isObject(result) && typeof result.Type === 'string' ? [result.Type] : []));
  findings.note ??= `the task flow${describe(context)} ran no ImageSprites task (its results: ${types.join(', ') || 'none'}); add one or pass the CreateImageSpriteComplete event.`;
  findings.other.push('ProcedureStateChanged (without an ImageSprites task)');
}

/** A `MediaProcessTaskResult` of Type `ImageSprites`. */
function walkSpriteTask(result: Obj, path: string, context: Found, findings: Findings): void {
  const task = result.ImageSpriteTask;
  if (!isObject(task)) {
    nested(result, path, 'ImageSpriteTask', SPRITE_ITEM, context, findings);
    return;
  }
  const at = join(path, 'ImageSpriteTask');
  const output = isObject(task.Output) ? task.Output : undefined;
  const withDefinition = { ...context, ...ids(undefined, undefined, output?.Definition ?? (isObject(task.Input) ? task.Input.Definition : undefined)) };
  const status = typeof task.Status === 'string' ? task.Status : '(none)';
  if (status === 'FAIL' || failed(task.ErrCode)) {
    const facts = `Status ${status}, ErrCode ${task.ErrCode}, Message ${quote(task.Message ?? '')}`;
    findings.found.push({ ...withDefinition, error: taskFailed('sprite task', facts, withDefinition) });
  } else if (!output || (status !== '(none)' && status !== 'SUCCESS')) {
    findings.found.push({ ...withDefinition, error: noData(`${at}.Status`, status, withDefinition, 'wait for a SUCCESS event') });
  } else take(output, join(at, 'Output'), SPRITE_ITEM, withDefinition, findings);
}

function taskFailed(what: string, facts: string, ids: Found): SpriteEventError {
  return fail('task-failed', `the ${what} failed: ${facts}${describe(ids)}. Fix the cause and run it again.`);
}

/** fileId / taskId / definition, each only when present and of a usable type. */
function ids(fileId: unknown, taskId?: unknown, definition?: unknown): Found {
  const out: Found = {};
  if (typeof fileId === 'string' || typeof fileId === 'number') out.fileId = `${fileId}`;
  if (typeof taskId === 'string' && taskId) out.taskId = taskId;
  const number = typeof definition === 'string' && definition.trim() ? Number(definition) : definition;
  if (isNumber(number)) out.definition = number;
  return out;
}

/** " (TaskId …, FileId …, Definition …)" for messages. */
function describe({ taskId, fileId, definition }: Found): string {
  const parts = [taskId && `TaskId ${taskId}`, fileId !== undefined && `FileId ${fileId}`, definition !== undefined && `Definition ${definition}`].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function toSpriteInfo(found: Found, baseUrl: string | undefined): SpriteInfo {
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
  if (!/^https?:$/.test(parsed.protocol)) throw badUrl(field, value, `only http: and https: URLs are accepted, not ${parsed.protocol}`);
  return parsed.href;
}

const badUrl = (field: string, value: unknown, why: string) => fail('bad-url', `${field} is ${quote(value)}: ${why}.`);
