/** Errors thrown by the pure parsing modules. Each carries a stable `code` for programs and a message for people. */

export type SpriteEventErrorCode = 'bad-json' | 'not-sprite-event' | 'task-failed' | 'no-sprite-data' | 'bad-url' | 'bad-marks';

/** A sprite event payload (or its key-frame marks) could not be used. */
export class SpriteEventError extends Error {
  override readonly name = 'SpriteEventError';
  readonly code: SpriteEventErrorCode;

  constructor(code: SpriteEventErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** `bad-grid`: `gridTrack` options that cannot lay out tiles (the grid stands in for the VTT). */
export type ThumbnailVttErrorCode = 'not-webvtt' | 'no-cues' | 'bad-fragment' | 'bad-url' | 'bad-grid' | 'bad-timestamp';

/** A thumbnail WebVTT file could not be used. `line` is 1-based, when one line is to blame. */
export class ThumbnailVttError extends Error {
  override readonly name = 'ThumbnailVttError';
  readonly code: ThumbnailVttErrorCode;
  readonly line?: number;

  constructor(code: ThumbnailVttErrorCode, message: string, line?: number) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.code = code;
    if (line !== undefined) this.line = line;
  }
}

export type ThumbnailLoadErrorCode = 'fetch-failed' | 'http-status' | 'timeout' | 'image-failed' | 'bad-url';

/** A document or image that could not be loaded. */
export class ThumbnailLoadError extends Error {
  override readonly name = 'ThumbnailLoadError';
  readonly code: ThumbnailLoadErrorCode;
  readonly url: string;
  readonly status: number | undefined;

  constructor(code: ThumbnailLoadErrorCode, url: string, message: string, options?: { status?: number; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.url = url;
    this.status = options?.status;
  }
}

/** The most characters of a bad value an error message quotes. */
export const QUOTE_LIMIT = 120;

/**
 * A bad value as an error message shows it: JSON-like, at most `QUOTE_LIMIT` characters
 * (then `…` and the full length), and never a throw — whatever the value (BigInt, Symbol,
 * circular, a throwing getter or Proxy trap). A 5 MB string gives a short message.
 */
export function quote(value: unknown): string {
  let text: string;
  let length: number | undefined;
  try {
    if (typeof value === 'string') {
      // Slice first: a 5 MB string is not copied only to be cut.
      text = JSON.stringify(value.slice(0, QUOTE_LIMIT + 1));
      length = value.length;
    } else if (typeof value === 'bigint') text = `${value}n`;
    else if (typeof value === 'symbol' || typeof value === 'function') text = typeof value === 'symbol' ? String(value) : 'a function';
    else if (value === undefined || typeof value === 'number') text = String(value);
    else text = JSON.stringify(value) ?? String(value);
  } catch {
    // Circular, too deep, a BigInt inside, a throwing getter or trap.
    text = Array.isArray(value) ? 'an array' : 'an object';
  }
  if (text.length <= QUOTE_LIMIT) return text;
  return `${text.slice(0, QUOTE_LIMIT)}…${length === undefined ? '' : ` (${length} characters)`}`;
}

/** A string for a message, cut to `QUOTE_LIMIT` characters (then `…`). */
export const clip = (text: string): string => (text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text);
