/**
 * What makes the element work, driven by its Lit lifecycle (bind, willUpdate, updated): the
 * player binding (a ReactiveController of its own), the load pipeline, seek-bar input, the
 * preview painter (the hover path: one rAF, no Lit update per move), marks and chapters. The
 * element itself keeps the properties, state and events.
 */
import type { PropertyValues } from 'lit';
import { onPlayer, PlayerBinding } from '../player/binding.js';
import { bindSeekInput, type SeekLayout, type SeekRequest } from '../player/seek-input.js';
import { currentSourceOf, durationOf, type Player, progressParts, type SpriteSource } from '../player/videojs-internals.js';
import type { VodSpriteThumbnails } from './element.js';
import { readyDetail } from './events.js';
import { previewFrame, saveData } from './frame.js';
import { LazyAnnotations } from './lazy-annotations.js';
import { PreviewWidth } from './preview-width.js';
import { Pipeline, type ThumbnailsErrorStage, type ThumbnailsState } from './pipeline.js';
import { type Frame, PreviewPainter } from './preview.js';
import { SourceChoice } from './source.js';

/** How the controller reports back to its element. */
export interface Report {
  state(state: ThumbnailsState): void;
  fail(error: Error, stage: ThumbnailsErrorStage): void;
  emit(type: string, detail: unknown): void;
}

export class Previews {
  private reloadPending = false;
  private seenSource: object | undefined;
  private density = 0;
  private nextSource: SpriteSource | undefined;
  private sourceTimer: ReturnType<typeof setTimeout> | 0 = 0;
  private eventPayload: unknown;
  private readonly source = new SourceChoice();
  private readonly annotations: LazyAnnotations;
  /** Counts loads (and detaches): a ready whose marks arrive after the next load stays unsaid. */
  private loads = 0;
  private root: HTMLElement | DocumentFragment | undefined;
  private layout: (() => SeekLayout) | undefined;
  private tooltips: Array<{ hide(): void; show(): void }> = [];
  private painter: PreviewPainter<SeekRequest> | undefined;

  private readonly binding = new PlayerBinding(this.host, {
    attached: (player, signal) => this.attached(player, signal),
    detached: () => {
      this.loads++;
      this.layout = undefined;
      this.painter?.dispose();
      this.showTooltips(true);
      this.tooltips = [];
      this.pipeline.dispose();
      this.annotations.dispose();
      clearTimeout(this.sourceTimer);
      this.sourceTimer = 0;
    },
    // Clear right away (never a stale preview), then load the new one.
    sourceChanged: (source, exact) => this.sourceSeen(source, exact),
  });

  private readonly pipeline: Pipeline = new Pipeline({
    options: () => ({
      fileId: this.host.fileId,
      definition: this.asked(),
      grid: this.host.grid,
      upgradeInsecure: this.host.upgradeInsecure,
      timeout: this.host.timeout,
      duration: () => (this.player ? durationOf(this.player) : undefined),
      lazy: this.host.preload === 'none' || saveData(),
      preloadAll: this.host.preload === 'auto' && !saveData(),
      refresh: this.host.refreshEvent,
      choose: (this.asked() ?? '') === '' && !this.host.fileId,
    }),
    need: () => this.width.shown() * (devicePixelRatio || 1),
    definition: (info) => {
      this.painter?.repaint();
      this.report.emit('vod-thumbnails-definition', { definition: info.definition });
    },
    expired: (urls) => this.report.emit('vod-thumbnails-expired', { urls }),
    state: (state) => {
      this.painter?.reset();
      this.report.state(state);
    },
    ready: (track, info, payload) => {
      // Marks first (their chunk may load first): the ready event's detail already holds them.
      this.eventPayload = payload;
      const load = this.loads;
      this.updateMarks(() => {
        if (load === this.loads) this.report.emit('vod-thumbnails-ready', readyDetail(track, info, this.annotations));
      });
    },
    fail: (error, stage) => this.report.fail(error, stage),
    sheetLoaded: () => this.painter?.repaint(),
  });
  private readonly width = new PreviewWidth(
    () => this.host.width,
    this.pipeline,
    () => (this.root?.querySelector('.probe') as HTMLElement | null) ?? undefined,
    () => this.layout?.().width,
  );

  constructor(
    private readonly host: VodSpriteThumbnails,
    /** The `definition` the app asked for (the property reads back the one in use). */
    private readonly asked: () => string | number | null,
    private readonly report: Report,
  ) {
    this.annotations = new LazyAnnotations(host);
  }

  get player(): Player | undefined {
    return this.binding.player;
  }

  /** The definition in use, once ready. */
  get definition(): number | undefined {
    return this.pipeline.info?.definition;
  }

  /** The shadow DOM is rendered: the painter and the ticks get their nodes. */
  bind(root: HTMLElement | DocumentFragment): void {
    this.root = root;
    const find = (selector: string) => root.querySelector(selector) as HTMLElement;
    const canvas = (selector: string) => find(`${selector} canvas`) as HTMLCanvasElement;
    const parts = { preview: find('.preview'), thumbnail: find('.thumbnail'), canvas: canvas('.thumbnail'), time: find('.time') as HTMLCanvasElement, text: find('.text'), scrub: find('.scrub'), scrubCanvas: canvas('.scrub') };
    this.painter = new PreviewPainter<SeekRequest>(parts, (request) => this.frameOf(request), (shown) => this.showTooltips(!shown));
    this.annotations.bind(find('.marks'), find('.live'));
  }

