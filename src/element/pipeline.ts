/**
 * The element's load pipeline: payload → sprite results → VTT → track, then sheets on demand.
 * One AbortController per run: a new run (source change, new payload, detach) aborts the old
 * one, and a stale run's result is dropped.
 */
import { SheetCache } from '../load/sheets.js';
import { ThumbnailLoadError } from '../parse/errors.js';
import type { ThumbnailTrack } from '../parse/track.js';
import type { SpriteInfo, ThumbnailCue } from '../parse/types.js';
import { isHttpUrl, lastPathSegment } from '../parse/urls.js';
import { type PayloadSpec, spritesOf, type TrackOptions, trackOf } from './source.js';

export type ThumbnailsState = 'empty' | 'loading' | 'ready' | 'error';
export type ThumbnailsErrorStage = 'payload' | 'vtt' | 'image' | 'chapters';

/** Largest tile side drawn (px): past it a canvas cannot hold it. */
const MAX_TILE = 16384;

/** Signed sheet URLs are refreshed at most this often. */
const REFRESH_MS = 60_000;

export interface PipelineHost {
  options(): TrackOptions & { lazy: boolean; preloadAll: boolean; refresh: (() => Promise<unknown>) | null };
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
  sprites: SpriteInfo[] = [];
  sheets = new SheetCache();
  /** Stage of the last failure (an `image` failure keeps the track usable). */
  failed: ThumbnailsErrorStage | undefined;
  readonly failedSheets = new Set<string>();
  private run: AbortController | undefined;
  /** Sheet URL → the refreshed (re-signed) URL to load it from. */
  private readonly aliases = new Map<string, string>();
  private readonly retried = new Set<string>();
  private refreshedAt = -Infinity;
  private refreshing: Promise<boolean> | undefined;
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
    this.run?.abort();
    this.run = undefined;
    this.track = this.info = undefined;
    this.failed = undefined;
    this.failedSheets.clear();
    this.aliases.clear();
    this.retried.clear();
    if (!spec) {
      this.sheets.retain([]);
      return this.host.state('empty');
    }
    const run = new AbortController();
    this.run = run;
    void this.start(spec, run.signal);
  }

  dispose(): void {
    this.load(undefined);
    this.sheets.dispose();
    this.sheets = new SheetCache();
    this.opened = false;
    this.gate = Promise.withResolvers<void>();
  }

  private async start(spec: PayloadSpec, signal: AbortSignal): Promise<void> {
    const options = this.host.options();
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
      const info = sprites[0]!;
      stage = 'vtt';
      const track = await trackOf(info, { ...options, allowed }, signal);
      signal.throwIfAborted();
      this.track = track;
      this.info = info;
      this.sprites = sprites;
      this.sheets.retain(track.sheets);
      this.host.state('ready');
      this.host.ready(track, info, input);
      if (options.preloadAll) for (const url of track.sheets) if (!signal.aborted) await this.loadSheet(url);
    } catch (error) {
      if (!signal.aborted) this.fail(asError(error), stage);
    }
  }

  private fail(error: Error, stage: ThumbnailsErrorStage): void {
    this.failed = stage;
    this.host.state('error');
    this.host.fail(error, stage);
  }

  /** The sheet of `url` and its neighbours (`neighbours` false on save-data connections). */
  want(url: string, neighbours: boolean): void {
    const sheets = this.track?.sheets;
    if (!sheets) return;
    if (!this.sheets.has(url)) void this.loadSheet(url);
    if (!neighbours) return;
    const at = sheets.indexOf(url);
    for (const next of [sheets[at + 1], sheets[at - 1]]) if (next && !this.sheets.has(next) && isHttpUrl(next)) void this.loadSheet(next);
  }

  /** Load one sheet; a failure is reported once per video and leaves the time to video.js's tooltip. */
  private loadSheet(url: string): Promise<void> {
    const run = this.run;
    if (this.failedSheets.has(url)) return Promise.resolve();
    return this.sheets.load(url, this.aliases.get(url)).then(
      () => {
        if (run === this.run) this.host.sheetLoaded();
      },
    ).catch(async (error: unknown) => {
      if (run !== this.run || this.failedSheets.has(url)) return;
      // A signed URL that stopped loading (expired): new URLs from the app, then one retry.
      if (!this.retried.has(url) && (this.aliases.get(url) ?? url).includes('?') && (await this.refresh([url])) && run === this.run) {
        this.retried.add(url);
        return this.loadSheet(url);
      }
      if (run !== this.run || this.failedSheets.has(url)) return;
      this.failedSheets.add(url);
      // One report per video: a CDN that refuses one sheet usually refuses them all.
      if (this.failed !== 'image') this.fail(asError(error), 'image');
      else this.host.sheetLoaded();
    });
  }

  /**
   * Ask the app for fresh URLs (`refreshEvent`, at most once a minute; one call serves the
   * sheets failing meanwhile) and swap them in by file name: the track and loaded sheets stay.
   */
  private refresh(urls: string[]): Promise<boolean> {
    this.host.expired(urls);
    const refresh = this.host.options().refresh;
    if (!refresh || !this.info) return Promise.resolve(false);
    if (this.refreshing) return this.refreshing;
    if (performance.now() - this.refreshedAt < REFRESH_MS) return Promise.resolve(false);
    this.refreshedAt = performance.now();
    const info = this.info;
    const run = this.run;
    this.refreshing = (async () => {
      try {
        const { sprites } = await spritesOf({ payload: await refresh() }, { ...this.host.options(), allowed: async () => {} }, run!.signal);
        const fresh = sprites.find((sprite) => sprite.definition === info.definition) ?? sprites[0]!;
        const byName = new Map(fresh.imageUrls.map((next) => [lastPathSegment(next), next]));
        for (const sheet of this.track?.sheets ?? []) {
          const next = byName.get(lastPathSegment(sheet));
          if (next && next !== sheet) this.aliases.set(sheet, next);
        }
        return true;
      } catch (error) {
        console.warn(`vod-sprite-thumbnails: refreshEvent failed: ${asError(error).message}`);
        return false;
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
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
