/**
 * Reads every Tencent Cloud VOD payload that can carry image sprite results and returns
 * the sprite results in it. Field names are matched exactly as Tencent spells them.
 */
import { SpriteEventError, type SpriteEventErrorCode } from './errors.js';
import type { SpriteEventPayload } from './payload-types.js';
import { parseJson } from './json.js';
import { isHttp, parseUrl } from './urls.js';
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
  const { found, other, note } = collect(payload);
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

/** Every sprite result, good or bad, in any accepted payload shape. */
function collect(payload: Obj): Findings {
  const found: Found[] = [];
  const findings: Findings = { found, other: [] };
  const failure = (context: Found, error: SpriteEventError) => found.push({ ...context, error });

  /** One sprite result of the given shape (see TASK_3_0). */
  const take = (o: Obj, path: string, shape: string[], context: Found) => {
    const [vtt, images, fileId, taskId, definition, totalCount, code, message, width, height] = shape;
    const item: Found = {
      ...context,
      ...ids(o[fileId], o[taskId], o[definition] ?? context.definition),
      vtt: [join(path, vtt), o[vtt]],
      images: [join(path, images), o[images]],
    };
    for (const [key, field] of [['totalCount', totalCount], ['width', width], ['height', height]] as const) {
      const value = o[field];
      if (isNumber(value)) item[key] = value;
    }
    if (failed(o[code])) item.error = taskFailed('sprite task', `${code} ${o[code]}, ${message} ${quote(o[message] ?? '')}`, item);
    found.push(item);
  };

  /** `o[key]` read as `shape`, or a failure saying what `key` held. */
  const nested = (o: Obj, path: string, key: string, shape: string[], context: Found = {}) => {
    const value = o[key];
    if (isObject(value)) take(value, join(path, key), shape, context);
    else failure(context, noData(join(path, key), value, context));
  };

  const event = (o: Obj, path: string) => {
    const type = `${o.EventType}`;
    if (type === 'CreateImageSpriteComplete') nested(o, path, 'CreateImageSpriteCompleteEvent', TASK_3_0);
    else if (type === 'ProcedureStateChanged' && isObject(o.ProcedureStateChangeEvent)) procedure(o.ProcedureStateChangeEvent, join(path, 'ProcedureStateChangeEvent'));
    else findings.other.push(type);
  };

  const mediaInfo = (info: Obj, path: string) => {
    const context = ids(info.FileId);
    const spriteInfo = info.ImageSpriteInfo;
    const set = isObject(spriteInfo) && spriteInfo.ImageSpriteSet;
    if (Array.isArray(set) && set.length) each(set, join(path, 'ImageSpriteInfo.ImageSpriteSet'), (item, at) => take(item, at, SPRITE_ITEM, context));
    else failure(context, noData(join(path, 'ImageSpriteInfo'), spriteInfo, context, 'run a sprite task on the file first'));
  };

  /** A `ProcedureStateChangeEvent` (`ProcedureTask`). */
  const procedure = (o: Obj, path: string) => {
    const context = ids(o.FileId, o.TaskId);
    const results = Array.isArray(o.MediaProcessResultSet) ? o.MediaProcessResultSet : [];
    const before = found.length;
    each(results, join(path, 'MediaProcessResultSet'), (result, at) => {
      if (result.Type === 'ImageSprites' || isObject(result.ImageSpriteTask)) spriteTask(result, at, context);
    });
    if (found.length > before) return;
    if (failed(o.ErrCode)) return failure(context, taskFailed('task flow', `ErrCode ${o.ErrCode}, Message ${quote(o.Message ?? '')}`, context));
    const types = results.flatMap((result) => (isObject(result) && typeof result.Type === 'string' ? [result.Type] : []));
    findings.note ??= `the task flow${describe(context)} ran no ImageSprites task (results: ${types.join(', ') || 'none'}); add one or pass the CreateImageSpriteComplete event.`;
    findings.other.push('ProcedureStateChanged (without an ImageSprites task)');
  };

  /** A `MediaProcessTaskResult` of Type `ImageSprites`. */
  const spriteTask = (result: Obj, path: string, context: Found) => {
    const task = result.ImageSpriteTask;
    if (!isObject(task)) return nested(result, path, 'ImageSpriteTask', SPRITE_ITEM, context);
    const at = join(path, 'ImageSpriteTask');
    const output = isObject(task.Output) ? task.Output : undefined;
    const input = isObject(task.Input) ? task.Input : {};
    const withDefinition = { ...context, ...ids(undefined, undefined, output?.Definition ?? input.Definition) };
    const status = typeof task.Status === 'string' ? task.Status : '(none)';
    if (status === 'FAIL' || failed(task.ErrCode)) {
      failure(withDefinition, taskFailed('sprite task', `Status ${status}, ErrCode ${task.ErrCode}, Message ${quote(task.Message ?? '')}`, withDefinition));
    } else if (!output || (status !== '(none)' && status !== 'SUCCESS')) failure(withDefinition, noData(`${at}.Status`, status, withDefinition, 'wait for a SUCCESS event'));
    else take(output, join(at, 'Output'), SPRITE_ITEM, withDefinition);
  };

  const walk = (o: Obj, path: string): unknown => {
    const response = o.Response;
    if (isObject(response)) {
      const error = response.Error;
      if (isObject(error)) {
        const request = typeof response.RequestId === 'string' ? ` (RequestId ${response.RequestId})` : '';
        throw fail('task-failed', `the Tencent API answered an error: Code ${quote(error.Code)}, Message ${quote(error.Message)}${request}.`);
      }
      return walk(response, join(path, 'Response'));
    }
    if (Array.isArray(o.EventSet)) {
      each(o.EventSet, join(path, 'EventSet'), event);
      return o.EventSet.length || findings.other.push('(none: EventSet is empty)');
    }
    if (typeof o.EventType === 'string') return event(o, path);
    if (typeof o.eventType === 'string') {
      return o.eventType === 'CreateImageSpriteComplete' ? nested(o, path, 'data', DATA_2_0) : findings.other.push(`${o.eventType} (2.0 eventType)`);
    }
    if (Array.isArray(o.MediaInfoSet)) {
      each(o.MediaInfoSet, join(path, 'MediaInfoSet'), mediaInfo);
      return found.length || failure({}, noData(join(path, 'MediaInfoSet'), [], {}, 'check the FileId'));
    }
    if ('ImageSpriteInfo' in o) return mediaInfo(o, path);
    if (Array.isArray(o.ImageSpriteSet)) return each(o.ImageSpriteSet, join(path, 'ImageSpriteSet'), (item, at) => take(item, at, SPRITE_ITEM, {}));
    if ('ImageUrlSet' in o) return take(o, path, SPRITE_ITEM, {});
    if ('ImageSpriteUrlSet' in o || ('TaskId' in o && 'WebVttUrl' in o)) return take(o, path, TASK_3_0, {});
    if (Array.isArray(o.MediaProcessResultSet)) return procedure(o, path);
    if (isObject(o.ImageSpriteTask)) return spriteTask(o, path, {});
    const keys = Object.keys(o).slice(0, 8).join(', ') || '(none)';
    throw fail('not-sprite-event', `not a Tencent VOD sprite event: expected EventType, EventSet, eventType, MediaInfoSet or ImageSpriteUrlSet, got only the fields ${keys}.`);
  };

  walk(payload, '');
  return findings;
}

function each(list: unknown[], path: string, visit: (item: Obj, path: string) => void): void {
  list.forEach((item, index) => {
    if (isObject(item)) visit(item, `${path}[${index}]`);
  });
}

/** The one `no-sprite-data` message: which field held what, for which ids, and what to do. */
function noData(field: string, value: unknown, ids: Found, todo = 'wait for a successful sprite task'): SpriteEventError {
  return fail('no-sprite-data', `no sprite data: ${field} is ${quote(value)}${describe(ids)}; ${todo}.`);
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
  if (!isHttp(parsed)) throw badUrl(field, value, `only http: and https: URLs are accepted, not ${parsed.protocol}`);
  return parsed.href;
}

const badUrl = (field: string, value: unknown, why: string) => fail('bad-url', `${field} is ${quote(value)}: ${why}.`);
