/**
 * The one place that knows video.js's untyped or loosely typed internals: the control bar
 * components, source objects with extra properties, the source middleware and the plugin
 * accessor. Everything else imports these helpers instead of casting.
 */
import videojs from 'video.js';
// `.js` paths and import types: what resolves under bundler, node16 and nodenext alike.
type Player = import('video.js/dist/types/player.js').default;
type VjsPluginClass = typeof import('video.js/dist/types/plugin.js').default;

export type { Player };

/** video.js's advanced plugin base class (typed as `Function` by `getPlugin`). */
export const PluginBase = videojs.getPlugin('plugin') as VjsPluginClass;

/** A video.js Component as far as we use it. */
interface VjsComponent {
  el(): HTMLElement;
  getChild(name: string): VjsComponent | undefined;
  hide(): void;
  show(): void;
}

/** A source object as passed to `player.src()`, possibly carrying our payload. */
export interface SpriteSource {
  src?: string;
  type?: string;
  /** Per-source payload (any shape `parseSpriteEvent` accepts). */
  spriteEvent?: unknown;
}

/** The seek bar and video.js's time tooltips over it (undefined when the player has no seek bar). */
export interface ProgressParts {
  progressControl: HTMLElement;
  seekBar: HTMLElement;
  /** MouseTimeDisplay's and PlayProgressBar's TimeTooltip, hidden while our label shows. */
  tooltips: Array<{ hide(): void; show(): void }>;
}

function child(component: VjsComponent | undefined, name: string): VjsComponent | undefined {
  try {
    return component?.getChild(name);
  } catch {
    return undefined;
  }
}

export function progressParts(player: Player): ProgressParts | undefined {
  const progressControl = child(child(player as unknown as VjsComponent, 'ControlBar'), 'ProgressControl');
  const seekBar = child(progressControl, 'SeekBar');
  if (!progressControl || !seekBar) return undefined;
  const tooltips = ['MouseTimeDisplay', 'PlayProgressBar'].flatMap((name) => child(child(seekBar, name), 'TimeTooltip') ?? []);
  return { progressControl: progressControl.el(), seekBar: seekBar.el(), tooltips };
}

export const playerEl = (player: Player) => player.el() as HTMLElement;

export const isDisposed = (player: Player) => (player as unknown as { isDisposed(): boolean }).isDisposed();

/** Finite duration in seconds, or undefined (not loaded yet, live streams). */
export function durationOf(player: Player): number | undefined {
  const duration = player.duration();
  return typeof duration === 'number' && Number.isFinite(duration) && duration > 0 ? duration : undefined;
}

export function currentTimeOf(player: Player): number {
  const time = player.currentTime();
  return typeof time === 'number' && Number.isFinite(time) ? time : 0;
}

const NO_SOURCE: SpriteSource = Object.freeze({});

/**
 * The source object the player holds now (one shared `{}` before any source); extra properties
 * are kept by video.js. `player.src()` replaces it at once, before any event: a new object
 * means a new source.
 */
export function currentSourceOf(player: Player): SpriteSource {
  const source = player.currentSource() as unknown;
  return source && typeof source === 'object' ? (source as SpriteSource) : NO_SOURCE;
}

export const formatTime = (seconds: number, guide: number): string => videojs.time.formatTime(seconds, guide);

/** The player built on (or from) the element with this id, if it exists and is not disposed. */
export function findPlayerById(id: string): Player | undefined {
  const byId = (videojs.getPlayers() as Record<string, Player | null | undefined>)[id];
  // The id may also belong to the <video> a player was built from (video.js renames it).
  const el = byId ? undefined : document.getElementById(id);
  const player = byId ?? (el ? videojs.getPlayer(el as HTMLElement) : undefined);
  return player && !isDisposed(player) ? player : undefined;
}

/** The player whose element contains `node`, if any. */
export function findPlayerAround(node: Element): Player | undefined {
  for (let el: Element | null = node.parentElement; el; el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null)) {
    const player = (el as unknown as { player?: Player }).player;
    if (player?.el?.() === el && !isDisposed(player)) return player;
  }
  return undefined;
}

/** Call `listener` for every player set up from now on; returns the function that stops it. */
export function onPlayerSetup(listener: (player: Player) => void): () => void {
  videojs.hook('setup', listener);
  return () => videojs.removeHook('setup', listener);
}

let sourceListener: ((player: Player, source: SpriteSource) => void) | undefined;

/**
 * Source changes, seen through a pass-through video.js middleware: its `setSource` gets the
 * source object given to `player.src()` including our `spriteEvent`, before the tech loads it.
 * One listener for the page (the binding registry routes it to the player's element).
 */
export function onSourceChange(listener: (player: Player, source: SpriteSource) => void): void {
  if (!sourceListener) {
    videojs.use('*', (player: Player) => ({
      setSource(source: SpriteSource, next: (error: unknown, source: SpriteSource) => void) {
        try {
          sourceListener?.(player, source);
        } catch (error) {
          console.warn('vod-sprite-thumbnails:', error);
        }
        next(null, source);
      },
    }));
  }
  sourceListener = listener;
}

/**
 * Advanced plugins answer a second `player.name(options)` with the first instance and drop
 * the options. Once video.js has installed that accessor (it fires `pluginsetup:<name>`
 * right after), replace it with one that hands new options to the instance.
 */
export function acceptOptionsOnRecall<T>(player: Player, name: string, instance: T, update: (options: unknown) => void): void {
  player.one(`pluginsetup:${name}`, () => {
    (player as unknown as Record<string, unknown>)[name] = (options?: unknown) => {
      if (options !== undefined) update(options);
      return instance;
    };
  });
}

/** True while video.js shows its control bar (its CSS rules, asked through the player API). */
export function controlBarShown(player: Player): boolean {
  const started = (player as unknown as { hasStarted(): boolean }).hasStarted() || player.hasClass('vjs-audio-only-mode');
  return !!player.controls() && !!started && !(player.userActive() === false && !player.paused());
}

/**
 * The cues of the player's text track of kind `chapters`, as `{ start, end, text }` (the raw
 * cue text), given to `use` when they are loaded (and again when they change).
 */
export function chaptersTrackOf(player: Player, signal: AbortSignal, use: (cues: Array<{ start: number; end: number; text: string }>) => void): void {
  const tracks = player.textTracks() as unknown as TextTrackList & EventTarget;
  const read = () => {
    if (signal.aborted) return;
    const track = Array.from(tracks).find((each) => each.kind === 'chapters');
    if (!track) return;
    if (track.mode === 'disabled') track.mode = 'hidden';
    const cues = Array.from(track.cues ?? []) as VTTCue[];
    if (cues.length) use(cues.map((cue) => ({ start: cue.startTime, end: cue.endTime, text: cue.text })));
  };
  // video.js's own track lists ignore `{ signal }`: take the listeners off by hand.
  for (const type of ['addtrack', 'change']) {
    tracks.addEventListener(type, read);
    signal.addEventListener('abort', () => tracks.removeEventListener(type, read), { once: true });
  }
  // Cues arrive when the track file has loaded.
  const els = (player as unknown as { remoteTextTrackEls(): ArrayLike<HTMLTrackElement> }).remoteTextTrackEls();
  for (const el of [...Array.from(els), ...playerEl(player).querySelectorAll('track')]) el.addEventListener?.('load', read, { signal });
  player.ready(read);
  player.one('loadedmetadata', read);
}
