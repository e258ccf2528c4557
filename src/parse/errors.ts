/** Errors thrown by the pure parsing modules. Each carries a stable `code` for programs and a message for people. */

export type SpriteEventErrorCode = 'bad-json' | 'not-sprite-event' | 'task-failed' | 'no-sprite-data' | 'bad-url';

/** A sprite event payload could not be turned into sprite results. */
export class SpriteEventError extends Error {
  override readonly name = 'SpriteEventError';
  readonly code: SpriteEventErrorCode;

  constructor(code: SpriteEventErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export type ThumbnailVttErrorCode = 'not-webvtt' | 'no-cues' | 'bad-fragment' | 'bad-url';

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

export type ThumbnailLoadErrorCode = 'fetch-failed' | 'http-status' | 'image-failed' | 'bad-url';

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
