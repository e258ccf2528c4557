/**
 * Reads every Tencent Cloud VOD payload that can carry image sprite results and returns
 * the sprite results in it. Field names are matched exactly as Tencent spells them.
 */
import { clip, SpriteEventError } from './errors.js';
import type { SpriteEventPayload } from './payload-types.js';
import { parseJson } from './json.js';
import { parseUrl } from './urls.js';
import type { ParseSpriteEventOptions, SpriteInfo } from './types.js';
import {
  asTyped,
  badUrl,
  describe,
  fail,
  failed,
  type Found,
  ids,
  isNumber,
  isObject,
  join,
  noData,
  type Obj,
  quote,
  shown,
  some,
  taskFailed,
  toSpriteInfo,
} from './payload-fields.js';

/** What a walk over the payload found. */
interface Findings {
  found: Found[];
  /** EventTypes of events that carry no sprite result. */
  other: string[];
  /** Why a task flow (ProcedureStateChanged) gave no sprite result, for a lone procedure. */
  note?: string;
}

/** Tencent wraps an answer in one `Response`; deeper nesting is not a payload (and would overflow the stack). */
const MAX_DEPTH = 8;

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
    return parse(input, options);
  } catch (error) {
    throw asTyped(error, 'not-sprite-event', 'the payload');
  }
}

