/**
 * Reads every Tencent Cloud VOD payload that can carry image sprite results and returns
 * the sprite results in it. Field names are matched exactly as Tencent spells them.
 */
import { SpriteEventError } from './errors.js';
import type { SpriteEventPayload } from './payload-types.js';
import { parseUrl } from './resolve.js';
import type { ParseSpriteEventOptions, SpriteInfo } from './types.js';

type JsonObject = Record<string, unknown>;

/** One sprite result found in the payload, good or bad, before URL checks and filters. */
interface Found {
  /** Where it sits in the payload, for messages (`Response.EventSet[1].CreateImageSpriteCompleteEvent`). */
  path: string;
  fileId?: string;
  taskId?: string;
  definition?: number;
  width?: number;
  height?: number;
  totalCount?: number;
  /** Set when this result is a failure (failed task, no data). */
  error?: SpriteEventError;
  vttField?: string;
  vttValue?: unknown;
  imagesField?: string;
  imagesValue?: unknown;
}

/** What a walk over the payload found. */
interface Findings {
  found: Found[];
  /** EventTypes of events that carry no sprite result. */
  otherEvents: string[];
  /** Why a task flow (ProcedureStateChanged) gave no sprite result, for a lone procedure. */
  procedureNote?: string;
}

/**
 * Every successful sprite result in `input` (any of the payload shapes in CONTRACT.md, as
 * an object or JSON text), in payload order, optionally filtered by `fileId`/`definition`.
 * Relative URLs resolve against `options.baseUrl` (e.g. the URL of the JSON document).
 *
 * @throws SpriteEventError with code `bad-json`, `not-sprite-event`, `task-failed`,
 *   `no-sprite-data` or `bad-url` when no successful result is left.
 */
export function parseSpriteEvent(input: SpriteEventPayload | Record<string, unknown> | string, options: ParseSpriteEventOptions = {}): SpriteInfo[] {
  const payload = typeof input === 'string' ? parseJson(input) : input;
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    const got = payload === null || payload === undefined ? String(payload) : Array.isArray(payload) ? 'an array' : `a ${typeof payload}`;
    throw new SpriteEventError('not-sprite-event', `expected a Tencent VOD event object (or its JSON text), got ${got}.`);
  }
  const baseUrl = checkBaseUrl(options.baseUrl);
  const findings: Findings = { found: [], otherEvents: [] };
  walkPayload(payload as JsonObject, '', findings);

  const { found } = findings;
  if (found.length === 0) {
    const types = [...new Set(findings.otherEvents)];
    if (types.length === 1 && findings.procedureNote) throw new SpriteEventError('no-sprite-data', findings.procedureNote);
    throw new SpriteEventError(
      'not-sprite-event',
      `the payload holds no CreateImageSpriteComplete event: found EventType ${types.map((t) => JSON.stringify(t)).join(', ')}. Pass the CreateImageSpriteComplete callback (or a PullEvents answer holding one).`,
    );
  }

  const wanted = filterFound(found, options);
  let firstError: SpriteEventError | undefined;
  const results: SpriteInfo[] = [];
  for (const item of wanted) {
    try {
      if (item.error) throw item.error;
      results.push(toSpriteInfo(item, baseUrl));
    } catch (error) {
      if (!(error instanceof SpriteEventError)) throw error;
      firstError ??= error;
    }
  }
  if (results.length === 0) throw firstError!;
  return results;
}

