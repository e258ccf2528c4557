/**
 * The package's one side effect: defines `<vod-sprite-thumbnails>` and registers the
 * `vodSpriteThumbnails` plugin on the video.js it imports, each guarded so a second copy of
 * the package on the page does not throw, and skipped where there is no DOM (SSR).
 */
import videojs from 'video.js';
import { VodSpriteThumbnails } from './element/element.js';
import { PLUGIN_NAME, VodSpriteThumbnailsPlugin } from './plugin.js';

// A literal tag name, so that the custom elements manifest analyzer reads it.
if (typeof customElements !== 'undefined' && !customElements.get('vod-sprite-thumbnails')) {
  customElements.define('vod-sprite-thumbnails', VodSpriteThumbnails);
}
if (!videojs.getPlugin(PLUGIN_NAME)) {
  videojs.registerPlugin(PLUGIN_NAME, VodSpriteThumbnailsPlugin);
}
