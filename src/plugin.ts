import videojs from 'video.js';
import type { ThumbnailsPreload, ThumbnailsState, VodSpriteThumbnails } from './element/element.js';
import { thumbnailsElementOf } from './player/binding.js';
import type { GridOptions } from './parse/types.js';
import { acceptOptionsOnRecall, type Player, PluginBase, playerEl } from './player/videojs-internals.js';

/** Options of `player.vodSpriteThumbnails(options)`: the element's attributes in camelCase. */
export interface VodSpriteThumbnailsOptions {
  /** The payload (object or JSON text). */
  event?: unknown;
  /** URL of a JSON document holding the payload. */
  eventSrc?: string | null;
  fileId?: string | null;
  definition?: string | number | null;
  /** Preview width in CSS pixels. */
  width?: number | null;
  showTime?: boolean;
  preload?: ThumbnailsPreload;
  upgradeInsecure?: boolean;
  grid?: GridOptions | null;
}

export const PLUGIN_NAME = 'vodSpriteThumbnails';

/**
 * The `vodSpriteThumbnails` video.js plugin: manages the player's `<vod-sprite-thumbnails>`
 * element. Calling `player.vodSpriteThumbnails(options)` again updates the options.
 */
export class VodSpriteThumbnailsPlugin extends PluginBase {
  static VERSION = '0.1.0';

  /** The element showing the previews (created by the plugin unless the player had one). */
  readonly element: VodSpriteThumbnails;

  private options: VodSpriteThumbnailsOptions;
  private readonly createdElement: boolean;
  /** The plugin gave the element its payload (so disposing takes it back). */
  private gavePayload = false;

  constructor(player: Player, options: VodSpriteThumbnailsOptions = {}) {
    super(player);
    // Payloads are not merged: a payload object must reach the element as given.
    this.options = videojs.obj.merge({}, withoutPayload(options));
    const existing = (thumbnailsElementOf(player) ?? playerEl(player).querySelector('vod-sprite-thumbnails')) as VodSpriteThumbnails | null;
    this.createdElement = !existing;
    this.element = existing ?? document.createElement('vod-sprite-thumbnails');
    this.apply(options);
    if (this.createdElement) playerEl(player).append(this.element);
    acceptOptionsOnRecall(player, PLUGIN_NAME, this, (next) => this.update((next ?? {}) as VodSpriteThumbnailsOptions));
  }

  /** `empty` | `loading` | `ready` | `error` (the element's state; an accessor, defined below). */
  declare readonly state: ThumbnailsState;

  /** The options given so far, merged (payload excluded; the element's defaults apply to the rest). */
  get currentOptions(): Readonly<VodSpriteThumbnailsOptions> {
    return this.options;
  }

  /** Show this payload (object or JSON text). */
  load(payload: unknown): void {
    this.gavePayload = true;
    this.element.load(payload);
  }

  /** Remove the thumbnails until the next payload. */
  clear(): void {
    this.element.clear();
  }

  /** Merge new options in (what a second `player.vodSpriteThumbnails(options)` does). */
  update(options: VodSpriteThumbnailsOptions): void {
    this.options = videojs.obj.merge(this.options, withoutPayload(options));
    this.apply(options);
  }

  override dispose(): void {
    // An element the page had keeps its own payload (it may serve the next player with this id).
    if (this.createdElement) this.element.remove();
    else if (this.gavePayload) this.element.clear();
    super.dispose();
  }

  private apply(given: VodSpriteThumbnailsOptions): void {
    // Only what was given: an element the player already had keeps its own settings otherwise.
    const element = this.element;
    const options = this.options;
    if (options.fileId !== undefined) element.fileId = options.fileId;
    if (options.definition !== undefined) element.definition = options.definition;
    if (options.width !== undefined) element.width = options.width;
    if (options.showTime !== undefined) element.showTime = options.showTime;
    if (options.preload !== undefined) element.preload = options.preload;
    if (options.upgradeInsecure !== undefined) element.upgradeInsecure = options.upgradeInsecure;
    if (options.grid !== undefined) element.grid = options.grid;
    if ('event' in given && given.event !== undefined) this.load(given.event);
    else if ('eventSrc' in given && given.eventSrc !== undefined) {
      this.gavePayload = true;
      element.event = null;
      element.eventSrc = given.eventSrc;
    }
  }
}

// video.js's stateful mixin assigns `this.state = {...}` in the Plugin constructor; the
// contract's `state` is the element's state string, so the accessor ignores that write.
Object.defineProperty(VodSpriteThumbnailsPlugin.prototype, 'state', {
  configurable: true,
  get(this: VodSpriteThumbnailsPlugin): ThumbnailsState {
    return this.element?.state ?? 'empty';
  },
  set(_value: unknown) {},
});

declare module 'video.js/dist/types/player' {
  export default interface Player {
    /** Seek-bar thumbnails from a Tencent Cloud VOD sprite event (plugin from `vod-sprite-thumbnails`). */
    vodSpriteThumbnails(options?: VodSpriteThumbnailsOptions): VodSpriteThumbnailsPlugin;
  }
}

function withoutPayload(options: VodSpriteThumbnailsOptions): VodSpriteThumbnailsOptions {
  const { event: _event, eventSrc: _eventSrc, ...rest } = options ?? {};
  return rest;
}