/** JSON text → value, or a `bad-json` error that says where the text went wrong. */
function parseJson(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new SpriteEventError('bad-json', 'the event text is empty; expected the JSON of a Tencent VOD event.');
  try {
    return JSON.parse(body);
  } catch (error) {
    const offset = jsonErrorOffset(body);
    let engine = error instanceof Error ? error.message : String(error);
    // Some engines quote the whole text in their message: keep it short.
    if (engine.length > 160) engine = `${engine.slice(0, 160)}…`;
    let where = '';
    if (offset >= 0) {
      let line = 1;
      let lineStart = 0;
      for (let i = 0; i < offset; i++) {
        if (body.charCodeAt(i) === 10) {
          line++;
          lineStart = i + 1;
        }
      }
      const excerpt = body.slice(Math.max(lineStart, offset - 20), offset + 20).replace(/\s+/g, ' ');
      where = ` at line ${line}, column ${offset - lineStart + 1} (position ${offset}), near ${JSON.stringify(excerpt)}`;
    }
    throw new SpriteEventError('bad-json', `the event text is not valid JSON${where}: ${engine}`);
  }
}

/**
 * Offset of the first JSON syntax error in `text` (engines differ in whether their
 * message gives one), or -1 when none is found.
 */
function jsonErrorOffset(text: string): number {
  let i = 0;
  const n = text.length;
  const skipSpace = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
      i++;
    }
  };
  const digits = () => {
    const start = i;
    while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    return i > start;
  };
  // Each reader returns false with `i` at the offending character.
  const failAt = (at: number): false => {
    i = at;
    return false;
  };
  const succeedAt = (at: number): true => {
    i = at;
    return true;
  };
  const readString = (): boolean => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c < 32) return false;
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          for (let k = 2; k < 6; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) return failAt(i + k);
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return failAt(i + 1);
      } else i++;
    }
    return false;
  };
  const readValue = (depth: number): boolean => {
    if (depth > 500) return false;
    skipSpace();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      skipSpace();
      if (text[i] === close) return succeedAt(i + 1);
      for (;;) {
        if (c === '{') {
          skipSpace();
          if (text[i] !== '"' || !readString()) return false;
          skipSpace();
          if (text[i] !== ':') return false;
          i++;
        }
        if (!readValue(depth + 1)) return false;
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === close) return succeedAt(i + 1);
        return false;
      }
    }
    if (c === '"') return readString();
    for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) return succeedAt(i + word.length);
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      if (c === '-') i++;
      if (text[i] === '0') i++;
      else if (!digits()) return false;
      if (text[i] === '.') {
        i++;
        if (!digits()) return false;
      }
      if (text[i] === 'e' || text[i] === 'E') {
        i++;
        if (text[i] === '+' || text[i] === '-') i++;
        if (!digits()) return false;
      }
      return true;
    }
    return false;
  };
  if (!readValue(0)) return Math.min(i, n);
  skipSpace();
  return i < n ? i : -1;
}