function parse(input: unknown, options: ParseSpriteEventOptions): SpriteInfo[] {
  const payload: unknown = typeof input === 'string' ? parseJson(input) : input;
  if (!isObject(payload)) {
    const got = payload == null ? payload : Array.isArray(payload) ? 'an array' : `a ${typeof payload}`;
    throw fail('not-sprite-event', `expected a Tencent VOD event object or its JSON, got ${got}.`);
  }
  const { baseUrl, fileId, definition } = options ?? {};
  if (baseUrl !== undefined && !parseUrl(baseUrl)) {
    throw badUrl('options.baseUrl', baseUrl, "not an absolute URL; pass the JSON document's full URL");
  }
  const { found, other, note } = collect(payload);
  if (found.length === 0) {
    const types = [...new Set(other)];
    if (types.length === 1 && note) throw fail('no-sprite-data', note);
    throw fail(
      'not-sprite-event',
      `no CreateImageSpriteComplete event: found EventType ${some(types.map((type) => quote(type)))}. Pass that callback or a PullEvents answer holding one.`,
    );
  }

  const hasDefinition = definition != null && definition !== '';
  let wanted = found;
  if (fileId !== undefined || hasDefinition) {
    wanted = found.filter((item) => (fileId === undefined || item.fileId === `${fileId}`) && (!hasDefinition || item.definition === Number(definition)));
    if (wanted.length === 0) {
      const asked = [fileId === undefined ? '' : `FileId ${shown(fileId)}`, hasDefinition ? `Definition ${shown(definition)}` : ''].filter(Boolean).join(' and ');
      const held = new Set(found.map((item) => `FileId ${clip(item.fileId ?? '(none)')} Definition ${item.definition ?? '(none)'}`));
      throw fail('no-sprite-data', `no sprite result matches ${asked}; found: ${some([...held], '; ')}. Check file-id / definition.`);
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
    if (failed(o[code])) item.error = taskFailed('sprite task', `${code} ${shown(o[code])}, ${message} ${quote(o[message] ?? '')}`, item);
    found.push(item);
  };

  /** `o[key]` read as `shape`, or a failure saying what `key` held. */
  const nested = (o: Obj, path: string, key: string, shape: string[], context: Found = {}) => {
    const value = o[key];
    if (isObject(value)) take(value, join(path, key), shape, context);
    else failure(context, noData(join(path, key), value, context));
  };

  const event = (o: Obj, path: string) => {
    const type = typeof o.EventType === 'string' ? o.EventType : quote(o.EventType);
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
    if (failed(o.ErrCode)) return failure(context, taskFailed('task flow', `ErrCode ${shown(o.ErrCode)}, Message ${quote(o.Message ?? '')}`, context));
    const types = results.flatMap((result) => (isObject(result) && typeof result.Type === 'string' ? [result.Type] : []));
    findings.note ??= `the task flow${describe(context)} ran no ImageSprites task (results: ${some(types.map(clip)) || 'none'}); add one or pass the CreateImageSpriteComplete event.`;
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
      failure(withDefinition, taskFailed('sprite task', `Status ${clip(status)}, ErrCode ${shown(task.ErrCode)}, Message ${quote(task.Message ?? '')}`, withDefinition));
    } else if (!output || (status !== '(none)' && status !== 'SUCCESS')) failure(withDefinition, noData(`${at}.Status`, status, withDefinition, 'wait for a SUCCESS event'));
    else take(output, join(at, 'Output'), SPRITE_ITEM, withDefinition);
  };

  /**
   * Shape 7: the playback-info answer (player signature v4, `{ code, version, media }`). A
   * non-zero `code` is Tencent refusing the request (bad psign, no such file).
   */
  const playbackAnswer = (o: Obj, path: string) => {
    if (failed(o.code)) throw fail('task-failed', `the playback-info answer is an error: code ${shown(o.code)}, message ${quote(o.message)}. Check the psign and FileId.`);
    if (isObject(o.media)) return playbackMedia(o.media, join(path, 'media'));
    failure({}, noData(join(path, 'media'), o.media, {}, 'check the FileId and the psign'));
  };

  /** Its `media`: `imageSpriteInfo` is `{ webVttUrl, imageUrls }` (v4) or `{ imageSpriteList: [them] }` (v2). */
  const playbackMedia = (media: Obj, path: string) => {
    const info = media.imageSpriteInfo;
    const at = join(path, 'imageSpriteInfo');
    if (isObject(info) && Array.isArray(info.imageSpriteList)) each(info.imageSpriteList, join(at, 'imageSpriteList'), (item, itemAt) => take(item, itemAt, PLAYBACK, {}));
    else if (isObject(info)) take(info, at, PLAYBACK, {});
    else failure({}, noData(at, info, {}, 'run a sprite task on the file first'));
  };

  const walk = (o: Obj, path: string, depth = 0): unknown => {
    const response = o.Response;
    if (isObject(response)) {
      if (depth >= MAX_DEPTH) throw fail('not-sprite-event', `Response is nested more than ${MAX_DEPTH} levels deep; Tencent's answers hold one Response.`);
      const error = response.Error;
      if (isObject(error)) {
        const request = typeof response.RequestId === 'string' ? ` (RequestId ${response.RequestId})` : '';
        throw fail('task-failed', `the Tencent API answered an error: Code ${quote(error.Code)}, Message ${quote(error.Message)}${request}.`);
      }
      return walk(response, join(path, 'Response'), depth + 1);
    }
    if (Array.isArray(o.EventSet)) {
      each(o.EventSet, join(path, 'EventSet'), event);
      return o.EventSet.length || findings.other.push('(none: EventSet is empty)');
    }
    if (typeof o.EventType === 'string') return event(o, path);
    if (typeof o.eventType === 'string') {
      return o.eventType === 'CreateImageSpriteComplete' ? nested(o, path, 'data', DATA_2_0) : findings.other.push(`${clip(o.eventType)} (2.0 eventType)`);
    }
    if (Array.isArray(o.MediaInfoSet)) {
      each(o.MediaInfoSet, join(path, 'MediaInfoSet'), mediaInfo);
      return found.length || failure({}, noData(join(path, 'MediaInfoSet'), [], {}, 'check the FileId'));
    }
    if ('media' in o || ('code' in o && 'version' in o)) return playbackAnswer(o, path);
    if ('imageSpriteInfo' in o) return playbackMedia(o, path);
    if ('ImageSpriteInfo' in o) return mediaInfo(o, path);
    if (Array.isArray(o.ImageSpriteSet)) return each(o.ImageSpriteSet, join(path, 'ImageSpriteSet'), (item, at) => take(item, at, SPRITE_ITEM, {}));
    if ('ImageUrlSet' in o) return take(o, path, SPRITE_ITEM, {});
    if ('ImageSpriteUrlSet' in o || ('TaskId' in o && 'WebVttUrl' in o)) return take(o, path, TASK_3_0, {});
    if (Array.isArray(o.MediaProcessResultSet)) return procedure(o, path);
    if (isObject(o.ImageSpriteTask)) return spriteTask(o, path, {});
    const keys = some(Object.keys(o).map(clip), ', ', 8) || '(none)';
    throw fail('not-sprite-event', `not a Tencent VOD sprite event: expected EventType, EventSet, eventType, MediaInfoSet, media or ImageSpriteUrlSet, got only the fields ${keys}.`);
  };

  walk(payload, '');
  return findings;
}

function each(list: unknown[], path: string, visit: (item: Obj, path: string) => void): void {
  list.forEach((item, index) => {
    if (isObject(item)) visit(item, `${path}[${index}]`);
  });
}
