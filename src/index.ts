/**
 * vod-sprite-thumbnails: seek-bar thumbnails for video.js 8 from Tencent Cloud VOD image
 * sprites. Importing this module defines `<vod-sprite-thumbnails>` and registers the
 * `vodSpriteThumbnails` plugin on the video.js it imports (both guarded, so a second copy
 * of the package on the page does not throw).
 */
export * from './parse/index.js';
export { VodSpriteThumbnails } from './element/element.js';
export type {
  ThumbnailsDefinitionDetail,
  ThumbnailsErrorDetail,
  ThumbnailsErrorStage,
  ThumbnailsExpiredDetail,
  ThumbnailsPreload,
  ThumbnailsReadyDetail,
  ThumbnailsScrub,
  ThumbnailsState,
} from './element/element.js';
export { VodSpriteThumbnailsPlugin } from './plugin.js';
export type { VodSpriteThumbnailsOptions, VodSpriteThumbnailsState } from './plugin.js';
import './define.js';