function checkBaseUrl(baseUrl: string | undefined): string | undefined {
  if (baseUrl === undefined) return undefined;
  const parsed = typeof baseUrl === 'string' ? parseUrl(baseUrl) : undefined;
  if (!parsed) {
    throw new SpriteEventError('bad-url', `options.baseUrl is ${JSON.stringify(baseUrl)}, which is not an absolute URL; pass the full URL of the JSON document.`);
  }
  return parsed.href;
}

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);
const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** Finds sprite results in any accepted payload shape. */
function walkPayload(payload: JsonObject, path: string, findings: Findings): void {
  if (isObject(payload.Response)) {
    const response = payload.Response;
    if (isObject(response.Error)) {
      const { Code, Message } = response.Error;
      throw new SpriteEventError(
        'task-failed',
        `the Tencent API answered with an error instead of events: Code ${JSON.stringify(Code)}, Message ${JSON.stringify(Message)}${typeof response.RequestId === 'string' ? ` (RequestId ${response.RequestId})` : ''}.`,
      );
    }
    walkPayload(response, join(path, 'Response'), findings);
    return;
  }
  if (Array.isArray(payload.EventSet)) {
    payload.EventSet.forEach((event, index) => {
      if (isObject(event)) walkEvent(event, `${join(path, 'EventSet')}[${index}]`, findings);
    });
    if (payload.EventSet.length === 0) findings.otherEvents.push('(none: EventSet is empty)');
    return;
  }
  if (typeof payload.EventType === 'string') {
    walkEvent(payload, path, findings);
    return;
  }
  if (typeof payload.eventType === 'string') {
    walkLegacy(payload, path, findings);
    return;
  }
  if (Array.isArray(payload.MediaInfoSet)) {
    payload.MediaInfoSet.forEach((info, index) => {
      if (isObject(info)) walkMediaInfo(info, `${join(path, 'MediaInfoSet')}[${index}]`, findings);
    });
    if (findings.found.length === 0) {
      findings.found.push({ path, error: new SpriteEventError('no-sprite-data', `the media info holds no media (${join(path, 'MediaInfoSet')} is empty); check the FileId.`) });
    }
    return;
  }
  if ('ImageSpriteInfo' in payload) {
    walkMediaInfo(payload, path, findings);
    return;
  }
  if (Array.isArray(payload.ImageSpriteSet)) {
    walkSpriteSet(payload.ImageSpriteSet, join(path, 'ImageSpriteSet'), {}, findings);
    return;
  }
  if ('ImageUrlSet' in payload) {
    walkItem(payload, path, {}, findings);
    return;
  }
  if ('ImageSpriteUrlSet' in payload || ('TaskId' in payload && 'WebVttUrl' in payload)) {
    walkTask(payload, path, findings);
    return;
  }
  if (Array.isArray(payload.MediaProcessResultSet)) {
    const before = findings.found.length;
    walkProcedure(payload, path, findings);
    if (findings.found.length === before) findings.otherEvents.push('ProcedureStateChanged (without an ImageSprites task)');
    return;
  }
  if (isObject(payload.ImageSpriteTask)) {
    walkProcessResult(payload, path, {}, findings);
    return;
  }
  const keys = Object.keys(payload).slice(0, 8);
  throw new SpriteEventError(
    'not-sprite-event',
    `not a Tencent VOD sprite event: expected EventType, Response.EventSet, eventType (2.0), MediaInfoSet, ImageSpriteSet or ImageSpriteUrlSet, but the object has ${keys.length ? `only the fields ${keys.join(', ')}` : 'no fields'}.`,
  );
}

function walkEvent(event: JsonObject, path: string, findings: Findings): void {
  const type = String(event.EventType);
  if (type === 'CreateImageSpriteComplete') {
    const task = event.CreateImageSpriteCompleteEvent;
    const taskPath = join(path, 'CreateImageSpriteCompleteEvent');
    if (isObject(task)) walkTask(task, taskPath, findings);
    else findings.found.push({ path, error: new SpriteEventError('no-sprite-data', `the CreateImageSpriteComplete event has no task result: ${taskPath} is ${JSON.stringify(task ?? null)}.`) });
    return;
  }
  if (type === 'ProcedureStateChanged' && isObject(event.ProcedureStateChangeEvent)) {
    const before = findings.found.length;
    walkProcedure(event.ProcedureStateChangeEvent, join(path, 'ProcedureStateChangeEvent'), findings);
    if (findings.found.length === before) findings.otherEvents.push(`${type} (without an ImageSprites task)`);
    return;
  }
  findings.otherEvents.push(type);
}

function walkTask(task: JsonObject, path: string, findings: Findings): void {
  const found: Found = {
    path,
    ...ids(task.FileId, task.TaskId, task.Definition),
    ...optionalNumber('totalCount', task.TotalCount),
    vttField: join(path, 'WebVttUrl'),
    vttValue: task.WebVttUrl,
    imagesField: join(path, 'ImageSpriteUrlSet'),
    imagesValue: task.ImageSpriteUrlSet,
  };
  if (task.ErrCode !== undefined && Number(task.ErrCode) !== 0) {
    found.error = new SpriteEventError(
      'task-failed',
      `the sprite task failed: ErrCode ${String(task.ErrCode)}, Message ${JSON.stringify(task.Message ?? '')}${describe(found)}. Tencent made no thumbnails; fix the cause and run the task again.`,
    );
  }
  findings.found.push(found);
}