  willUpdate(changed: PropertyValues, hasUpdated: boolean): void {
    if (hasUpdated) {
      if (changed.has('for')) this.binding.retarget();
      if (changed.has('event') || changed.has('eventSrc')) this.source.given();
    }
    // One reload per update, however many inputs changed (attaching asks for one too).
    if (this.reloadPending || ['event', 'eventSrc', 'fileId', 'definition', 'grid', 'upgradeInsecure', 'preload'].some((key) => changed.has(key))) {
      this.reload();
    }
  }

  updated(changed: PropertyValues): void {
    if (changed.has('showTime') || changed.has('width')) this.painter?.repaint();
    if (changed.has('width')) void this.pipeline.repick();
    if (changed.has('marks')) this.updateMarks();
    if (changed.has('chaptersSrc') && this.player) this.loadChapters();
  }

  private attached(player: Player, signal: AbortSignal): void {
    this.seenSource = currentSourceOf(player);
    this.source.reset(this.seenSource);
    this.reloadPending = true;
    this.host.requestUpdate();
    // A plugin set up through the player options runs before the control bar exists.
    const bind = () => {
      const parts = progressParts(player);
      if (!parts || signal.aborted) return;
      this.tooltips = parts.tooltips;
      this.layout = bindSeekInput(player, parts, signal, (request) => this.request(request), () => this.layoutChanged()).layout;
      this.layoutChanged();
    };
    if (progressParts(player)) bind();
    else player.ready(bind);
    this.loadChapters();
    // Ticks follow video.js's control bar in and out; they move only when the layout does.
    const controlEvents = ['useractive', 'userinactive', 'play', 'pause', 'ended', 'controlsenabled', 'controlsdisabled', 'durationchange', 'loadedmetadata'];
    onPlayer(player, controlEvents, () => this.annotations.place(player, this.layout?.()), signal);
    // A new screen density (browser zoom, a window moved to another screen): pick again.
    const watchDensity = () => {
      matchMedia(`(resolution: ${devicePixelRatio}dppx)`).addEventListener('change', () => this.layoutChanged(watchDensity), { once: true, signal });
    };
    watchDensity();
  }

  /** Resize, fullscreen or a new screen density: measure once, redraw the ticks, pick the definition again. */
  private layoutChanged(then?: () => void): void {
    this.density = devicePixelRatio;
    this.width.invalidate();
    this.annotations.place(this.player, this.layout?.());
    void this.pipeline.repick();
    this.painter?.repaint();
    then?.();
  }

  /**
   * A source from `player.src()` (`exact`, through the middleware) or the player's source
   * object (a frame, `loadstart`). One that carries a payload is settled a timer later: video.js
   * runs the middleware of rapid `src()` calls one timer after another, and only the last
   * loads; meanwhile the old tiles are gone (never a frame of the previous video). A copy
   * without the payload is a change only for a URL nobody gave `player.src()` lately.
   */
  private sourceSeen(source: SpriteSource, exact: boolean): void {
    if (!exact && source.spriteEvent == null) {
      if (this.source.movedTo(source)) this.reload();
      return;
    }
    if (this.source.differs(source)) this.pipeline.suspend();
    this.nextSource = source;
    this.sourceTimer ||= setTimeout(() => {
      const next = this.nextSource;
      this.sourceTimer = 0;
      this.nextSource = undefined;
      if (!next || !this.player) return;
      if (this.source.changed(next) || this.pipeline.resume()) this.reload();
    });
  }

  private reload(): void {
    this.loads++;
    this.reloadPending = false;
    this.eventPayload = undefined;
    this.pipeline.load(this.player ? this.source.spec(this.host.event, this.host.eventSrc) : undefined);
  }

  private request(request: SeekRequest | undefined): void {
    if (request) this.pipeline.open();
    this.painter?.show(request);
  }

  /** What to show for `request` (once per frame, from the painter's rAF). */
  private frameOf(request: SeekRequest): Frame | undefined {
    // `player.src()` swaps the source object at once, its events come later: never a frame of
    // the old video's tiles in between (an identity check per frame, nothing more).
    const source = this.player && currentSourceOf(this.player);
    if (source && source !== this.seenSource) {
      this.seenSource = source;
      this.sourceSeen(source, false);
    }
    // A new screen density (zoom, another screen): the `resolution` media query says so where
    // it can; emulated densities only show here.
    if (devicePixelRatio !== this.density) this.layoutChanged();
    const duration = this.player && durationOf(this.player);
    const layout = this.layout?.();
    if (!duration || !layout) return undefined;
    const scrubs = request.drag && (request.via === 'touch' ? this.host.scrub !== 'off' : this.host.scrub === 'always');
    const scrub = scrubs ? this.pipeline.trackFor(layout.width * (devicePixelRatio || 1)) : undefined;
    const { marks, chapters, snapPx } = this.annotations;
    const fixed = !!this.host.width && this.host.width > 0;
    const context = { marks, chapters, snapPx, duration, layout, showTime: this.host.showTime, width: this.width.css(), fixed, scrub };
    const frame = previewFrame(request, context, this.pipeline, this.painter?.drawn);
    if (request.via === 'key' && frame) this.annotations.say(frame.announce);
    return frame;
  }

  private updateMarks(then?: () => void): void {
    this.annotations.setMarks(this.host.marks, this.eventPayload, this.host.fileId, (error) => {
      if (error) this.report.fail(error, 'payload');
      then?.();
    });
  }

  private loadChapters(): void {
    this.annotations.loadChapters(this.host.chaptersSrc, this.player, this.host.timeout, (error) => this.report.fail(error, 'chapters'));
  }

  private showTooltips(show: boolean): void {
    for (const tooltip of this.tooltips) show ? tooltip.show() : tooltip.hide();
  }
}
