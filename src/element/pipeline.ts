/**
 * The element's load pipeline: payload → sprite results → VTT → track, then sheets on demand.
 * One AbortController per run: a new run (source change, new payload, detach) aborts the old
 * one, and a stale run's result is dropped.
 */
import { SheetCache } from '../load/sheets.js';
import { ThumbnailLoadError } from '../parse/errors.js';
import type { ThumbnailTrack } from '../parse/track.js';
import type { SpriteInfo, ThumbnailCue } from '../parse/types.js';
import { isHttpUrl } from '../parse/urls.js';
import { Definitions } from './definitions.js';
import { SignedUrls } from './signed-urls.js';
import { type PayloadSpec, spritesOf, type TrackOptions, trackOf } from './source.js';

export type ThumbnailsState = 'empty' | 'loading' | 'ready' | 'error';
export type ThumbnailsErrorStage = 'payload' | 'vtt' | 'image' | 'chapters';

/** Largest tile side drawn (px): past it a canvas cannot hold it. */
const MAX_TILE = 16384;

export interface PipelineHost {
  /** The element's settings (`allowed`, when loading may go on, is the pipeline's own). */
  options(): Omit<TrackOptions, 'allowed'> & { lazy: boolean; preloadAll: boolean; refresh: (() => Promise<unknown>) | null; choose: boolean };
  /** Device px the preview's tile is drawn at (for the definition choice). */
  need(): number;
  /** The definition in use changed after ready. */
  definition(info: SpriteInfo): void;
  /** Sheets failed and their URLs look signed (`vod-thumbnails-expired`). */
  expired(urls: string[]): void;
  state(state: ThumbnailsState): void;
  ready(track: ThumbnailTrack, info: SpriteInfo, payload: unknown): void;
  fail(error: Error, stage: ThumbnailsErrorStage): void;
  /** A sheet finished loading (repaint). */
  sheetLoaded(): void;
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

export class Pipeline {
  track: ThumbnailTrack | undefined;
  info: SpriteInfo | undefined;
  definitions: Definitions | undefined;
  sheets = new SheetCache();
  /** Stage of the last failure (an `image` failure keeps the track usable). */
  failed: ThumbnailsErrorStage | undefined;
  readonly failedSheets = new Set<string>();
  private run: AbortController | undefined;
  private wanted: string | undefined;
  private retry = false;
  private held: ThumbnailTrack | undefined;
  private suspended = false;
  private readonly signed = new SignedUrls();
  private gate = Promise.withResolvers<void>();
  private opened = false;

  constructor(private readonly host: PipelineHost) {}

  /** The first interaction: lazy modes may load now. */
  open(): void {
    this.opened = true;
    this.gate.resolve();
  }

  /** Drop what is shown and load `spec` (nothing when undefined). */
  load(spec: PayloadSpec | undefined): void {
    // Loading again after a failure is a retry (the app gave the payload again).
    this.retry = this.failed !== undefined;
    this.run?.abort();
    this.run = undefined;
    this.track = this.info = this.definitions = this.held = undefined;
    this.suspended = false;
    this.failed = undefined;
    this.failedSheets.clear();
    this.wanted = undefined;
    this.signed.clear();
    if (!spec) {
      this.sheets.retain([]);
      this.host.state('empty');
      return;
    }
    const run = new AbortController();
    this.run = run;
    void this.start(spec, run.signal);
  }

  /** Show nothing, and stop loading, until `resume()` or the next `load()` (a source change is on its way). */
  suspend(): void {
    this.run?.abort();
    this.held ??= this.track;
    this.track = undefined;
    this.suspended = true;
    this.host.sheetLoaded();
  }

  /** The change was none after all: the track again; true when a suspended load must run again. */
  resume(): boolean {
    if (!this.suspended) return false;
    this.suspended = false;
    this.track = this.held;
    this.held = undefined;
    this.host.sheetLoaded();
    return !this.track;
  }

  dispose(): void {
    this.load(undefined);
    this.sheets.dispose();
    this.sheets = new SheetCache();
    this.opened = false;
    this.gate = Promise.withResolvers<void>();
  }

  private async start(spec: PayloadSpec, signal: AbortSignal): Promise<void> {
    const options = { ...this.host.options(), retry: this.retry };
    const lazy = options.lazy;
    this.host.state(lazy && !this.opened ? 'empty' : 'loading');
    const allowed = async () => {
      if (lazy && !this.opened) {
        await this.gate.promise;
        if (!signal.aborted) this.host.state('loading');
      }
      signal.throwIfAborted();
    };
    let stage: ThumbnailsErrorStage = 'payload';
    try {
      const { input, sprites } = await spritesOf(spec, { ...options, allowed }, signal);
      stage = 'vtt';
      const definitions = new Definitions(sprites, (each) => trackOf(each, { ...options, allowed }, signal));
      this.definitions = definitions;
      // Several sets and nothing picked by the app: the one sharp enough for this screen.
      if (options.choose && sprites.length > 1) await definitions.size();
      const info = definitions.pick(this.host.need()) ?? sprites[0]!;
      const track = await definitions.track(info);
      signal.throwIfAborted();
      this.track = track;
      this.info = info;
      this.sheets.retain(track.sheets);
      this.host.state('ready');
      this.host.ready(track, info, input);
      if (options.preloadAll) for (const url of track.sheets) if (!signal.aborted) await this.loadSheet(url);
    } catch (error) {
      if (!signal.aborted) this.fail(asError(error), stage);
    }
  }