function walkLegacy(payload: JsonObject, path: string, findings: Findings): void {
  const type = String(payload.eventType);
  if (type !== 'CreateImageSpriteComplete') {
    findings.otherEvents.push(`${type} (2.0 eventType)`);
    return;
  }
  const data = payload.data;
  const dataPath = join(path, 'data');
  if (!isObject(data)) {
    findings.found.push({ path, error: new SpriteEventError('no-sprite-data', `the 2.0 CreateImageSpriteComplete callback has no result: ${dataPath} is ${JSON.stringify(data ?? null)}.`) });
    return;
  }
  const found: Found = {
    path: dataPath,
    ...ids(data.fileId, data.vodTaskId, data.definition),
    ...optionalNumber('totalCount', data.totalCount),
    vttField: join(dataPath, 'webVttUrl'),
    vttValue: data.webVttUrl,
    imagesField: join(dataPath, 'imageSpriteUrl'),
    imagesValue: data.imageSpriteUrl,
  };
  if (data.status !== undefined && Number(data.status) !== 0) {
    found.error = new SpriteEventError(
      'task-failed',
      `the sprite task failed: status ${String(data.status)}, message ${JSON.stringify(data.message ?? '')}${describe(found)}. Tencent made no thumbnails; fix the cause and run the task again.`,
    );
  }
  findings.found.push(found);
}

function walkMediaInfo(info: JsonObject, path: string, findings: Findings): void {
  const fileId = typeof info.FileId === 'string' || typeof info.FileId === 'number' ? String(info.FileId) : undefined;
  const spriteInfo = info.ImageSpriteInfo;
  if (!isObject(spriteInfo) || !Array.isArray(spriteInfo.ImageSpriteSet) || spriteInfo.ImageSpriteSet.length === 0) {
    findings.found.push({
      path,
      ...(fileId === undefined ? {} : { fileId }),
      error: new SpriteEventError(
        'no-sprite-data',
        `the media${fileId === undefined ? '' : ` FileId ${fileId}`} has no image sprites (${join(path, 'ImageSpriteInfo')} is ${isObject(spriteInfo) ? 'empty' : JSON.stringify(spriteInfo ?? null)}); run a sprite task on it first.`,
      ),
    });
    return;
  }
  walkSpriteSet(spriteInfo.ImageSpriteSet, join(path, 'ImageSpriteInfo.ImageSpriteSet'), fileId === undefined ? {} : { fileId }, findings);
}

function walkSpriteSet(set: unknown[], path: string, context: Partial<Found>, findings: Findings): void {
  set.forEach((item, index) => {
    if (isObject(item)) walkItem(item, `${path}[${index}]`, context, findings);
  });
}

/** A `MediaImageSpriteItem`. */
function walkItem(item: JsonObject, path: string, context: Partial<Found>, findings: Findings): void {
  findings.found.push({
    path,
    ...context,
    ...ids(undefined, undefined, item.Definition ?? context.definition),
    ...(context.fileId === undefined ? {} : { fileId: context.fileId }),
    ...(context.taskId === undefined ? {} : { taskId: context.taskId }),
    ...optionalNumber('width', item.Width),
    ...optionalNumber('height', item.Height),
    ...optionalNumber('totalCount', item.TotalCount),
    vttField: join(path, 'WebVttUrl'),
    vttValue: item.WebVttUrl,
    imagesField: join(path, 'ImageUrlSet'),
    imagesValue: item.ImageUrlSet,
  });
}

