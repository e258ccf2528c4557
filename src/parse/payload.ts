/**
 * Reads every Tencent Cloud VOD payload that can carry image sprite results and returns
 * the sprite results in it. Field names are matched exactly as Tencent spells them.
 */
import { clip, SpriteEventError } from './errors.js';
import type { SpriteEventPayload } from './payload-types.js';
import { parseJson } from './json.js';
import { isHttp, parseUrl } from './urls.js';
import type { ParseSpriteEventOptions, SpriteInfo } from './types.js';
import { asTyped, fail, failed, isNumber, isObject, join, type Obj, peel, quote, shown, some } from './payload-fields.js';

/** One sprite result found in the payload, before the filters: its ids, and its data or why it failed. */
interface Found extends Partial<SpriteInfo> {
  error?: SpriteEventError;
}

/**
 * The shapes that hold one sprite result differ mostly in field names: VTT, images, FileId,
 * TaskId, Definition, TotalCount, error code, error message, tile width, tile height
 * (`_` = the shape has no such field).
 */
const TASK_3_0 = 'WebVttUrl ImageSpriteUrlSet FileId TaskId Definition TotalCount ErrCode Message _ _'.split(' ');
const DATA_2_0 = 'webVttUrl imageSpriteUrl fileId vodTaskId definition totalCount status message _ _'.split(' ');
const SPRITE_ITEM = 'WebVttUrl ImageUrlSet _ _ Definition TotalCount _ _ Width Height'.split(' ');
/** The playback-info answer (getplayinfo v4 `media.imageSpriteInfo`; v2 `imageSpriteList` items). */
const PLAYBACK = 'webVttUrl imageUrls _ _ definition totalCount _ _ width height'.split(' ');
/** Where a media info keeps its sprite sets: [info field, list field, set shape]. */
type SetsShape = [string, string, string[]];
const MEDIA_SETS: SetsShape = ['ImageSpriteInfo', 'ImageSpriteSet', SPRITE_ITEM];
/** Shape 7's `media`: `imageSpriteInfo` is `{ webVttUrl, imageUrls }` (v4) or `{ imageSpriteList: [them] }` (v2). */
const PLAYBACK_SETS: SetsShape = ['imageSpriteInfo', 'imageSpriteList', PLAYBACK];

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
  const parts = [taskId && `TaskId ${clip(taskId)}`, fileId !== undefined && `FileId ${clip(fileId)}`, definition !== undefined && `Definition ${definition}`].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

const noData = (field: string, value: unknown, context: Found, todo = 'run a sprite task on the file, or wait for it to succeed') =>
  fail('no-sprite-data', `no sprite data: ${field} is ${quote(value)}${describe(context)}; ${todo}.`);
const taskFailed = (what: string, facts: string, context: Found) => fail('task-failed', `the ${what} failed: ${facts}${describe(context)}. Fix the cause and run it again.`);
const badUrl = (field: string, value: unknown, why: string) => fail('bad-url', `${field} is ${quote(value)}: ${why}.`);
const notEvent = (got: unknown) => fail('not-sprite-event', `expected a Tencent VOD sprite event or its JSON, got ${got}.`);

/** Each object item of `list` with its path. */
const each = (list: unknown, path: string, visit: (item: Obj, path: string) => unknown) => {
  if (!Array.isArray(list)) return;
  list.forEach((item, index) => {
    if (isObject(item)) visit(item, `${path}[${index}]`);
  });
};

/**
 * Every successful sprite result in `input` (any of the payload shapes in CONTRACT.md, as
 * an object or JSON text), in payload order, optionally filtered by `fileId`/`definition`.
 * Relative URLs resolve against `options.baseUrl` (e.g. the URL of the JSON document).
 *
 * @throws SpriteEventError with code `bad-json`, `not-sprite-event`, `task-failed`,
 *   `no-sprite-data` or `bad-url` when no successful result is left.
 */
