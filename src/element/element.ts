import { html, LitElement, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { GridOptions, KeyFrameMark } from '../parse/types.js';
import { onPlayer, PlayerBinding } from '../player/binding.js';
import { bindSeekInput, type SeekLayout, type SeekRequest } from '../player/seek-input.js';
import { controlBarShown, currentSourceOf, durationOf, type Player, progressParts } from '../player/videojs-internals.js';
import { Annotations } from './annotations.js';
import { booleanDefaultTrue, jsonAttribute, readyDetail, type ThumbnailsErrorDetail, type ThumbnailsExpiredDetail, type ThumbnailsReadyDetail } from './events.js';
import { Announcer, MarksLayer } from './marks.js';
import { Pipeline, type ThumbnailsErrorStage, type ThumbnailsState } from './pipeline.js';
import { previewFrame, saveData } from './frame.js';
import { type Frame, PreviewPainter } from './preview.js';
import { SourceChoice } from './source.js';
import { styles } from './styles.js';

export type { ThumbnailsErrorDetail, ThumbnailsErrorStage, ThumbnailsExpiredDetail, ThumbnailsReadyDetail, ThumbnailsState };
export type ThumbnailsPreload = 'none' | 'hover' | 'auto';


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
 *
 * @csspart thumbnail - The box showing the tile (holds a `<canvas>`).
 * @csspart time - The time label.
 * @csspart text - The chapter title or key-frame mark text in the preview.
 * @csspart marks - The container of the ticks over the seek bar.
 * @csspart mark - One key-frame mark tick (`chapter` ticks are the chapter boundaries).
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
  @property({ converter: jsonAttribute }) grid: GridOptions | null = null;

  /** Milliseconds before a VTT, event-src or chapters fetch (or its stalled body) fails with code `timeout`. */
  @property({ type: Number }) timeout = 15000;

  /** URL of a WebVTT chapters file; default: the player's own `chapters` text track. */
  @property({ attribute: 'chapters-src' }) chaptersSrc: string | null = null;

  /** Key-frame marks `{ time, text }[]`; default: the marks in `event`. */
  @property({ attribute: false }) marks: KeyFrameMark[] | null = null;

  /** Called (at most once a minute) when signed sheet URLs stop loading; resolves with a fresh payload. */
  @property({ attribute: false }) refreshEvent: (() => Promise<unknown>) | null = null;

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
    return this.binding.player;
  }

  private current: ThumbnailsState = 'empty';
  private lastError: Error | null = null;
  private readonly source = new SourceChoice();
  private layout: (() => SeekLayout) | undefined;
  private tooltips: ProgressParts['tooltips'] = [];

  private readonly binding = new PlayerBinding(this, {
    attached: (player, signal) => this.attached(player, signal),
    detached: () => {
      this.layout = undefined;
      this.painter?.dispose();
      this.showTooltips(true);
      this.tooltips = [];
      this.pipeline.dispose();
      this.lastError = null;
    },
    sourceChanged: (source) => {
      // Clear right away (never a stale preview), then load the new one.
      if (this.source.changed(source)) this.reload();
    },
  });

  private readonly pipeline = new Pipeline({
    options: () => ({
      fileId: this.fileId,
      definition: this.definition,
      grid: this.grid,
      upgradeInsecure: this.upgradeInsecure,
      timeout: this.timeout,
      duration: () => (this.player ? durationOf(this.player) : undefined),
      allowed: async () => {},
      lazy: this.preload === 'none' || saveData(),
      preloadAll: this.preload === 'auto' && !saveData(),
      refresh: this.refreshEvent,
    }),
    expired: (urls) => this.emit<ThumbnailsExpiredDetail>('vod-thumbnails-expired', { urls }),
    state: (state) => {
      this.current = state;
      if (state !== 'error') this.lastError = null;
      this.setAttribute('state', state);
      this.painter?.reset();
      // For the plugin's video.js state (not bubbling: nobody else needs it).
      this.dispatchEvent(new Event('vod-thumbnails-state'));
    },
    ready: (track, info, payload) => {
      this.emit('vod-thumbnails-ready', readyDetail(track, info, this.annotations));
      this.eventPayload = payload;
      this.updateMarks();
    },
    fail: (error, stage) => this.fail(error, stage),
    sheetLoaded: () => this.painter?.repaint(),
  });

  @query('.preview') private previewEl!: HTMLElement;
  private painter: PreviewPainter<SeekRequest> | undefined;
  private marksLayer: MarksLayer | undefined;
  private announcer: Announcer | undefined;
  private eventPayload: unknown;
  private snapPx = 6;
  private readonly annotations = new Annotations(() => this.drawMarks());

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
    return html`<div class="marks" part="marks" hidden></div>
      <div class="preview" hidden>
        <div class="text" part="text" dir="auto" hidden></div>
        <div class="thumbnail" part="thumbnail" hidden><canvas></canvas></div>
        <div class="time" part="time" hidden></div>
      </div>
      <div class="live" aria-live="polite"></div>`;
  }

  protected override firstUpdated(): void {
    const root = this.renderRoot;
    const part = (name: string) => root.querySelector(`[part="${name}"]`) as HTMLElement;
    this.painter = new PreviewPainter<SeekRequest>(
      { preview: this.previewEl, thumbnail: part('thumbnail'), canvas: root.querySelector('canvas')!, time: part('time'), text: part('text') },
      (request) => this.frameOf(request),
      (shown) => this.showTooltips(!shown),
    );
    this.marksLayer = new MarksLayer(part('marks'));
    this.announcer = new Announcer(root.querySelector('.live')!);
    this.drawMarks();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.hasUpdated) {
      if (changed.has('for')) this.binding.retarget();
      if (changed.has('event') || changed.has('eventSrc')) this.source.given();
    }
    // One reload per update, however many inputs changed (attaching asks for one too).
    if (this.reloadPending || (['event', 'eventSrc', 'fileId', 'definition', 'grid', 'upgradeInsecure', 'preload'] as const).some((key) => changed.has(key))) {
      this.reload();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('showTime')) this.painter?.repaint();
    if (changed.has('marks')) this.updateMarks();
    if (changed.has('chaptersSrc') && this.hasUpdated) this.loadChapters();
  }

  private updateMarks(): void {
    try {
      this.annotations.setMarks(this.marks, this.eventPayload);
    } catch (error) {
      this.fail(error as Error, 'payload');
    }
  }

  private loadChapters(): void {
    this.annotations.loadChapters(this.chaptersSrc, this.player, this.timeout, (error) => this.fail(error, 'chapters'));
  }

  private drawMarks(): void {
    const player = this.player;
    this.snapPx = Number.parseFloat(getComputedStyle(this).getPropertyValue('--vod-thumbnails-snap')) || 6;
    this.marksLayer?.update(this.annotations.marks, this.annotations.chapters, player && durationOf(player), this.layout?.(), !!player && controlBarShown(player));
  }

  private fail(error: Error, stage: ThumbnailsErrorStage): void {
    this.lastError = error;
    this.current = 'error';
    this.setAttribute('state', 'error');
    this.dispatchEvent(new Event('vod-thumbnails-state'));
    console.warn(`vod-sprite-thumbnails (${stage}): ${error.message}`);
    this.emit<ThumbnailsErrorDetail>('vod-thumbnails-error', { error, stage });
  }

  private attached(player: Player, signal: AbortSignal): void {
    this.source.reset(currentSourceOf(player));
    this.reloadPending = true;
    this.requestUpdate();
    // A plugin set up through the player options runs before the control bar exists.
    const bind = () => {
      const parts = progressParts(player);
      if (!parts || signal.aborted) return;
      this.tooltips = parts.tooltips;
      this.layout = bindSeekInput(player, parts, signal, (request) => this.request(request), () => this.drawMarks()).layout;
      this.drawMarks();
    };
    if (progressParts(player)) bind();
    else player.ready(bind);
    this.loadChapters();
    // Ticks follow video.js's control bar in and out; they move only when the layout does.
    const controlEvents = ['useractive', 'userinactive', 'play', 'pause', 'ended', 'controlsenabled', 'controlsdisabled', 'durationchange', 'loadedmetadata'];
    onPlayer(player, controlEvents, () => this.drawMarks(), signal);
  }

  private reloadPending = false;

  private reload(): void {
    this.reloadPending = false;
    this.pipeline.load(this.player ? this.source.spec(this.event, this.eventSrc) : undefined);
  }

  private request(request: SeekRequest | undefined): void {
    if (request && !this.pipeline.track) {
      // Belt and braces: a source change we were not told about must not show old tiles.
      const source = this.player && currentSourceOf(this.player);
      if (source && this.source.stale(source) && this.source.changed(source)) this.reload();
    }
    if (request) this.pipeline.open();
    this.painter?.show(request);
  }

  /** What to show for `request` (once per frame, from the painter's rAF). */
  private frameOf(request: SeekRequest): Frame | undefined {
    const player = this.player;
    const duration = player && durationOf(player);
    const layout = this.layout?.();
    if (!duration || !layout) return undefined;
    const frame = previewFrame(request, { ...this.annotations, duration, layout, snapPx: this.snapPx, showTime: this.showTime, width: this.width }, this.pipeline, this.painter?.drawn);
    if (request.via === 'key' && frame) this.announcer?.say(frame.announce);
    return frame;
  }

  private showTooltips(show: boolean): void {
    for (const tooltip of this.tooltips) show ? tooltip.show() : tooltip.hide();
  }

  private emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

type ProgressParts = NonNullable<ReturnType<typeof progressParts>>;

declare global {
  interface HTMLElementTagNameMap {
    'vod-sprite-thumbnails': VodSpriteThumbnails;
  }
}
