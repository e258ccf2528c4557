import { css, html, LitElement, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { gridTrack } from '../parse/grid.js';
import { SpriteEventError } from '../parse/errors.js';
import { fetchText } from '../load/fetch-text.js';
import { SheetCache } from '../load/sheets.js';
import { parseSpriteEvent } from '../parse/payload.js';
import { PlayerController, type PreviewRequest } from '../player/binding.js';
import { isHttpUrl, shouldUpgrade, upgradeUrl } from '../parse/urls.js';
import type { ThumbnailTrack } from '../parse/track.js';
import type { GridOptions, SpriteInfo, ThumbnailCue } from '../parse/types.js';
import { durationOf, formatTime, type Player, type SpriteSource } from '../player/videojs-internals.js';
import { parseThumbnailVtt } from '../parse/thumbnail-vtt.js';

export type ThumbnailsState = 'empty' | 'loading' | 'ready' | 'error';
export type ThumbnailsPreload = 'none' | 'hover' | 'auto';
export type ThumbnailsErrorStage = 'payload' | 'vtt' | 'image';

export interface ThumbnailsReadyDetail {
  cues: readonly ThumbnailCue[];
  sheets: readonly string[];
}

export interface ThumbnailsErrorDetail {
  error: Error;
  stage: ThumbnailsErrorStage;
}

/** What one payload comes from: inline (object or JSON text) or a URL. */
type PayloadSpec = { payload: unknown } | { url: string };

/** `show-time="false"` turns it off; absent or any other value means on. */
const booleanDefaultTrue = {
  fromAttribute: (value: string | null) => value === null || value.trim().toLowerCase() !== 'false',
  toAttribute: (value: boolean) => (value ? '' : 'false'),
};

const gridConverter = {
  fromAttribute(value: string | null): GridOptions | null {
    if (!value) return null;
    try {
      return JSON.parse(value) as GridOptions;
    } catch {
      console.warn(`vod-sprite-thumbnails: ignoring the grid attribute, it is not JSON: ${value}`);
      return null;
    }
  },
};

function samePayload(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a == null || b == null) return false;
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

/**
 * One spelling per source URL: video.js reports the same source as given to `player.src()`
 * (maybe relative) or as the media element resolved it (absolute), e.g. for `<source>` markup.
 */
function sourceId(src: string | undefined): string {
  if (!src) return '';
  try {
    return new URL(src, document.baseURI).href;
  } catch {
    return src;
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

interface Gate {
  promise: Promise<void>;
  opened: boolean;
  open(): void;
}

function createGate(): Gate {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  const gate: Gate = {
    promise,
    opened: false,
    open() {
      gate.opened = true;
      resolve();
    },
  };
  return gate;
}

function saveData(): boolean {
  return (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;
}

/** What the shadow DOM shows, computed before each render. */
interface View {
  request: PreviewRequest;
  label: string | undefined;
  /** The cue drawn on the canvas (may be the previous one while the new sheet decodes). */
  tile: { cue: ThumbnailCue; image: HTMLImageElement } | undefined;
}

/**
 * Thumbnail previews for a video.js 8 seek bar, from a Tencent Cloud VOD
 * `CreateImageSpriteComplete` event (or any other payload shape the package accepts).
 *
 * ```html
 * <video id="player" class="video-js" controls></video>
 * <vod-sprite-thumbnails for="player" event-src="/sprite-event.json"></vod-sprite-thumbnails>
 * ```
 *
 * While attached, the element lives inside the player element (it moves itself there), so the
 * preview also shows in fullscreen.
 *
 * @tagname vod-sprite-thumbnails
 * @fires vod-thumbnails-ready - The thumbnails are ready. `detail: { cues, sheets }`.
 * @fires vod-thumbnails-error - Something failed; the player keeps working. `detail: { error, stage }`,
 *   `stage` being `'payload'`, `'vtt'` or `'image'`.
 *
 * @csspart thumbnail - The box showing the tile (holds a `<canvas>`).
 * @csspart time - The time label.
 *
 * @cssproperty [--vod-thumbnails-max-width=33cqw] - Largest preview width when `width` is not set (`cqw` = % of the player width).
 * @cssproperty [--vod-thumbnails-border=1px solid rgb(255 255 255 / 0.85)] - Border of the thumbnail box.
 * @cssproperty [--vod-thumbnails-radius=4px] - Corner radius of the thumbnail box and the label.
 * @cssproperty [--vod-thumbnails-shadow=0 2px 10px rgb(0 0 0 / 0.5)] - Shadow of the thumbnail box.
 * @cssproperty [--vod-thumbnails-background=#000] - Background behind the tile.
 * @cssproperty [--vod-thumbnails-font=600 12px/1.3 Arial, Helvetica, sans-serif] - Font of the time label.
 * @cssproperty [--vod-thumbnails-color=#fff] - Colour of the time label.
 * @cssproperty [--vod-thumbnails-label-background=rgb(0 0 0 / 0.75)] - Background of the time label.
 * @cssproperty [--vod-thumbnails-offset=10px] - Gap between the top of the seek bar and the preview.
 */
export class VodSpriteThumbnails extends LitElement {
  static override styles = css`
    :host {
      --vod-thumbnails-max-width: 33cqw;
      --vod-thumbnails-border: 1px solid rgb(255 255 255 / 0.85);
      --vod-thumbnails-radius: 4px;
      --vod-thumbnails-shadow: 0 2px 10px rgb(0 0 0 / 0.5);
      --vod-thumbnails-background: #000;
      --vod-thumbnails-font: 600 12px/1.3 Arial, Helvetica, sans-serif;
      --vod-thumbnails-color: #fff;
      --vod-thumbnails-label-background: rgb(0 0 0 / 0.75);
      --vod-thumbnails-offset: 10px;
      position: absolute;
      inset: 0;
      display: block;
      overflow: visible;
      pointer-events: none;
      z-index: 2;
      container-type: inline-size;
    }
    :host([hidden]) {
      display: none;
    }
    .preview {
      position: absolute;
      left: 0;
      bottom: 0;
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 4px;
    }
    [hidden] {
      display: none !important;
    }
    .thumbnail {
      box-sizing: content-box;
      width: var(--_width);
      aspect-ratio: var(--_ratio);
      max-width: calc(100cqw - 2px);
      border: var(--vod-thumbnails-border);
      border-radius: var(--vod-thumbnails-radius);
      box-shadow: var(--vod-thumbnails-shadow);
      background: var(--vod-thumbnails-background);
      overflow: hidden;
    }
    canvas {
      display: block;
      width: 100%;
      height: 100%;
    }
    .time {
      font: var(--vod-thumbnails-font);
      color: var(--vod-thumbnails-color);
      background: var(--vod-thumbnails-label-background);
      border-radius: var(--vod-thumbnails-radius);
      padding: 2px 6px;
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
  `;

  /** Id of the video.js player element (or of the `<video>` it was built from). Optional inside the player element. */
  @property({ reflect: true }) for: string | null = null;

  /** The payload: attribute = JSON text; property = object or JSON text. */
  @property({ attribute: 'event' }) event: unknown = null;

  /** URL of a JSON document holding the payload; URLs inside it resolve against this URL. */
  @property({ attribute: 'event-src' }) eventSrc: string | null = null;

  /** Pick the sprite result of this FileId when the payload holds several. */
  @property({ attribute: 'file-id' }) fileId: string | null = null;

  /** Pick the sprite result of this template Definition when the payload holds several. */
  @property() definition: string | number | null = null;

  /** Preview width in CSS pixels (default: the tile's own width, shrunk to fit small players). */
  @property({ type: Number }) width: number | null = null;

  /** Show the time label (`show-time="false"` hides it). */
  @property({ attribute: 'show-time', converter: booleanDefaultTrue }) showTime = true;

  /** `none`: nothing loads before the first interaction; `hover`: the VTT on attach, sheets on first use; `auto`: everything. */
  @property() preload: ThumbnailsPreload = 'hover';

  /** Load `http:` URLs as `https:` on https pages (`upgrade-insecure="false"` turns it off). */
  @property({ attribute: 'upgrade-insecure', converter: booleanDefaultTrue }) upgradeInsecure = true;

  /** Fallback when the VTT cannot be fetched: tiles laid out over the sheets (attribute: JSON). */
  @property({ attribute: 'grid', converter: gridConverter }) grid: GridOptions | null = null;

  /** `empty` | `loading` | `ready` | `error` (also reflected as the `state` attribute). */
  get state(): ThumbnailsState {
    return this.currentState;
  }

  /** The last failure, or null. */
  get error(): Error | null {
    return this.lastError;
  }

  /** The player this element is attached to, if any. */
  get player(): Player | undefined {
    return this.controller.player;
  }

  private currentState: ThumbnailsState = 'empty';
  private lastError: Error | null = null;
  private lastStage: ThumbnailsErrorStage | undefined;

  private readonly controller = new PlayerController(this, {
    attached: () => this.attached(),
    detached: () => this.detached(),
    preview: (request) => this.previewRequested(request),
    sourceChanged: (source) => this.sourceChanged(source),
  });

  private sheets = new SheetCache();
  private track: ThumbnailTrack | undefined;
  private generation = 0;
  private abort: AbortController | undefined;
  private reloadPending = false;
  /** Resolves on the first interaction; lazy modes wait for it before any request. */
  private gate: Gate | undefined;
  /** The payload carried by the player's current source (`player.src({ spriteEvent })`). */
  private sourcePayload: { value: unknown } | undefined;
  /** The player's source changed to one without a payload: show nothing. */
  private sourceCleared = false;
  private sourceKey = '';
  private request: PreviewRequest | undefined;
  private view: View | undefined;
  private drawn: { cue: ThumbnailCue; image: HTMLImageElement } | undefined;
  private readonly failedSheets = new Set<string>();
  private scratch: HTMLCanvasElement | undefined;

  @query('.preview') private previewEl!: HTMLElement | null;
  @query('.thumbnail') private thumbnailEl!: HTMLElement | null;
  @query('canvas') private canvas!: HTMLCanvasElement | null;

  /** Show the given payload (object or JSON text), replacing any other. */
  load(payload: unknown): void {
    this.eventSrc = null;
    this.event = payload;
    // Wins over the current source's payload, even when `event` already held this object.
    this.sourcePayload = undefined;
    this.sourceCleared = false;
    this.scheduleReload();
  }

  /** Remove the thumbnails until a new payload is given. */
  clear(): void {
    this.event = null;
    this.eventSrc = null;
    this.sourcePayload = undefined;
    this.sourceCleared = false;
    this.scheduleReload();
  }

  override render() {
    const view = this.view;
    return html`<div class="preview" ?hidden=${!view || (!view.tile && view.label === undefined)}>
      <div class="thumbnail" part="thumbnail" ?hidden=${!view?.tile}><canvas></canvas></div>
      <div class="time" part="time" ?hidden=${view?.label === undefined}>${view?.label ?? ''}</div>
    </div>`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.hasUpdated) {
      if (changed.has('for')) this.controller.retarget();
      if (changed.has('event') || changed.has('eventSrc')) {
        // A payload given to the element replaces the one of the current source.
        this.sourcePayload = undefined;
        this.sourceCleared = false;
        this.reloadPending = true;
      }
    }
    if (
      changed.has('event') ||
      changed.has('eventSrc') ||
      changed.has('fileId') ||
      changed.has('definition') ||
      changed.has('grid') ||
      changed.has('upgradeInsecure') ||
      changed.has('preload')
    ) {
      this.reloadPending = true;
    }
    if (this.reloadPending) {
      this.reloadPending = false;
      this.reload();
    }
    this.view = this.computeView();
  }

  protected override updated(): void {
    if (this.getAttribute('state') !== this.currentState) this.setAttribute('state', this.currentState);
    this.controller.setTimeLabelShown(this.view?.label !== undefined);
    this.paint();
  }

  private scheduleReload(): void {
    this.reloadPending = true;
    this.requestUpdate();
  }

  private setState(state: ThumbnailsState): void {
    this.currentState = state;
    this.requestUpdate();
  }

  // ---- player ----

  private attached(): void {
    this.sheets = new SheetCache();
    const source = this.controller.currentSource();
    this.sourceKey = sourceId(source.src);
    this.sourcePayload = source.spriteEvent != null ? { value: source.spriteEvent } : undefined;
    this.sourceCleared = false;
    this.scheduleReload();
  }

  private detached(): void {
    this.generation++;
    this.abort?.abort();
    this.abort = undefined;
    this.sheets.dispose();
    this.track = undefined;
    this.drawn = undefined;
    this.request = undefined;
    this.gate?.open();
    this.gate = undefined;
    this.lastError = null;
    this.setState('empty');
  }

  private sourceChanged(source: SpriteSource): void {
    const src = sourceId(source.src);
    const payload = source.spriteEvent ?? undefined;
    const previous = this.sourceKey;
    if (src === previous && samePayload(payload, this.sourcePayload?.value)) return;
    this.sourceKey = src;
    if (payload !== undefined) {
      this.sourcePayload = { value: payload };
      this.sourceCleared = false;
    } else {
      const hadSourcePayload = this.sourcePayload !== undefined;
      this.sourcePayload = undefined;
      // The element's own payload describes the first source the player gets.
      if (!hadSourcePayload && previous === '') return;
      this.sourceCleared = true;
    }
    // Clear right away (never a stale preview), then load the new one.
    this.reload();
    this.requestUpdate();
  }

  // ---- loading ----

  private currentSpec(): PayloadSpec | undefined {
    if (this.sourcePayload) return { payload: this.sourcePayload.value };
    if (this.sourceCleared) return undefined;
    if (this.event != null && this.event !== '') return { payload: this.event };
    if (this.eventSrc) return { url: this.eventSrc };
    return undefined;
  }

  private lazy(): boolean {
    return this.preload === 'none' || saveData();
  }

  private reload(): void {
    const generation = ++this.generation;
    this.abort?.abort();
    this.abort = undefined;
    this.track = undefined;
    this.drawn = undefined;
    this.failedSheets.clear();
    this.lastError = null;
    this.lastStage = undefined;
    // Let a run still waiting for the first interaction finish (it sees it is stale and stops).
    this.gate?.open();
    this.gate = undefined;
    const spec = this.currentSpec();
    if (!this.controller.player || !spec) {
      this.sheets.retain([]);
      this.setState('empty');
      return;
    }
    this.setState('loading');
    this.abort = new AbortController();
    void this.run(spec, generation, this.abort.signal);
  }

  /**
   * Lazy modes (`preload="none"`, save-data) load nothing before the first interaction: until
   * then the state is `empty`. False when the load went stale meanwhile.
   */
  private async interactionAllows(stale: () => boolean): Promise<boolean> {
    if (!this.lazy() || this.gate?.opened) return !stale();
    this.setState('empty');
    this.gate ??= createGate();
    await this.gate.promise;
    if (stale()) return false;
    this.setState('loading');
    return true;
  }

  private async run(spec: PayloadSpec, generation: number, signal: AbortSignal): Promise<void> {
    const stale = () => generation !== this.generation;
    let stage: ThumbnailsErrorStage = 'payload';
    try {
      let input: unknown;
      let baseUrl = document.baseURI;
      if ('url' in spec) {
        if (!(await this.interactionAllows(stale))) return;
        const url = new URL(spec.url, document.baseURI).href;
        const response = await fetchText(url, signal, 'sprite event JSON');
        if (stale()) return;
        input = response.text;
        baseUrl = response.url;
      } else {
        input = spec.payload;
      }
      const info = this.pickSprite(input, baseUrl);
      const upgrade = shouldUpgrade({ upgradeInsecure: this.upgradeInsecure });
      stage = 'vtt';
      if (!(await this.interactionAllows(stale))) return;
      let track: ThumbnailTrack;
      try {
        const response = await fetchText(upgradeUrl(info.vttUrl, upgrade), signal, 'thumbnail WebVTT');
        if (stale()) return;
        track = parseThumbnailVtt(response.text, {
          vttUrl: response.url,
          imageUrls: info.imageUrls,
          upgradeInsecure: this.upgradeInsecure,
        });
      } catch (error) {
        if (stale() || isAbort(error) || !this.grid) throw error;
        // No usable VTT (no CORS on the CDN, 404, broken file): lay the tiles out from the grid.
        const duration = this.controller.player ? durationOf(this.controller.player) : undefined;
        const urls = info.imageUrls.map((url) => upgradeUrl(url, upgrade));
        track = gridTrack(urls, this.grid, duration === undefined ? {} : { duration });
      }
      this.ready(track, generation);
    } catch (error) {
      if (stale() || isAbort(error)) return;
      this.fail(asError(error), stage);
    }
  }

  private pickSprite(input: unknown, baseUrl: string): SpriteInfo {
    const options: { fileId?: string; definition?: number | string; baseUrl: string } = { baseUrl };
    if (this.fileId) options.fileId = this.fileId;
    if (this.definition !== null && this.definition !== '') options.definition = this.definition;
    const [info] = parseSpriteEvent(input as Parameters<typeof parseSpriteEvent>[0], options);
    if (!info) {
      throw new SpriteEventError(
        'no-sprite-data',
        `The payload holds no sprite result for file-id ${this.fileId ?? '(any)'} and definition ${this.definition ?? '(any)'}.`,
      );
    }
    return info;
  }

  private ready(track: ThumbnailTrack, generation: number): void {
    this.track = track;
    this.sheets.retain(track.sheets);
    this.setState('ready');
    this.dispatchEvent(
      new CustomEvent<ThumbnailsReadyDetail>('vod-thumbnails-ready', {
        detail: { cues: track.cues, sheets: track.sheets },
        bubbles: true,
        composed: true,
      }),
    );
    if (this.preload === 'auto' && !saveData()) void this.loadAllSheets(track, generation);
  }

  private async loadAllSheets(track: ThumbnailTrack, generation: number): Promise<void> {
    for (const url of track.sheets) {
      if (generation !== this.generation) return;
      await this.loadSheet(url, generation);
    }
  }

  /** Load one sheet; a failure is reported once and leaves the time label without a tile. */
  private loadSheet(url: string, generation: number): Promise<void> {
    if (this.failedSheets.has(url)) return Promise.resolve();
    return this.sheets.load(url).then(
      () => {
        if (generation === this.generation) this.requestUpdate();
      },
      (error: unknown) => {
        if (generation !== this.generation || this.failedSheets.has(url)) return;
        this.failedSheets.add(url);
        // One report per video: a CDN that refuses one sheet usually refuses them all.
        if (this.lastStage !== 'image') this.fail(asError(error), 'image');
        else this.requestUpdate();
      },
    );
  }

  private fail(error: Error, stage: ThumbnailsErrorStage): void {
    this.lastError = error;
    this.lastStage = stage;
    this.setState('error');
    console.warn(`vod-sprite-thumbnails (${stage}): ${error.message}`);
    this.dispatchEvent(
      new CustomEvent<ThumbnailsErrorDetail>('vod-thumbnails-error', {
        detail: { error, stage },
        bubbles: true,
        composed: true,
      }),
    );
  }

  // ---- preview ----

  private previewRequested(request: PreviewRequest | undefined): void {
    if (request) {
      // Belt and braces: a source change we were not told about must not show old tiles.
      const source = this.controller.currentSource();
      if (source.src && sourceId(source.src) !== this.sourceKey) this.sourceChanged(source);
      this.gate ??= createGate();
      this.gate.open();
    }
    this.request = request;
    this.requestUpdate();
  }

  private computeView(): View | undefined {
    const request = this.request;
    const track = this.track;
    const usable = this.currentState === 'ready' || (this.currentState === 'error' && this.lastStage === 'image');
    if (!request || !track || !usable) return undefined;
    const index = track.indexAt(request.time);
    const cue = track.cues[index];
    if (!cue) return undefined;
    // A sheet that failed: the player's own time tooltip serves, as after any other failure.
    if (this.failedSheets.has(cue.url)) return undefined;
    this.requestSheets(track, cue.url);
    let tile: View['tile'];
    const image = this.sheets.ready(cue.url);
    if (image) tile = { cue, image };
    else if (this.drawn && this.sheets.ready(this.drawn.cue.url)) tile = this.drawn; // keep the previous tile until the new sheet is decoded
    return {
      request,
      tile,
      label: this.showTime ? formatTime(request.time, request.duration) : undefined,
    };
  }

  /** The sheet under the pointer, plus its neighbours (not on save-data connections). */
  private requestSheets(track: ThumbnailTrack, url: string): void {
    const generation = this.generation;
    if (!this.sheets.has(url)) void this.loadSheet(url, generation);
    if (saveData()) return;
    const at = track.sheets.indexOf(url);
    for (const neighbour of [track.sheets[at + 1], track.sheets[at - 1]]) {
      if (neighbour && !this.sheets.has(neighbour) && isHttpUrl(neighbour)) void this.loadSheet(neighbour, generation);
    }
  }

  /** Size, draw and place the preview (after render, so layout is current). */
  private paint(): void {
    const view = this.view;
    const preview = this.previewEl;
    const box = this.thumbnailEl;
    const canvas = this.canvas;
    if (!view || !preview || !box || !canvas) return;
    const tile = view.tile;
    if (tile) {
      const { cue, image } = tile;
      const tileWidth = cue.w ?? image.naturalWidth;
      const tileHeight = cue.h ?? image.naturalHeight;
      const width =
        this.width && this.width > 0 ? `${this.width}px` : `min(${tileWidth}px, var(--vod-thumbnails-max-width))`;
      box.style.setProperty('--_width', width);
      box.style.setProperty('--_ratio', `${tileWidth} / ${tileHeight}`);
    }
    // One layout read for everything below.
    const host = this.getBoundingClientRect();
    const previewRect = preview.getBoundingClientRect();
    if (tile) {
      const dpr = window.devicePixelRatio || 1;
      const pixelWidth = Math.max(1, Math.round(box.clientWidth * dpr));
      const pixelHeight = Math.max(1, Math.round(box.clientHeight * dpr));
      const resized = canvas.width !== pixelWidth || canvas.height !== pixelHeight;
      if (resized) {
        canvas.width = pixelWidth;
        canvas.height = pixelHeight;
      }
      if (resized || this.drawn?.cue !== tile.cue || this.drawn.image !== tile.image) {
        const context = canvas.getContext('2d');
        if (context) {
          context.imageSmoothingEnabled = true;
          context.imageSmoothingQuality = 'high';
          context.clearRect(0, 0, pixelWidth, pixelHeight);
          context.drawImage(this.tileSource(tile), 0, 0, pixelWidth, pixelHeight);
        }
        this.drawn = tile;
      }
    }
    const { clientX, barTop, playerRect } = view.request;
    const width = previewRect.width;
    const left = Math.min(Math.max(clientX - width / 2, playerRect.left), Math.max(playerRect.left, playerRect.right - width));
    preview.style.left = `${left - host.left}px`;
    preview.style.bottom = `calc(${host.bottom - barTop}px + var(--vod-thumbnails-offset))`;
  }

  /**
   * The tile alone, copied 1:1 out of its sheet: scaling straight from the sheet with a
   * source rectangle lets the filter sample the neighbouring tile at the edges (Chromium does).
   */
  private tileSource(tile: { cue: ThumbnailCue; image: HTMLImageElement }): CanvasImageSource {
    const { cue, image } = tile;
    if (cue.w === undefined || cue.h === undefined) return image;
    this.scratch ??= document.createElement('canvas');
    const scratch = this.scratch;
    const width = Math.max(1, Math.round(cue.w));
    const height = Math.max(1, Math.round(cue.h));
    scratch.width = width;
    scratch.height = height;
    scratch.getContext('2d')?.drawImage(image, cue.x, cue.y, cue.w, cue.h, 0, 0, width, height);
    return scratch;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller.setTimeLabelShown(false);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vod-sprite-thumbnails': VodSpriteThumbnails;
  }
  interface GlobalEventHandlersEventMap {
    'vod-thumbnails-ready': CustomEvent<ThumbnailsReadyDetail>;
    'vod-thumbnails-error': CustomEvent<ThumbnailsErrorDetail>;
  }
}
