/** Errors thrown by the pure parsing modules. Each carries a stable `code` for programs and a message for people. */

export type SpriteEventErrorCode = 'bad-json' | 'not-sprite-event' | 'task-failed' | 'no-sprite-data' | 'bad-url' | 'bad-marks';

/** A sprite event payload (or its key-frame marks) could not be used. */
export class SpriteEventError extends Error {
  override readonly name = 'SpriteEventError';

  constructor(
    readonly code: SpriteEventErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** `bad-grid`: `gridTrack` options that cannot lay out tiles (the grid stands in for the VTT). */
export type ThumbnailVttErrorCode = 'not-webvtt' | 'no-cues' | 'bad-fragment' | 'bad-url' | 'bad-grid' | 'bad-timestamp';

/** A thumbnail WebVTT file could not be used. `line` is 1-based, when one line is to blame. */
export class ThumbnailVttError extends Error {
  override readonly name = 'ThumbnailVttError';
  readonly line?: number;

  constructor(
    readonly code: ThumbnailVttErrorCode,
    message: string,
    line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    if (line !== undefined) this.line = line;
  }
}

export type ThumbnailLoadErrorCode = 'fetch-failed' | 'http-status' | 'timeout' | 'image-failed' | 'bad-url';

/** A document or image that could not be loaded. */
export class ThumbnailLoadError extends Error {
  override readonly name = 'ThumbnailLoadError';
  readonly status: number | undefined;

  constructor(
    readonly code: ThumbnailLoadErrorCode,
    readonly url: string,
    message: string,
    options?: { status?: number; cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : options);
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
  const type = typeof value;
  try {
    // A string is sliced first: a 5 MB string is not copied only to be cut.
    text =
      type === 'string' ? JSON.stringify((value as string).slice(0, QUOTE_LIMIT + 1))
      : type === 'bigint' ? `${value}n`
      : type === 'function' ? 'a function'
      : type === 'number' ? String(value)
      : (JSON.stringify(value) ?? String(value));
  } catch {
    // Circular, too deep, a BigInt inside, a throwing getter or trap.
    text = Array.isArray(value) ? 'an array' : 'an object';
  }
  return text.length > QUOTE_LIMIT ? `${clip(text)}${type === 'string' ? ` (${(value as string).length} characters)` : ''}` : text;
}

/** A string for a message, cut to `QUOTE_LIMIT` characters (then `…`). */
export const clip = (text: string): string => (text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text);
