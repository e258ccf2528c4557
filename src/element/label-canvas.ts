/**
 * The time label, drawn into a canvas. Measured (README, "Speed and size"): a text node that
 * changes on every move costs a layout per frame, because LayoutNG re-lays out every ancestor up
 * to the document for it, `contain: strict` or not; a canvas repaints its own layer and lays
 * out nothing. And `fillText` shapes the string on every call (about 0.13 ms of script per move
 * in the hover bench), so the characters a time is made of are drawn once into an atlas and a
 * label is copied together from it; any other character falls back to `fillText`.
 *
 * The part keeps what CSS gives a box (background, padding, radius); font and colour are read
 * from its computed style whenever the preview appears. The text is also the canvas's fallback
 * content, which is what assistive technology reads.
 */

/** What `formatTime` writes (video.js prints `-:-` for an unknown time). */
const TIME_CHARACTERS = '0123456789:-';
/** Room around each glyph in the atlas for what overhangs its advance (device px). */
const PAD = 2;

interface LabelStyle {
  font: string;
  color: string;
  /** CSS px added after each character. */
  spacing: number;
  /** CSS px. */
  lineHeight: number;
  dpr: number;
}

/** Every time character drawn once; digits get the widest digit's advance, as `tabular-nums`. */
interface Atlas {
  key: string;
  image: OffscreenCanvas | HTMLCanvasElement;
  /** Per character: where its cell starts in the atlas (device px) and its advance (CSS px). */
  cells: Map<string, { x: number; advance: number }>;
}

const newCanvas = (width: number, height: number) => {
  if (typeof OffscreenCanvas === 'function') return new OffscreenCanvas(width, height);
  return Object.assign(document.createElement('canvas'), { width, height });
};

function setFont(context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, style: LabelStyle): void {
  context.font = style.font;
  context.fillStyle = style.color;
  context.textBaseline = 'middle';
}

function buildAtlas(style: LabelStyle, key: string): Atlas | undefined {
  const probe = newCanvas(1, 1).getContext('2d') as OffscreenCanvasRenderingContext2D | null;
  if (!probe) return undefined;
  setFont(probe, style);
  const advanceOf = (character: string) => probe.measureText(character).width + style.spacing;
  const digit = Math.max(...[...'0123456789'].map(advanceOf));
  const advances = [...TIME_CHARACTERS].map((character) => (/\d/.test(character) ? digit : advanceOf(character)));
  const cellWidths = advances.map((advance) => Math.ceil(advance * style.dpr) + 2 * PAD);
  const image = newCanvas(cellWidths.reduce((a, b) => a + b, 0), Math.max(1, Math.ceil(style.lineHeight * style.dpr)));
  const context = image.getContext('2d') as OffscreenCanvasRenderingContext2D | null;
  if (!context) return undefined;
  context.scale(style.dpr, style.dpr);
  setFont(context, style);
  context.textAlign = 'center';
  const cells = new Map<string, { x: number; advance: number }>();
  let x = 0;
  [...TIME_CHARACTERS].forEach((character, i) => {
    const advance = advances[i]!;
    // Centred in its advance (a narrower digit sits in the middle of the widest one's room).
    context.fillText(character, (x + PAD) / style.dpr + (advance - style.spacing) / 2, style.lineHeight / 2);
    cells.set(character, { x, advance });
    x += cellWidths[i]!;
  });
  return { key, image, cells };
}

export class LabelCanvas {
  private readonly fallback = document.createTextNode('');
  private style: LabelStyle | undefined;
  private atlas: Atlas | undefined;
  private size = '';

  constructor(readonly canvas: HTMLCanvasElement) {
    canvas.append(this.fallback);
  }

  /** Read the font and colour again at the next draw (the preview appears; a theme may have changed). */
  restyle(): void {
    this.style = undefined;
  }

  draw(label: string): void {
    this.fallback.data = label;
    const context = this.canvas.getContext('2d');
    if (!label || !context) return;
    const style = this.currentStyle();
    const cells = this.atlasFor(style)?.cells;
    const glyphs = cells && [...label].map((character) => cells.get(character));
    if (glyphs?.every((glyph) => glyph !== undefined)) {
      this.resize(context, glyphs.reduce((sum, glyph) => sum + glyph.advance, 0), style);
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.clearRect(0, 0, this.canvas.width, this.canvas.height);
      const { image } = this.atlas!;
      let x = 0;
      for (const glyph of glyphs) {
        // Whole device pixels (no resampling blur), rounded from the exact pen position (no drift).
        const width = Math.ceil(glyph.advance * style.dpr) + 2 * PAD;
        context.drawImage(image, glyph.x, 0, width, image.height, Math.round(x * style.dpr) - PAD, 0, width, image.height);
        x += glyph.advance;
      }
      return;
    }
    setFont(context, style);
    const width = context.measureText(label).width + style.spacing * label.length;
    this.resize(context, width, style);
    context.setTransform(style.dpr, 0, 0, style.dpr, 0, 0);
    context.clearRect(0, 0, width, style.lineHeight);
    setFont(context, style);
    if ('letterSpacing' in context) context.letterSpacing = `${style.spacing}px`;
    context.fillText(label, 0, style.lineHeight / 2);
  }

  /** Sizes the canvas (its layout box too) only when the text's width or the pixel ratio changes. */
  private resize(context: CanvasRenderingContext2D, cssWidth: number, style: LabelStyle): void {
    const width = Math.max(1, Math.ceil(cssWidth * style.dpr));
    const height = Math.max(1, Math.ceil(style.lineHeight * style.dpr));
    const size = `${width}x${height}@${style.dpr}`;
    if (size === this.size) return;
    this.size = size;
    this.canvas.width = width;
    this.canvas.height = height;
    this.canvas.style.width = `${width / style.dpr}px`;
    this.canvas.style.height = `${height / style.dpr}px`;
    // Glyphs are copied 1:1 at whole device pixels: nothing to filter.
    context.imageSmoothingEnabled = false;
  }

  private currentStyle(): LabelStyle {
    const dpr = devicePixelRatio || 1;
    if (this.style && this.style.dpr === dpr) return this.style;
    const computed = getComputedStyle(this.canvas);
    const fontSize = Number.parseFloat(computed.fontSize) || 12;
    this.style = {
      font: `${computed.fontStyle} ${computed.fontWeight} ${computed.fontSize} ${computed.fontFamily}`,
      // In forced-colours mode this is the system colour, matching the forced background.
      color: computed.color,
      spacing: Number.parseFloat(computed.letterSpacing) || 0,
      lineHeight: Math.ceil(Number.parseFloat(computed.lineHeight) || fontSize * 1.2),
      dpr,
    };
    return this.style;
  }

  /** The atlas for `style`, drawn again only when the style really changed. */
  private atlasFor(style: LabelStyle): Atlas | undefined {
    const key = `${style.font}|${style.color}|${style.spacing}|${style.lineHeight}|${style.dpr}`;
    if (this.atlas?.key !== key) this.atlas = buildAtlas(style, key);
    return this.atlas;
  }
}
