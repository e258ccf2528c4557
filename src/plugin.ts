import videojs from 'video.js';
import type { ThumbnailsPreload, ThumbnailsState, VodSpriteThumbnails } from './element/element.js';
import { ownOptions } from './parse/safe-options.js';
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
  /** Milliseconds before a VTT, event-src or chapters fetch fails with code `timeout` (default 15000). */
  timeout?: number;
  /** A WebVTT chapters file; default: the player's own `chapters` text track. */
  chaptersSrc?: string | null;
  /** Key-frame marks `{ time, text }[]`; default: the marks in `event`. */
  marks?: Array<{ time: number; text: string }> | null;
  /** `off` | `touch` (default) | `always`: the full-size preview over the video while dragging. */
  scrub?: 'off' | 'touch' | 'always';
  /** Resolves with a fresh payload when signed sheet URLs stop loading (at most once a minute). */
  refreshEvent?: (() => Promise<unknown>) | null;
}

/** The plugin's video.js state (`plugin.state`, updated with `setState`, so `statechanged` fires). */
export interface VodSpriteThumbnailsState {
  status: ThumbnailsState;
  error: Error | null;
}

/** Option names copied to the element; anything else (and `__proto__`, `constructor`, `prototype`) is ignored. */
const ELEMENT_OPTIONS = ['fileId', 'definition', 'width', 'showTime', 'preload', 'upgradeInsecure', 'grid', 'timeout', 'chaptersSrc', 'marks', 'scrub', 'refreshEvent'] as const;

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

  static defaultState: VodSpriteThumbnailsState = { status: 'empty', error: null };

  declare state: VodSpriteThumbnailsState;
  declare setState: (next: Partial<VodSpriteThumbnailsState>) => void;
  /** video.js's evented mixin: e.g. `plugin.on('statechanged', …)`. */
  declare on: (type: string | string[], listener: (event: Event & { changes?: Record<string, { from: unknown; to: unknown }> }) => void) => void;
  declare off: (type?: string | string[], listener?: (event: Event) => void) => void;

  constructor(player: Player, options?: VodSpriteThumbnailsOptions | null) {
    super(player);
    const given = ownPluginOptions(options);
    // Payloads are not merged: a payload object must reach the element as given.
    this.options = videojs.obj.merge({}, withoutPayload(given));
    const existing = (thumbnailsElementOf(player) ?? playerEl(player).querySelector('vod-sprite-thumbnails')) as VodSpriteThumbnails | null;
    this.createdElement = !existing;
    this.element = existing ?? document.createElement('vod-sprite-thumbnails');
    // The element's state, mirrored into video.js's stateful `state` (statechanged fires).
    const mirror = () => {
      const status = this.element.state;
      const error = status === 'error' ? this.element.error : null;
      if (status !== this.state.status || error !== this.state.error) this.setState({ status, error });
    };
    this.element.addEventListener('vod-thumbnails-state', mirror, { signal: this.listening.signal });
    this.apply(given);
    if (this.createdElement) playerEl(player).append(this.element);
    mirror();
    acceptOptionsOnRecall(player, PLUGIN_NAME, this, (next) => this.update(next as VodSpriteThumbnailsOptions));
  }

  private readonly listening = new AbortController();

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
  update(options: VodSpriteThumbnailsOptions | null | undefined): void {
    const given = ownPluginOptions(options);
    this.options = videojs.obj.merge(this.options, withoutPayload(given));
    this.apply(given);
  }

  override dispose(): void {
    this.listening.abort();
    // An element the page had keeps its own payload (it may serve the next player with this id).
    if (this.createdElement) this.element.remove();
    else if (this.gavePayload) this.element.clear();
    super.dispose();
  }

  private apply(given: VodSpriteThumbnailsOptions): void {
    // Only what was given: an element the player already had keeps its own settings otherwise.
    const element = this.element as unknown as Record<string, unknown>;
    for (const key of ELEMENT_OPTIONS) if (this.options[key] !== undefined) element[key] = this.options[key];
    if ('event' in given && given.event !== undefined) this.load(given.event);
    else if ('eventSrc' in given && given.eventSrc !== undefined) {
      this.gavePayload = true;
      this.element.event = null;
      this.element.eventSrc = given.eventSrc;
    }
  }
}

declare module 'video.js/dist/types/player.js' {
  export default interface Player {
    /** Seek-bar thumbnails from a Tencent Cloud VOD sprite event (plugin from `vod-sprite-thumbnails`). */
    vodSpriteThumbnails(options?: VodSpriteThumbnailsOptions): VodSpriteThumbnailsPlugin;
  }
}

function withoutPayload(options: VodSpriteThumbnailsOptions): VodSpriteThumbnailsOptions {
  const { event: _event, eventSrc: _eventSrc, ...rest } = options;
  return rest;
}

/** Own option keys only (no `__proto__`, `constructor`, `prototype`): a hostile JSON key never reaches the merge or the element. */
function ownPluginOptions(options: unknown): VodSpriteThumbnailsOptions {
  const { options: own, problem } = ownOptions(options, 'vodSpriteThumbnails options');
  if (problem) console.warn(`vod-sprite-thumbnails: ${problem}`);
  return own;
}