export function parseSpriteEvent(input: SpriteEventPayload | Record<string, unknown> | string, options: ParseSpriteEventOptions = {}): SpriteInfo[] {
  try {
    const payload: unknown = typeof input === 'string' ? parseJson(input) : input;
    if (!isObject(payload)) throw notEvent(payload == null ? payload : Array.isArray(payload) ? 'an array' : `a ${typeof payload}`);
    const { baseUrl, fileId, definition } = options ?? {};
    if (baseUrl !== undefined && !parseUrl(baseUrl)) throw badUrl('options.baseUrl', baseUrl, "not an absolute URL; pass the JSON document's full URL");
    const { found, other, note } = collect(payload, baseUrl);
    if (!found.length) {
      const types = [...new Set(other)];
      throw types.length === 1 && note
        ? fail('no-sprite-data', note)
        : fail('not-sprite-event', `no CreateImageSpriteComplete event: found EventType ${some(types.map(quote))}. Pass that callback or a PullEvents answer holding one.`);
    }

    const hasDefinition = definition != null && definition !== '';
    const wanted = found.filter((item) => (fileId === undefined || item.fileId === `${fileId}`) && (!hasDefinition || item.definition === Number(definition)));
    if (!wanted.length) {
      const asked = [fileId === undefined ? '' : `FileId ${shown(fileId)}`, hasDefinition ? `Definition ${shown(definition)}` : ''].filter(Boolean).join(' and ');
      const held = new Set(found.map((item) => `FileId ${clip(item.fileId ?? '(none)')} Definition ${item.definition ?? '(none)'}`));
      throw fail('no-sprite-data', `no sprite result matches ${asked}; found: ${some([...held], '; ')}. Check file-id / definition.`);
    }
    const results = wanted.filter((item) => !item.error) as SpriteInfo[];
    // Every wanted result failed: the first failure says why.
    if (!results.length) throw wanted[0]!.error;
    return results;
  } catch (error) {
    throw asTyped(error, 'not-sprite-event', 'the payload');
  }
}

