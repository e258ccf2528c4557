/**
 * The hover path. It bypasses Lit's update cycle on purpose: input handlers only record the
 * latest request, and one named requestAnimationFrame per frame writes what changed:
 * `transform` for the position (compositor only, no layout), the canvas only when the tile
 * changes, the time label (a canvas too: label-canvas.ts says why) and the text only when the
 * string changes. Sizes are written (and read back, one layout)
 * only when the tile's size or the player's width changes, never per move.
 */
import type { ThumbnailCue } from '../parse/types.js';
import { LabelCanvas } from './label-canvas.js';

/** What one frame shows; `x` in px from the player's left edge. */
export interface Frame {
  x: number;
  cue?: ThumbnailCue | undefined;
  image?: HTMLImageElement | undefined;
  label?: string | undefined;
  text?: string | undefined;
  /** CSS width of the thumbnail box (a length; `min()` with a cap allowed). */
  width: string;
  /** The player's width: the box's size is read back again when it changes. */
  playerWidth: number;
  /** Distance of the preview's bottom edge from the player's bottom (the seek bar's top), px. */
  bottom: number;
  /** The full-size scrub layer over the video (a drag in progress), in CSS px. */
  scrub?: { cue: ThumbnailCue; image: HTMLImageElement; width: number; height: number; bottom: number } | undefined;
}

/** Centred on `x`, kept inside the player: `clamp` against the player's width (`cqw`) and the preview's own (`%`). */
export const placePreview = (x: number) => `translate(clamp(0px, calc(${x}px - 50%), calc(100cqw - 100%)), 0)`;

/** Parts of the shadow DOM the painter writes to. */
export interface PreviewParts {
  preview: HTMLElement;
  thumbnail: HTMLElement;
  canvas: HTMLCanvasElement;
  time: HTMLCanvasElement;
  text: HTMLElement;
  scrub: HTMLElement;
  scrubCanvas: HTMLCanvasElement;
}

/** Draws a tile crisply and without bleed: cut out 1:1 once per cue change, then scaled. */
export class TileCanvas {
  private scratch: OffscreenCanvas | HTMLCanvasElement | undefined;
  drawn: { cue: ThumbnailCue; image: HTMLImageElement; width: number; height: number } | undefined;

  constructor(readonly canvas: HTMLCanvasElement) {}

  /** Draw `cue` of `image` at `width × height` device px (the backing store follows). */
  draw(cue: ThumbnailCue, image: HTMLImageElement, width: number, height: number): void {
    const drawn = this.drawn;
    if (drawn && drawn.cue === cue && drawn.image === image && drawn.width === width && drawn.height === height) return;
    const canvas = this.canvas;
    // Assigning a size re-allocates the backing store: only when it really changes.
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) return;
    context.imageSmoothingQuality = 'high';
    let source: CanvasImageSource = image;
    if (cue.w === width && cue.h === height) {
      // Drawn 1:1, nothing is filtered: straight from the sheet, one draw.
      context.clearRect(0, 0, width, height);
      context.drawImage(image, cue.x, cue.y, width, height, 0, 0, width, height);
      this.drawn = { cue, image, width, height };
      return;
    }
    if (cue.w !== undefined && cue.h !== undefined) {
      // Scaling straight from the sheet with a source rectangle lets the filter sample the
      // neighbouring tile at the edges; a 1:1 copy into a scratch canvas of the tile's size cannot.
      this.scratch ??= typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(cue.w, cue.h) : document.createElement('canvas');
      const scratch = this.scratch;
      if (scratch.width !== cue.w) scratch.width = cue.w;
      if (scratch.height !== cue.h) scratch.height = cue.h;
      const scratchContext = scratch.getContext('2d') as CanvasRenderingContext2D | null;
      scratchContext?.clearRect(0, 0, cue.w, cue.h);
      scratchContext?.drawImage(image, cue.x, cue.y, cue.w, cue.h, 0, 0, cue.w, cue.h);
      source = scratch;
    }
    context.clearRect(0, 0, width, height);
    context.drawImage(source, 0, 0, width, height);
    this.drawn = { cue, image, width, height };
  }
}

export class PreviewPainter<Request> {
  private next: Request | undefined;
  private frameId = 0;
  private shown = false;
  private labelled = false;
  private x = Number.NaN;
  private bottom = Number.NaN;
  private label: string | undefined;
  private text: string | undefined;
  private size = '';
  private cssWidth = 0;
  private readonly tile: TileCanvas;
  private readonly scrubTile: TileCanvas;
  private readonly timeLabel: LabelCanvas;
  private scrubSize = '';

