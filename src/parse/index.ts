/**
 * `vod-sprite-thumbnails/parse`: the pure half of the package. No DOM, no Lit, no video.js:
 * it loads in Node, workers and edge runtimes.
 */
export type * from './types.js';
export type * from './payload-types.js';
export { SpriteEventError, ThumbnailLoadError, ThumbnailVttError } from './errors.js';
export type { SpriteEventErrorCode, ThumbnailLoadErrorCode, ThumbnailVttErrorCode } from './errors.js';
export { parseSpriteEvent } from './payload.js';
export { parseKeyFrameMarks } from './marks.js';
export { parseChapters } from './chapters.js';
export { parseThumbnailVtt, parseThumbnailVttAsync } from './thumbnail-vtt.js';
export type { ParseAsyncOptions } from './thumbnail-vtt.js';
export { ThumbnailTrack } from './track.js';
export { gridTrack } from './grid.js';