/** A `ProcedureStateChangeEvent` (`ProcedureTask`). */
function walkProcedure(procedure: JsonObject, path: string, findings: Findings): void {
  const context = ids(procedure.FileId, procedure.TaskId, undefined);
  const results = Array.isArray(procedure.MediaProcessResultSet) ? procedure.MediaProcessResultSet : [];
  const before = findings.found.length;
  results.forEach((result, index) => {
    if (isObject(result) && (result.Type === 'ImageSprites' || isObject(result.ImageSpriteTask))) {
      walkProcessResult(result, `${join(path, 'MediaProcessResultSet')}[${index}]`, context, findings);
    }
  });
  if (findings.found.length === before && (procedure.ErrCode === undefined || Number(procedure.ErrCode) === 0)) {
    const types = results.flatMap((result) => (isObject(result) && typeof result.Type === 'string' ? [result.Type] : []));
    findings.procedureNote ??= `the task flow${describe(context)} ran no ImageSprites task (its results: ${types.length ? types.join(', ') : 'none'}); add a sprite task (e.g. template 10) to the task flow, or pass the CreateImageSpriteComplete event.`;
  }
  if (findings.found.length === before && procedure.ErrCode !== undefined && Number(procedure.ErrCode) !== 0) {
    findings.found.push({
      path,
      ...context,
      error: new SpriteEventError(
        'task-failed',
        `the task flow failed before any sprite result: ErrCode ${String(procedure.ErrCode)}, Message ${JSON.stringify(procedure.Message ?? '')}${describe(context)}.`,
      ),
    });
  }
}

/** A `MediaProcessTaskResult` of Type `ImageSprites`. */
function walkProcessResult(result: JsonObject, path: string, context: Partial<Found>, findings: Findings): void {
  const task = result.ImageSpriteTask;
  const taskPath = join(path, 'ImageSpriteTask');
  if (!isObject(task)) {
    findings.found.push({ path, ...context, error: new SpriteEventError('no-sprite-data', `the ImageSprites result has no task: ${taskPath} is ${JSON.stringify(task ?? null)}.`) });
    return;
  }
  const input = isObject(task.Input) ? task.Input : {};
  const output = isObject(task.Output) ? task.Output : undefined;
  const withDefinition = { ...context, ...ids(undefined, undefined, output?.Definition ?? input.Definition) };
  const status = typeof task.Status === 'string' ? task.Status : undefined;
  if (status === 'FAIL' || (task.ErrCode !== undefined && Number(task.ErrCode) !== 0)) {
    findings.found.push({
      path: taskPath,
      ...withDefinition,
      error: new SpriteEventError(
        'task-failed',
        `the sprite task failed: Status ${status ?? '(none)'}, ErrCode ${String(task.ErrCode)}, Message ${JSON.stringify(task.Message ?? '')}${describe(withDefinition)}. Tencent made no thumbnails; fix the cause and run the task again.`,
      ),
    });
    return;
  }
  if (!output || (status !== undefined && status !== 'SUCCESS')) {
    findings.found.push({
      path: taskPath,
      ...withDefinition,
      error: new SpriteEventError(
        'no-sprite-data',
        `the sprite task has no output yet (Status ${status ?? '(none)'}${describe(withDefinition)}); wait for a SUCCESS event.`,
      ),
    });
    return;
  }
  walkItem(output, join(taskPath, 'Output'), withDefinition, findings);
}

/** fileId / taskId / definition, each only when present and of a usable type. */
function ids(fileId: unknown, taskId: unknown, definition: unknown): Partial<Found> {
  const out: Partial<Found> = {};
  if (typeof fileId === 'string' || typeof fileId === 'number') out.fileId = String(fileId);
  if (typeof taskId === 'string' && taskId !== '') out.taskId = taskId;
  const def = typeof definition === 'string' && definition.trim() !== '' ? Number(definition) : definition;
  if (typeof def === 'number' && Number.isFinite(def)) out.definition = def;
  return out;
}

function optionalNumber(key: 'width' | 'height' | 'totalCount', value: unknown): Partial<Found> {
  return typeof value === 'number' && Number.isFinite(value) ? { [key]: value } : {};
}

