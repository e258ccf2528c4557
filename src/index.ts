/**
 * vod-sprite-thumbnails: seek-bar thumbnails for video.js 8 from Tencent Cloud VOD image
 * sprites. Importing this module defines `<vod-sprite-thumbnails>` and registers the
 * `vodSpriteThumbnails` plugin on the video.js it imports (both guarded, so a second copy
 * of the package on the page does not throw).
 */
import videojs from 'video.js';
import { VodSpriteThumbnails } from './element.js';
import { PLUGIN_NAME, VodSpriteThumbnailsPlugin } from './plugin.js';

export type * from './types.js';
export type * from './payload-types.js';
export { SpriteEventError, ThumbnailVttError } from './errors.js';
export type { SpriteEventErrorCode, ThumbnailVttErrorCode } from './errors.js';
export { parseSpriteEvent } from './payload.js';
export { parseThumbnailVtt } from './vtt.js';
export { ThumbnailTrack } from './track.js';
export { gridTrack } from './grid.js';
export { ThumbnailLoadError } from './loader.js';
export type { ThumbnailLoadErrorCode } from './loader.js';
export { VodSpriteThumbnails } from './element.js';
export type {
  ThumbnailsErrorDetail,
  ThumbnailsErrorStage,
  ThumbnailsPreload,
  ThumbnailsReadyDetail,
  ThumbnailsState,
} from './element.js';
export { VodSpriteThumbnailsPlugin } from './plugin.js';
export type { VodSpriteThumbnailsOptions } from './plugin.js';

// A literal tag name, so that the custom elements manifest analyzer reads it.
if (typeof customElements !== 'undefined' && !customElements.get('vod-sprite-thumbnails')) {
  customElements.define('vod-sprite-thumbnails', VodSpriteThumbnails);
}
if (!videojs.getPlugin(PLUGIN_NAME)) {
  videojs.registerPlugin(PLUGIN_NAME, VodSpriteThumbnailsPlugin);
}
