/**
 * How wide the preview is, in CSS px: what the definition choice asks device pixels for. No
 * layout read per move: `--vod-thumbnails-max-width` (a CSS length, often in `cqw`) is read
 * from the `.probe` box once per layout change, when a pick first needs it.
 */
import type { Pipeline } from './pipeline.js';

export class PreviewWidth {
  private maxWidth: number | undefined;

  constructor(
    /** The `width` attribute (fixed when > 0). */
    private readonly fixed: () => number | null | undefined,
    private readonly pipeline: Pipeline,
    private readonly probe: () => HTMLElement | undefined,
    private readonly playerWidth: () => number | undefined,
  ) {}

  /** The layout changed: read the probe again when next needed. */
  invalidate(): void {
    this.maxWidth = undefined;
  }

  /** The width asked for: the `width` attribute, else the (smallest) set's tile width. */
  css(): number | undefined {
    const fixed = this.fixed();
    return fixed && fixed > 0 ? fixed : (this.pipeline.definitions?.baseWidth ?? this.pipeline.track?.cue(0)?.w);
  }

  /**
   * The width on screen: a fixed `width` is only kept inside the player (the styles'
   * `max-width`), a tile's width also within `--vod-thumbnails-max-width`.
   */
  shown(): number {
    const width = this.css() ?? 0;
    const fixed = this.fixed();
    if (fixed && fixed > 0) return Math.min(width, (this.playerWidth() ?? Infinity) - 2);
    this.maxWidth ??= this.probe()?.getBoundingClientRect().width || undefined;
    return Math.min(width, this.maxWidth ?? Infinity);
  }
}
