/**
 * Marks and chapters as the element sees them, without their code: annotations.ts (with the
 * marks and chapters parsers and the ticks) is imported only when a video has some (the
 * `marks` property, marks in the payload, a `chapters-src`, cues in the player's chapters
 * track), so an app's bundler makes it a chunk that a plain video never fetches. Until it is
 * there, there are no marks or chapters: what it would say too. A chunk that fails to load
 * leaves the preview without them (one warning, no error state); the next need tries again.
 */
import type { Chapter, KeyFrameMark } from '../parse/types.js';
import type { SeekLayout } from '../player/seek-input.js';
import { chaptersTrackOf, type Player } from '../player/videojs-internals.js';
import type { Annotations } from './annotations.js';
import { Announcer } from './announcer.js';

/** The keys parseKeyFrameMarks reads marks under (DescribeMediaInfos, the playback-info answer). */
const MARK_KEY = /^[Kk]eyFrameDesc/;

/**
 * Whether `payload` (a value or its JSON text) may hold key-frame marks: a key that names them
 * at any depth. A value that cannot be read says yes: the parser then gives the right answer.
 */
export function mayHoldMarks(payload: unknown): boolean {
  if (payload == null) return false;
  let found = false;
  try {
    const value: unknown = typeof payload === 'string' ? JSON.parse(payload.replace(/^\uFEFF/, '')) : payload;
    // The replacer sees every key, functions' too; once found, the rest is skipped.
    JSON.stringify(value, (key, item: unknown) => {
      found ||= MARK_KEY.test(key);
      return found ? undefined : item;
    });
    return found;
  } catch {
    return true;
  }
}

export class LazyAnnotations {
  private real: Annotations | undefined;
  private loading: Promise<Annotations | undefined> | undefined;
  private ticks: HTMLElement | undefined;
  private announcer: Announcer | undefined;
  private player: Player | undefined;
  private layout: SeekLayout | undefined;
  /** Waits for cues in the player's chapters track before loading anything. */
  private watch: AbortController | undefined;

  constructor(private readonly host: HTMLElement) {}

  get marks(): readonly KeyFrameMark[] {
    return this.real?.marks ?? [];
  }

  get chapters(): readonly Chapter[] {
    return this.real?.chapters ?? [];
  }

  get snapPx(): number {
    return this.real?.snapPx ?? 6;
  }

  /** The shadow DOM is there: the ticks' container and the live region. */
  bind(ticks: HTMLElement, live: HTMLElement): void {
    this.ticks = ticks;
    this.announcer = new Announcer(live);
    this.real?.bind(ticks);
  }

  /** Redraw for this player and layout (attach, layout change, control bar in or out). */
  place(player: Player | undefined, layout: SeekLayout | undefined): void {
    this.player = player;
    this.layout = layout;
    this.real?.place(player, layout);
  }

  /** Announce a keyboard preview (politely, only when it changes, at most every 500 ms). */
  say(text: string): void {
    this.announcer?.say(text);
  }

  /** Marks from `given` or else `payload` (see Annotations.setMarks); `done` gets a `bad-marks` error, if any, once they are set. */
  setMarks(given: unknown, payload: unknown, fileId: string | null, done: (error?: Error) => void): void {
    const apply = (real: Annotations) => {
      try {
        real.setMarks(given, payload, fileId);
      } catch (error) {
        return done(error as Error);
      }
      done();
    };
    this.whenLoaded(apply, given != null || mayHoldMarks(payload), done);
  }

  /** Chapters from `src`, or from the player's chapters track once it has cues (see Annotations.loadChapters). */
  loadChapters(src: string | null, player: Player | undefined, timeout: number, fail: (error: Error) => void): void {
    this.watch?.abort();
    const forward = (real: Annotations) => real.loadChapters(src, player, timeout, fail);
    if (this.real || this.loading || !player || src) {
      this.whenLoaded(forward, !!player && !!src);
      return;
    }
    const watch = new AbortController();
    this.watch = watch;
    chaptersTrackOf(player, watch.signal, () => {
      watch.abort();
      this.whenLoaded(forward, true);
    });
  }

  dispose(): void {
    this.watch?.abort();
    this.announcer?.dispose();
    this.player = this.layout = undefined;
    this.whenLoaded((real) => real.dispose(), false);
  }

  /** `use` the real thing now, or once it loads (in call order); `load` starts loading it; else (or if it fails) `otherwise`. */
  private whenLoaded(use: (real: Annotations) => void, load: boolean, otherwise?: () => void): void {
    if (this.real) {
      use(this.real);
      return;
    }
    if (load) this.loading ??= this.load();
    if (!this.loading) {
      otherwise?.();
      return;
    }
    void this.loading.then((real) => {
      if (real) use(real);
      else otherwise?.();
    });
  }

  private load(): Promise<Annotations | undefined> {
    return import('./annotations.js').then(
      ({ Annotations }) => {
        const real = new Annotations(this.host);
        if (this.ticks) real.bind(this.ticks);
        real.place(this.player, this.layout);
        this.real = real;
        return real;
      },
      (error: unknown) => {
        this.loading = undefined;
        console.warn(`vod-sprite-thumbnails: the marks and chapters code did not load; none are shown (${String(error)})`);
        return undefined;
      },
    );
  }
}
