/**
 * The one place that knows video.js's untyped or loosely typed internals: the control bar
 * components, source objects with extra properties, the source middleware and the
 * plugin accessor. Everything else imports these helpers instead of casting.
 */
import videojs from 'video.js';
import type Player from 'video.js/dist/types/player';
import type VjsPlugin from 'video.js/dist/types/plugin';

export type { Player };

/** video.js's advanced plugin base class (typed as `Function` by `getPlugin`). */
export const PluginBase = videojs.getPlugin('plugin') as typeof VjsPlugin;

/** A video.js Component as far as we use it. */
export interface VjsComponent {
  el(): HTMLElement;
  getChild(name: string): VjsComponent | undefined;
  options?(): Record<string, unknown>;
}

/** A source object as passed to `player.src()`, possibly carrying our payload. */
export interface SpriteSource {
  src?: string;
  type?: string;
  /** Per-source payload (any shape `parseSpriteEvent` accepts). */
  spriteEvent?: unknown;
}

/** The seek bar and its surroundings, or undefined when the player has none (e.g. `controls: false` at setup, audio-only skins). */
export interface ProgressParts {
  progressControl: HTMLElement;
  seekBar: HTMLElement;
  /** Seconds per arrow key and the PageUp/PageDown multiplier (SeekBar options `stepSeconds`, `pageMultiplier`). */
  step: number;
  pageMultiplier: number;
}

function child(component: VjsComponent | undefined, name: string): VjsComponent | undefined {
  try {
    return component?.getChild(name);
  } catch {
    return undefined;
  }
}

export function progressParts(player: Player): ProgressParts | undefined {
  const controlBar = child(player as unknown as VjsComponent, 'ControlBar') ?? child(player as unknown as VjsComponent, 'controlBar');
  const progressControl = child(controlBar, 'ProgressControl') ?? child(controlBar, 'progressControl');
  const seekBar = child(progressControl, 'SeekBar') ?? child(progressControl, 'seekBar');
  if (!progressControl || !seekBar) return undefined;
  const options = seekBar.options?.() ?? {};
  const step = Number(options.stepSeconds);
  const pageMultiplier = Number(options.pageMultiplier);
  return {
    progressControl: progressControl.el(),
    seekBar: seekBar.el(),
    step: step > 0 ? step : 5,
    pageMultiplier: pageMultiplier > 0 ? pageMultiplier : 12,
  };
}

export function playerEl(player: Player): HTMLElement {
  return player.el() as HTMLElement;
}

export function isDisposed(player: Player): boolean {
  return (player as unknown as { isDisposed(): boolean }).isDisposed?.() ?? !player.el();
}

/** Finite duration in seconds, or undefined (not loaded yet, live streams). */
export function durationOf(player: Player): number | undefined {
  const duration = player.duration();
  return typeof duration === 'number' && Number.isFinite(duration) && duration > 0 ? duration : undefined;
}

export function currentTimeOf(player: Player): number {
  const time = player.currentTime();
  return typeof time === 'number' && Number.isFinite(time) ? time : 0;
}

/** The source object the player holds now (`{}` before any source); extra properties are kept by video.js. */
export function currentSourceOf(player: Player): SpriteSource {
  const source = player.currentSource() as unknown;
  return source && typeof source === 'object' ? (source as SpriteSource) : {};
}

/** Fraction (0..1) along the seek bar for a pointer event, the way video.js's own time tooltip computes it. */
export function pointerFraction(seekBar: HTMLElement, event: MouseEvent | TouchEvent): number {
  if (event.target instanceof Element) {
    const x = Number(videojs.dom.getPointerPosition(seekBar, event).x);
    if (Number.isFinite(x)) return Math.min(1, Math.max(0, x));
  }
  const rect = seekBar.getBoundingClientRect();
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  if (!point || rect.width <= 0) return 0;
  return Math.min(1, Math.max(0, (point.clientX - rect.left) / rect.width));
}

export function formatTime(seconds: number, guide: number): string {
  return videojs.time.formatTime(seconds, guide);
}

/** The player built on (or from) the element with this id, if it exists and is not disposed. */
export function findPlayerById(id: string): Player | undefined {
  if (!id) return undefined;
  const players = videojs.getPlayers() as Record<string, Player | null | undefined>;
  const byId = players[id];
  if (byId && !isDisposed(byId)) return byId;
  // The id may belong to the <video> a player was built from (video.js renames it).
  const el = document.getElementById(id);
  const fromEl = el ? (videojs.getPlayer(el) ?? (el as unknown as { player?: Player }).player) : undefined;
  return fromEl && !isDisposed(fromEl) ? fromEl : undefined;
}

/** The player whose element contains `node`, if any. */
export function findPlayerAround(node: Element): Player | undefined {
  let el: Element | null = node.parentElement;
  while (el) {
    const player = (el as unknown as { player?: Player }).player;
    if (player && typeof player.el === 'function' && player.el() === el && !isDisposed(player)) return player;
    el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);
  }
  return undefined;
}

type SetupListener = (player: Player) => void;

/** Call `listener` for every player set up from now on; returns the function that stops it. */
export function onPlayerSetup(listener: SetupListener): () => void {
  const hook = (player: Player) => listener(player);
  videojs.hook('setup', hook);
  return () => {
    videojs.removeHook('setup', hook);
  };
}

type SourceListener = (source: SpriteSource) => void;
const sourceListeners = new WeakMap<Player, Set<SourceListener>>();
let middlewareInstalled = false;

/**
 * Source changes, seen through a pass-through video.js middleware: its `setSource` gets the
 * source object given to `player.src()` including our `spriteEvent`, before the tech loads it.
 */
export function onSourceChange(player: Player, listener: SourceListener): () => void {
  if (!middlewareInstalled) {
    middlewareInstalled = true;
    videojs.use('*', (mwPlayer: Player) => ({
      setSource(source: SpriteSource, next: (error: unknown, source: SpriteSource) => void) {
        for (const each of sourceListeners.get(mwPlayer) ?? []) {
          try {
            each(source);
          } catch (error) {
            console.warn('vod-sprite-thumbnails:', error);
          }
        }
        next(null, source);
      },
    }));
  }
  const listeners = sourceListeners.get(player) ?? new Set<SourceListener>();
  sourceListeners.set(player, listeners);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * Advanced plugins answer a second `player.name(options)` with the first instance and drop
 * the options. Once video.js has installed that accessor (it fires `pluginsetup:<name>`
 * right after), replace it with one that hands new options to the instance.
 */
export function acceptOptionsOnRecall<T>(player: Player, name: string, instance: T, update: (options: unknown) => void): void {
  player.one(`pluginsetup:${name}`, () => {
    const target = player as unknown as Record<string, unknown>;
    target[name] = (options?: unknown) => {
      if (options !== undefined) update(options);
      return instance;
    };
  });
}