/** " (TaskId …, FileId …, Definition …)" for messages. */
function describe(found: Partial<Found>): string {
  const parts: string[] = [];
  if (found.taskId) parts.push(`TaskId ${found.taskId}`);
  if (found.fileId !== undefined) parts.push(`FileId ${found.fileId}`);
  if (found.definition !== undefined) parts.push(`Definition ${found.definition}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function filterFound(found: Found[], options: ParseSpriteEventOptions): Found[] {
  const { fileId } = options;
  const hasDefinition = options.definition !== undefined && options.definition !== null && options.definition !== '';
  const definition = hasDefinition ? Number(options.definition) : undefined;
  if (fileId === undefined && !hasDefinition) return found;
  const wanted = found.filter(
    (item) => (fileId === undefined || item.fileId === String(fileId)) && (!hasDefinition || item.definition === definition),
  );
  if (wanted.length > 0) return wanted;
  const asked = [fileId === undefined ? '' : `FileId ${fileId}`, hasDefinition ? `Definition ${String(options.definition)}` : '']
    .filter(Boolean)
    .join(' and ');
  const available = [
    ...new Set(
      found.map((item) =>
        [`FileId ${item.fileId ?? '(none)'}`, `Definition ${item.definition ?? '(none)'}`].join(' '),
      ),
    ),
  ];
  throw new SpriteEventError(
    'no-sprite-data',
    `no sprite result matches ${asked}; the payload holds: ${available.join('; ')}. Check the file-id / definition you asked for.`,
  );
}

function toSpriteInfo(found: Found, baseUrl: string | undefined): SpriteInfo {
  const { vttField = 'WebVttUrl', imagesField = 'ImageSpriteUrlSet' } = found;
  if (typeof found.vttValue !== 'string' || found.vttValue.trim() === '') {
    throw new SpriteEventError('no-sprite-data', `the sprite result has no WebVTT: ${vttField} is ${JSON.stringify(found.vttValue ?? null)}${describe(found)}.`);
  }
  const images = found.imagesValue;
  if (!Array.isArray(images) || images.length === 0) {
    throw new SpriteEventError('no-sprite-data', `the sprite result has no sheet images: ${imagesField} is ${JSON.stringify(images ?? null)}${describe(found)}.`);
  }
  const info: SpriteInfo = {
    vttUrl: checkUrl(found.vttValue, vttField, baseUrl),
    imageUrls: images.map((url, index) => checkUrl(url, `${imagesField}[${index}]`, baseUrl)),
  };
  if (found.fileId !== undefined) info.fileId = found.fileId;
  if (found.taskId !== undefined) info.taskId = found.taskId;
  if (found.definition !== undefined) info.definition = found.definition;
  if (found.width !== undefined) info.width = found.width;
  if (found.height !== undefined) info.height = found.height;
  if (found.totalCount !== undefined) info.totalCount = found.totalCount;
  return info;
}

/** An absolute http(s) URL, or a `bad-url` error naming the field and what it held. */
function checkUrl(value: unknown, field: string, baseUrl: string | undefined): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new SpriteEventError('bad-url', `${field} is ${JSON.stringify(value ?? null)}, not a URL.`);
  }
  const absolute = parseUrl(value);
  const parsed = absolute ?? (baseUrl === undefined ? undefined : parseUrl(value, baseUrl));
  if (!parsed) {
    throw new SpriteEventError(
      'bad-url',
      baseUrl === undefined
        ? `${field} is ${JSON.stringify(value)}, a relative or malformed URL; pass baseUrl (the URL of the JSON document) to resolve relative URLs.`
        : `${field} is ${JSON.stringify(value)}, which is not a valid URL.`,
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new SpriteEventError('bad-url', `${field} is ${JSON.stringify(value)}: only http: and https: URLs are accepted, not ${parsed.protocol}.`);
  }
  return parsed.href;
}
