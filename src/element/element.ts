import { html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { GridOptions, KeyFrameMark } from '../parse/types.js';
import type { Player } from '../player/videojs-internals.js';
import {
  booleanDefaultTrue,
  jsonAttribute,
  type ThumbnailsDefinitionDetail,
  type ThumbnailsErrorDetail,
  type ThumbnailsExpiredDetail,
  type ThumbnailsReadyDetail,
} from './events.js';
import type { ThumbnailsErrorStage, ThumbnailsState } from './pipeline.js';
import { Previews } from './previews.js';
import { styles } from './styles.js';

export type { ThumbnailsDefinitionDetail, ThumbnailsErrorDetail, ThumbnailsErrorStage, ThumbnailsExpiredDetail, ThumbnailsReadyDetail, ThumbnailsState };
export type ThumbnailsPreload = 'none' | 'hover' | 'auto';
export type ThumbnailsScrub = 'off' | 'touch' | 'always';


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
 * @fires vod-thumbnails-ready - The thumbnails are ready. `detail: { cues, sheets, definition, marks, chapters }`.
 * @fires vod-thumbnails-error - Something failed; the player keeps working. `detail: { error, stage }`.
 * @fires vod-thumbnails-expired - Signed sheet URLs stopped loading. `detail: { urls }`.
 * @fires vod-thumbnails-definition - The sprite definition in use changed. `detail: { definition }`.
 *
 * @csspart thumbnail - The box showing the tile (holds a `<canvas>`).
 * @csspart time - The time label.
 * @csspart text - The chapter title or key-frame mark text in the preview.
 * @csspart marks - The container of the ticks over the seek bar.
 * @csspart mark - One key-frame mark tick (`chapter` ticks are the chapter boundaries).
 * @csspart scrub - The full-size preview over the video while a drag lasts.
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
 * @cssproperty [--vod-thumbnails-mark-color=#ffd400] - Colour of the mark ticks.
 * @cssproperty [--vod-thumbnails-mark-width=4px] - Width of the mark ticks.
 * @cssproperty [--vod-thumbnails-chapter-gap=2px] - Width of the gap drawn at each chapter boundary.
 * @cssproperty [--vod-thumbnails-snap=6px] - How near (CSS px) a mark must be for the preview to snap to it.
 * @cssproperty [--vod-thumbnails-scrub-background=rgb(0 0 0 / 0.85)] - Behind the scrub layer's tile (letterbox).
 */
export class VodSpriteThumbnails extends LitElement {
  static override styles = styles;

  /** Id of the video.js player element (or of the `<video>` it was built from). Optional inside the player element. */
  @property({ reflect: true }) for: string | null = null;

  /** The payload: attribute = JSON text; property = object or JSON text. Assigning it again reloads (and retries failures). */
  @property({ hasChanged: () => true }) event: unknown = null;

  /** URL of a JSON document holding the payload; URLs inside it resolve against this URL. */
  @property({ attribute: 'event-src' }) eventSrc: string | null = null;

  /** Pick the sprite result of this FileId when the payload holds several. */
  @property({ attribute: 'file-id' }) fileId: string | null = null;

  /**
   * Set: pick the sprite result of this template Definition. Read after ready: the definition
   * in use (with several results and none picked, the one sharp enough for this screen).
   */
  @property()
  get definition(): string | number | null {
    return this.askedDefinition ?? this.previews.definition ?? null;
  }
  set definition(value: string | number | null) {
    const old = this.askedDefinition;
    this.askedDefinition = value;
    this.requestUpdate('definition', old);
  }

  /** Preview width in CSS pixels (default: the tile's own width, shrunk to fit small players). */
  @property({ type: Number }) width: number | null = null;

  /** Show the time label (`show-time="false"` hides it). */
  @property({ attribute: 'show-time', converter: booleanDefaultTrue }) showTime = true;

  /** `none`: nothing loads before the first interaction; `hover`: the VTT on attach, sheets on first use; `auto`: everything. */
  @property() preload: ThumbnailsPreload = 'hover';

  /** Load `http:` URLs as `https:` on https pages (`upgrade-insecure="false"` turns it off). */
  @property({ attribute: 'upgrade-insecure', converter: booleanDefaultTrue }) upgradeInsecure = true;

  /** Fallback when the VTT cannot be fetched: tiles laid out over the sheets (attribute: JSON). */
  @property({ converter: jsonAttribute }) grid: GridOptions | null = null;

  /** Milliseconds before a VTT, event-src or chapters fetch (or its stalled body) fails with code `timeout`. */
  @property({ type: Number }) timeout = 15000;

  /** URL of a WebVTT chapters file; default: the player's own `chapters` text track. */
  @property({ attribute: 'chapters-src' }) chaptersSrc: string | null = null;

  /** Key-frame marks `{ time, text }[]`; default: the marks in `event`. */
  @property({ attribute: false }) marks: KeyFrameMark[] | null = null;

  /** Called (at most once a minute) when signed sheet URLs stop loading; resolves with a fresh payload. */
  @property({ attribute: false }) refreshEvent: (() => Promise<unknown>) | null = null;

  /** The full-size preview over the video while dragging: `off`, `touch` (touch drags) or `always` (mouse drags too). */
  @property() scrub: ThumbnailsScrub = 'touch';

  /** `empty` | `loading` | `ready` | `error` (also reflected as the `state` attribute). */
  get state(): ThumbnailsState {
    return this.current;
  }

  /** The last failure, or null. */
  get error(): Error | null {
    return this.lastError;
  }

  /** The player this element is attached to, if any. */
  get player(): Player | undefined {
    return this.previews.player;
  }

  private askedDefinition: string | number | null = null;
  private current: ThumbnailsState = 'empty';
  private lastError: Error | null = null;
  private readonly previews: Previews = new Previews(this, () => this.askedDefinition, {
    state: (state) => {
      this.current = state;
      if (state !== 'error') this.lastError = null;
      this.setAttribute('state', state);
      // For the plugin's video.js state (not bubbling: nobody else needs it).
      this.dispatchEvent(new Event('vod-thumbnails-state'));
    },
    fail: (error, stage) => {
      this.lastError = error;
      this.current = 'error';
      this.setAttribute('state', 'error');
      this.dispatchEvent(new Event('vod-thumbnails-state'));
      console.warn(`vod-sprite-thumbnails (${stage}): ${error.message}`);
      this.emit<ThumbnailsErrorDetail>('vod-thumbnails-error', { error, stage });
    },
    emit: (type, detail) => this.emit(type, detail),
  });

  /** Show the given payload (object or JSON text), replacing any other. */
  load(payload: unknown): void {
    this.eventSrc = null;
    this.event = payload;
  }

  /** Remove the thumbnails until a new payload is given. */
  clear(): void {
    this.load(null);
  }

  override render() {
    return html`<div class="scrub" part="scrub" hidden><canvas></canvas></div>
      <div class="marks" part="marks" hidden></div>
      <div class="preview" hidden>
        <div class="text" part="text" dir="auto" hidden></div>
        <div class="thumbnail" part="thumbnail" hidden><canvas></canvas></div>
        <canvas class="time" part="time" hidden></canvas>
      </div>
      <div class="live" aria-live="polite"></div>
      <div class="probe"></div>`;
  }

  protected override firstUpdated(): void {
    this.previews.bind(this.renderRoot);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.previews.willUpdate(changed as PropertyValues, this.hasUpdated);
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.previews.updated(changed as PropertyValues);
  }

  private emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vod-sprite-thumbnails': VodSpriteThumbnails;
  }
}