/** Every sprite result, good or bad, in any accepted payload shape. */
function collect(payload: Obj, baseUrl: string | undefined) {
  const found: Found[] = [];
  const other: string[] = [];
  /** Why a task flow (ProcedureStateChanged) gave no sprite result, for a lone procedure. */
  let note: string | undefined;
  const failure = (context: Found, error: SpriteEventError) => found.push({ ...context, error });
  const missing = (field: string, value: unknown, context: Found = {}, todo?: string) => failure(context, noData(field, value, context, todo));

  /** An absolute http(s) URL, or a `bad-url` error naming the field and what it held. */
  const checkUrl = (value: unknown, field: string) => {
    if (typeof value !== 'string' || !value.trim()) throw badUrl(field, value, 'not a URL');
    const parsed = parseUrl(value) ?? (baseUrl === undefined ? undefined : parseUrl(value, baseUrl));
    if (!parsed) throw badUrl(field, value, baseUrl ? 'not a valid URL' : "relative or malformed; pass baseUrl (the JSON document's URL)");
    if (!isHttp(parsed)) throw badUrl(field, value, `only http: and https: URLs are accepted, not ${clip(parsed.protocol)}`);
    return parsed.href;
  };

  /** One sprite result of the given shape (see TASK_3_0), or a failure saying what `path` held. */
  const take = (o: unknown, path: string, shape: string[], context: Found = {}) => {
    if (!isObject(o)) return missing(path, o, context);
    const [vtt, images, fileId, taskId, definition, totalCount, code, message, width, height] = shape as [string, string, string, string, string, string, string, string, string, string];
    const item: Found = { ...context, ...ids(o[fileId], o[taskId], o[definition] ?? context.definition) };
    for (const [key, field] of [['totalCount', totalCount], ['width', width], ['height', height]] as const) {
      const value = o[field];
      if (isNumber(value)) item[key] = value;
    }
    const vttUrl = o[vtt];
    const imageUrls = o[images];
    const vttField = join(path, vtt);
    const imagesField = join(path, images);
    try {
      if (failed(o[code])) throw taskFailed('sprite task', `${code} ${shown(o[code])}, ${message} ${quote(o[message] ?? '')}`, item);
      if (typeof vttUrl !== 'string' || !vttUrl.trim()) throw noData(vttField, vttUrl, item);
      if (!Array.isArray(imageUrls) || !imageUrls.length) throw noData(imagesField, imageUrls, item);
      found.push({ ...item, vttUrl: checkUrl(vttUrl, vttField), imageUrls: imageUrls.map((url, index) => checkUrl(url, `${imagesField}[${index}]`)) });
    } catch (error) {
      if (!(error instanceof SpriteEventError)) throw error;
      failure(item, error);
    }
  };

  const event = (o: Obj, path: string) => {
    const type = o.EventType;
    if (type === 'CreateImageSpriteComplete') take(o.CreateImageSpriteCompleteEvent, join(path, 'CreateImageSpriteCompleteEvent'), TASK_3_0);
    else if (type === 'ProcedureStateChanged' && isObject(o.ProcedureStateChangeEvent)) procedure(o.ProcedureStateChangeEvent, join(path, 'ProcedureStateChangeEvent'));
    else other.push(typeof type === 'string' ? type : quote(type));
  };

  /** `o[infoKey]`: its sprite sets under `listKey`, or (the playback-info v4 answer) one set itself. */
  const sets = (o: Obj, path: string, [infoKey, listKey, shape]: SetsShape) => {
    const context = ids(o.FileId);
    const info = o[infoKey];
    const at = join(path, infoKey);
    const list = isObject(info) && info[listKey];
    if (Array.isArray(list) && list.length) each(list, join(at, listKey), (item, itemAt) => take(item, itemAt, shape, context));
    else if (shape === PLAYBACK) take(info, at, shape, context);
    else missing(at, info, context);
  };

  /** A `ProcedureStateChangeEvent` (`ProcedureTask`). */
  const procedure = (o: Obj, path: string) => {
    const context = ids(o.FileId, o.TaskId);
    const results = Array.isArray(o.MediaProcessResultSet) ? o.MediaProcessResultSet : [];
    const before = found.length;
    each(results, join(path, 'MediaProcessResultSet'), (result, at) => (result.Type === 'ImageSprites' || isObject(result.ImageSpriteTask)) && spriteTask(result, at, context));
    if (found.length > before) return;
    if (failed(o.ErrCode)) return failure(context, taskFailed('task flow', `ErrCode ${shown(o.ErrCode)}, Message ${quote(o.Message ?? '')}`, context));
    const types = results.flatMap((result) => (isObject(result) && typeof result.Type === 'string' ? [clip(result.Type)] : []));
    note ??= `the task flow${describe(context)} ran no ImageSprites task (results: ${some(types) || 'none'}); add one to it.`;
    other.push('ProcedureStateChanged (no ImageSprites task)');
  };

  /** A `MediaProcessTaskResult` of Type `ImageSprites`. */
  const spriteTask = (result: Obj, path: string, context: Found) => {
    const task = result.ImageSpriteTask;
    const at = join(path, 'ImageSpriteTask');
    if (!isObject(task)) return take(task, at, SPRITE_ITEM, context);
    const output = isObject(task.Output) ? task.Output : undefined;
    const input = isObject(task.Input) ? task.Input : {};
    const withDefinition = { ...context, ...ids(undefined, undefined, output?.Definition ?? input.Definition) };
    const status = typeof task.Status === 'string' ? task.Status : '(none)';
    if (status === 'FAIL' || failed(task.ErrCode)) {
      failure(withDefinition, taskFailed('sprite task', `Status ${clip(status)}, ErrCode ${shown(task.ErrCode)}, Message ${quote(task.Message ?? '')}`, withDefinition));
    } else if (!output || (status !== '(none)' && status !== 'SUCCESS')) missing(`${at}.Status`, status, withDefinition, 'wait for a SUCCESS event');
    else take(output, join(at, 'Output'), SPRITE_ITEM, withDefinition);
  };

  const walk = (o: Obj, path: string): unknown => {
    if (Array.isArray(o.EventSet)) {
      each(o.EventSet, join(path, 'EventSet'), event);
      return o.EventSet.length || other.push('(none: EventSet is empty)');
    }
    if (typeof o.EventType === 'string') return event(o, path);
    if (typeof o.eventType === 'string') {
      return o.eventType === 'CreateImageSpriteComplete' ? take(o.data, join(path, 'data'), DATA_2_0) : other.push(`${clip(o.eventType)} (2.0 eventType)`);
    }
    if (Array.isArray(o.MediaInfoSet)) {
      each(o.MediaInfoSet, join(path, 'MediaInfoSet'), (info, at) => sets(info, at, MEDIA_SETS));
      return found.length || missing(join(path, 'MediaInfoSet'), [], {}, 'check the FileId');
    }
    if ('imageSpriteInfo' in o) return sets(o, path, PLAYBACK_SETS);
    if ('ImageSpriteInfo' in o) return sets(o, path, MEDIA_SETS);
    if (Array.isArray(o.ImageSpriteSet)) return each(o.ImageSpriteSet, join(path, 'ImageSpriteSet'), (item, at) => take(item, at, SPRITE_ITEM));
    if ('ImageUrlSet' in o) return take(o, path, SPRITE_ITEM);
    if ('ImageSpriteUrlSet' in o || ('TaskId' in o && 'WebVttUrl' in o)) return take(o, path, TASK_3_0);
    if (Array.isArray(o.MediaProcessResultSet)) return procedure(o, path);
    if (isObject(o.ImageSpriteTask)) return spriteTask(o, path, {});
    throw notEvent(`only the fields ${some(Object.keys(o).map(clip), ', ', 8) || '(none)'}`);
  };

  const [inner, path, isMedia] = peel(payload, 'not-sprite-event');
  if (!isMedia) walk(inner as Obj, path);
  else if (isObject(inner)) sets(inner, path, PLAYBACK_SETS);
  else missing(path, inner, {}, 'check the FileId and the psign');
  return { found, other, note };
}
