/**
 * The time label, drawn into a canvas. Measured (README, "Speed and size"): a text node that
 * changes on every move costs a layout per frame, because LayoutNG re-lays out every ancestor up
 * to the document for it, `contain: strict` or not; a canvas repaints its own layer and lays
 * out nothing. The part keeps what CSS gives a box (background, padding, radius); the font and
 * colour are read from its computed style whenever the preview appears. The text is also the
 * canvas's fallback content, which is what assistive technology reads.
 */
export class LabelCanvas {
  private readonly fallback = document.createTextNode('');
  private style: { font: string; color: string; letterSpacing: string; lineHeight: number; digit: string } | undefined;
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
    this.style ??= this.readStyle(context);
    const style = this.style;
    const dpr = devicePixelRatio || 1;
    this.apply(context, style);
    // Sized for the widest digit in each place, so the box (and with it the layout) stays put
    // while the numbers change, as `tabular-nums` did; the text is centred in it.
    const width = Math.ceil(context.measureText(label.replace(/\d/g, style.digit)).width);
    const height = style.lineHeight;
    const size = `${width}x${height}@${dpr}`;
    if (size !== this.size) {
      this.size = size;
      this.canvas.width = Math.max(1, Math.ceil(width * dpr));
      this.canvas.height = Math.max(1, Math.ceil(height * dpr));
      this.canvas.style.width = `${width}px`;
      this.canvas.style.height = `${height}px`;
      this.apply(context, style); // a new backing store resets the context
    }
    context.setTransform(dpr, 0, 0, dpr, 0, 0);
    context.clearRect(0, 0, width, height);
    context.fillText(label, width / 2, height / 2);
  }

  private apply(context: CanvasRenderingContext2D, style: NonNullable<LabelCanvas['style']>): void {
    context.font = style.font;
    context.fillStyle = style.color;
    if ('letterSpacing' in context) context.letterSpacing = style.letterSpacing;
    context.textAlign = 'center';
    context.textBaseline = 'middle';
  }

  private readStyle(context: CanvasRenderingContext2D): NonNullable<LabelCanvas['style']> {
    const computed = getComputedStyle(this.canvas);
    const fontSize = Number.parseFloat(computed.fontSize) || 12;
    const style = {
      font: `${computed.fontStyle} ${computed.fontWeight} ${computed.fontSize} ${computed.fontFamily}`,
      // In forced-colours mode this is the system colour, matching the forced background.
      color: computed.color,
      letterSpacing: computed.letterSpacing === 'normal' ? '0px' : computed.letterSpacing,
      lineHeight: Math.ceil(Number.parseFloat(computed.lineHeight) || fontSize * 1.2),
      digit: '0',
    };
    this.apply(context, style);
    let widest = 0;
    for (const digit of '0123456789') {
      const width = context.measureText(digit).width;
      if (width > widest) [widest, style.digit] = [width, digit];
    }
    return style;
  }
}