  /**
   * Pick the definition again (screen density, fullscreen or preview width changed). The new
   * set's track replaces the old at the same time position; loaded sheets of both are kept.
   */
  async repick(): Promise<void> {
    const { definitions, run } = this;
    const next = definitions?.pick(this.host.need());
    if (!definitions || !next || next === this.info) return;
    try {
      const track = await definitions.track(next);
      if (run !== this.run || this.definitions !== definitions) return;
      this.track = track;
      this.info = next;
      this.host.definition(next);
    } catch {
      // That set's VTT failed now: keep the one in use.
    }
  }

  /** The track to draw `need` device px from (the scrub layer), if loaded; else it starts loading. */
  trackFor(need: number): ThumbnailTrack | undefined {
    const info = this.definitions?.pick(need);
    if (!info || info === this.info) return this.track;
    const loaded = this.definitions!.loaded.get(info);
    if (!loaded) void this.definitions!.track(info).catch(() => {});
    return loaded;
  }

  private fail(error: Error, stage: ThumbnailsErrorStage): void {
    this.failed = stage;
    this.host.state('error');
    this.host.fail(error, stage);
  }

  /** The sheet of `url` and its neighbours (`neighbours` false on save-data connections). */
  want(url: string, neighbours: boolean): void {
    const sheets = this.track?.sheets;
    // Asked once per sheet the pointer reaches, not once per frame.
    if (!sheets || url === this.wanted) return;
    this.wanted = url;
    if (!this.sheets.has(url)) void this.loadSheet(url);
    if (!neighbours) return;
    const at = sheets.indexOf(url);
    for (const next of [sheets[at + 1], sheets[at - 1]]) if (next && !this.sheets.has(next) && isHttpUrl(next)) void this.loadSheet(next);
  }

  /** Load one sheet; a failure is reported once per video and leaves the time to video.js's tooltip. */
  private loadSheet(url: string): Promise<void> {
    const run = this.run;
    if (this.failedSheets.has(url)) return Promise.resolve();
    const src = this.signed.src(url);
    return this.sheets.load(url, src).then(
      () => {
        if (run === this.run) this.host.sheetLoaded();
      },
    ).catch(async (error: unknown) => {
      if (run !== this.run || this.failedSheets.has(url)) return;
      // A signed URL that stopped loading (expired): new URLs from the app, then one retry.
      if (this.signed.retriable(url)) {
        this.host.expired([url]);
        const refresh = this.host.options().refresh;
        const sheets = [this.track, ...(this.definitions?.loaded.values() ?? [])].flatMap((track) => track?.sheets ?? []);
        const sprites = async (payload: unknown) => (await spritesOf({ payload }, { ...this.host.options(), allowed: async () => {} }, run!.signal)).sprites;
        if (refresh && (await this.signed.renew(url, src, sheets, refresh, sprites)) && run === this.run) return this.loadSheet(url);
      }
      if (run !== this.run || this.failedSheets.has(url)) return;
      this.failedSheets.add(url);
      // One report per video: a CDN that refuses one sheet usually refuses them all.
      if (this.failed !== 'image') this.fail(asError(error), 'image');
      else this.host.sheetLoaded();
    });
  }

  /** The decoded sheet of `cue`, when it is usable; a tile outside it or too large is an `image` error. */
  image(cue: ThumbnailCue): HTMLImageElement | undefined {
    const url = cue.url;
    const image = this.failedSheets.has(url) ? undefined : this.sheets.ready(url);
    if (!image || cue.w === undefined || cue.h === undefined) return image;
    if (cue.x + cue.w <= image.naturalWidth && cue.y + cue.h <= image.naturalHeight && cue.w <= MAX_TILE && cue.h <= MAX_TILE) return image;
    this.failedSheets.add(url);
    const error = new ThumbnailLoadError(
      'image-failed',
      url,
      `The tile #xywh=${cue.x},${cue.y},${cue.w},${cue.h} lies outside its ${image.naturalWidth}×${image.naturalHeight} sheet or is over ${MAX_TILE} px a side.`,
    );
    if (this.failed !== 'image') this.fail(error, 'image');
    return undefined;
  }
}