  /**
   * `frameOf` turns the latest request into what to show, once per frame; `onShown` runs when
   * our time label appears or goes (to hide or restore video.js's tooltips).
   */
  constructor(
    private readonly parts: PreviewParts,
    private readonly frameOf: (request: Request) => Frame | undefined,
    private readonly onShown: (shown: boolean) => void,
  ) {
    this.tile = new TileCanvas(parts.canvas);
    this.scrubTile = new TileCanvas(parts.scrubCanvas);
    this.timeLabel = new LabelCanvas(parts.time);
  }

  /** Show `request` at the next animation frame (later calls in the same frame win). */
  show(request: Request | undefined): void {
    this.next = request;
    this.frameId ||= requestAnimationFrame(this.paintFrame);
  }

  hide(): void {
    this.show(undefined);
  }

  /** The tile drawn last (for a fallback while the next sheet decodes). */
  get drawn() {
    return this.tile.drawn;
  }

  /** Forget what was drawn (a new source: never a stale tile), and repaint with the new state. */
  reset(): void {
    this.tile.drawn = undefined;
    this.repaint();
  }

  /** Paint the current request again (a sheet arrived, the state changed). */
  repaint(): void {
    this.show(this.next);
  }

  private readonly paintFrame = () => {
    this.frameId = 0;
    const frame = this.next === undefined ? undefined : this.frameOf(this.next);
    const { preview, thumbnail, time, text } = this.parts;
    this.paintScrub(frame?.scrub);
    const visible = !!frame && (!!frame.image || frame.label !== undefined || frame.text !== undefined);
    if (visible !== this.shown) {
      this.shown = visible;
      preview.hidden = !visible;
      if (visible) this.timeLabel.restyle();
    }
    // Our label replaces video.js's time tooltip; without one (show-time="false") it stays.
    const labelled = visible && frame.label !== undefined;
    if (labelled !== this.labelled) {
      this.labelled = labelled;
      this.onShown(labelled);
    }
    if (!frame || !visible) return;
    if (frame.bottom !== this.bottom) {
      this.bottom = frame.bottom;
      preview.style.bottom = `calc(${frame.bottom}px + var(--vod-thumbnails-offset))`;
    }
    const { cue, image } = frame;
    if (thumbnail.hidden === !!image) thumbnail.hidden = !image;
    if (cue && image) {
      const tileWidth = cue.w ?? image.naturalWidth;
      const tileHeight = cue.h ?? image.naturalHeight;
      const size = `${frame.width}/${tileWidth}/${tileHeight}/${frame.playerWidth}`;
      if (size !== this.size) {
        this.size = size;
        thumbnail.style.width = frame.width;
        thumbnail.style.aspectRatio = `${tileWidth} / ${tileHeight}`;
        // The one layout read, and only when a size changed: what max-width left of the box.
        this.cssWidth = thumbnail.getBoundingClientRect().width - thumbnail.clientLeft * 2 || tileWidth;
      }
      const dpr = devicePixelRatio || 1;
      const cssWidth = this.cssWidth;
      this.tile.draw(cue, image, Math.max(1, Math.round(cssWidth * dpr)), Math.max(1, Math.round(((cssWidth * tileHeight) / tileWidth) * dpr)));
    }
    if (frame.label !== this.label) {
      this.label = frame.label;
      time.hidden = frame.label === undefined;
      this.timeLabel.draw(frame.label ?? '');
    }
    if (frame.text !== this.text) {
      this.text = frame.text;
      text.hidden = !frame.text;
      text.textContent = frame.text ?? '';
    }
    if (frame.x !== this.x) {
      this.x = frame.x;
      preview.style.transform = placePreview(frame.x);
    }
  };

  /** The scrub layer: sized when the tile or player size changes, redrawn on a cue change only. */
  private paintScrub(scrub: Frame['scrub']): void {
    const { scrub: layer, scrubCanvas } = this.parts;
    if (layer.hidden === !!scrub) layer.hidden = !scrub;
    if (!scrub) return;
    const size = `${scrub.width}x${scrub.height}/${scrub.bottom}`;
    if (size !== this.scrubSize) {
      this.scrubSize = size;
      layer.style.bottom = `${scrub.bottom}px`;
      scrubCanvas.style.width = `${scrub.width}px`;
      scrubCanvas.style.height = `${scrub.height}px`;
    }
    const dpr = devicePixelRatio || 1;
    this.scrubTile.draw(scrub.cue, scrub.image, Math.max(1, Math.round(scrub.width * dpr)), Math.max(1, Math.round(scrub.height * dpr)));
  }

  dispose(): void {
    this.parts.scrub.hidden = true;
    cancelAnimationFrame(this.frameId);
    this.frameId = 0;
    this.next = undefined;
    this.shown = this.labelled = false;
    this.parts.preview.hidden = true;
  }
}
