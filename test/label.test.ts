// The time label is drawn into a canvas (no layout per move): what it shows must still be the
// label a user reads — the right time, in the part's font and colour, sharp, centred, steady —
// and its text must be there for assistive technology.
import './support/console.js';
import { expect } from '@open-wc/testing';
import videojs from 'video.js';
import '../src/index.js';
import type { VodSpriteThumbnails } from '../src/index.js';
import { withDpr } from './support/definitions.js';
import { startWithThumbnails } from './support/element.js';
import { DURATION, hoverTime, moveAway, productSuite, until } from './support/player.js';
import { labelShown, labelText, part } from './support/preview.js';

const labelCanvas = (el: VodSpriteThumbnails) => part(el, 'time') as HTMLCanvasElement;

/** Where the canvas has ink (alpha > 128), in device px, and the mean colour of that ink. */
function ink(canvas: HTMLCanvasElement) {
  const { data, width, height } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
  let left = width;
  let right = -1;
  let top = height;
  let bottom = -1;
  let count = 0;
  const sum = [0, 0, 0];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (data[i + 3]! <= 128) continue;
      count++;
      for (let c = 0; c < 3; c++) sum[c]! += data[i + c]!;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  const colour = sum.map((value) => Math.round(value / Math.max(1, count)));
  return { count, left, right, top, bottom, width: right - left + 1, height: bottom - top + 1, colour };
}

/** The ink of `text` drawn by the browser in `font` at `dpr`: what the label should look like. */
function referenceInk(text: string, font: string, dpr: number) {
  const canvas = document.createElement('canvas');
  canvas.width = 400 * dpr;
  canvas.height = 80 * dpr;
  const context = canvas.getContext('2d')!;
  context.scale(dpr, dpr);
  context.font = font;
  context.fillStyle = '#fff';
  context.textBaseline = 'middle';
  context.fillText(text, 10, 40);
  return ink(canvas);
}

const fontOf = (node: Element) => {
  const style = getComputedStyle(node);
  return `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
};

/** Hover `time` and wait until the label says it. */
async function labelFor(el: VodSpriteThumbnails, player: Parameters<typeof hoverTime>[0], time: number): Promise<string> {
  const point = await hoverTime(player, time);
  const expected = videojs.time.formatTime(point.time, DURATION);
  await until(() => labelShown(el) && labelText(el) === expected, `label ${expected}`);
  // The text is written in the same frame as the drawing; one more frame for the pixels to be read back.
  await new Promise(requestAnimationFrame);
  return expected;
}

describe('time label (a canvas)', () => {
  productSuite();

  it('draws the hovered time in the label font, white, centred in its box, and gives the same text as fallback', async () => {
    const { player, el } = await startWithThumbnails();
    const expected = await labelFor(el, player, 83);
    const canvas = labelCanvas(el);
    const drawn = ink(canvas);
    const reference = referenceInk(expected, fontOf(canvas), 1);
    expect(drawn.count, 'ink in the label').to.be.greaterThan(20);
    expect(drawn.width, 'as wide as the text in the part font').to.be.closeTo(reference.width, 2);
    expect(drawn.height, 'as tall').to.be.closeTo(reference.height, 2);
    expect(drawn.count, 'as much ink: the same glyphs').to.be.closeTo(reference.count, reference.count * 0.15);
    for (const channel of drawn.colour) expect(channel, 'white (--vod-thumbnails-color)').to.be.greaterThan(200);
    const centre = (drawn.left + drawn.right + 1) / 2;
    expect(centre, 'centred horizontally').to.be.closeTo(canvas.width / 2, 2);
    expect((drawn.top + drawn.bottom + 1) / 2, 'centred vertically').to.be.closeTo(canvas.height / 2, 3);
    // The box (padding and background) wraps the drawing.
    const box = canvas.getBoundingClientRect();
    expect(box.width, 'text plus padding').to.be.closeTo(canvas.width + 12, 1.5);
    expect(getComputedStyle(canvas).backgroundColor).to.equal('rgba(0, 0, 0, 0.75)');
    await moveAway();
  });

  it('redraws for each new time, and keeps its box while only digits change (no layout per move)', async () => {
    const { player, el } = await startWithThumbnails();
    await labelFor(el, player, 65);
    const canvas = labelCanvas(el);
    const first = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data.join();
    const box = canvas.getBoundingClientRect();
    const second = await labelFor(el, player, 148);
    expect(second).to.not.equal(videojs.time.formatTime(65, DURATION));
    expect(canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data.join(), 'new pixels').to.not.equal(first);
    const moved = canvas.getBoundingClientRect();
    expect(moved.width, 'same width').to.equal(box.width);
    expect(moved.height, 'same height').to.equal(box.height);
    await moveAway();
  });

  it('follows ::part(time) styles: colour and font size, read again when the preview next appears', async () => {
    const { player, el } = await startWithThumbnails();
    await labelFor(el, player, 40);
    const before = ink(labelCanvas(el));
    await moveAway();
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('vod-sprite-thumbnails::part(time) { color: rgb(255, 0, 0); font-size: 24px; line-height: 30px; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    try {
      const expected = await labelFor(el, player, 41.6);
      const canvas = labelCanvas(el);
      const after = ink(canvas);
      const [red, green, blue] = after.colour;
      expect(red, 'red').to.be.greaterThan(200);
      expect(green! + blue!, 'only red').to.be.lessThan(60);
      expect(after.height, 'bigger text').to.be.greaterThan(before.height * 1.5);
      expect(after.width).to.be.closeTo(referenceInk(expected, fontOf(canvas), 1).width, 2);
      expect(canvas.getBoundingClientRect().height, 'the line height plus padding').to.be.closeTo(30 + 4, 1);
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((each) => each !== sheet);
      await moveAway();
    }
  });

  it('is drawn at device pixels on a 2× screen (sharp, not upscaled)', async () => {
    await withDpr(2, async () => {
      const { player, el } = await startWithThumbnails();
      const expected = await labelFor(el, player, 123);
      const canvas = labelCanvas(el);
      const cssWidth = Number.parseFloat(canvas.style.width);
      expect(canvas.width, 'backing store at 2×').to.equal(Math.ceil(cssWidth * 2));
      const drawn = ink(canvas);
      expect(drawn.width, 'the text at 2×').to.be.closeTo(referenceInk(expected, fontOf(canvas), 2).width, 3);
      await moveAway();
    });
  });

  it("draws an app's own time format (videojs.time.setFormatTime) with letters in it, as text", async () => {
    videojs.time.setFormatTime((seconds: number) => `${Math.floor(seconds / 60)} min ${Math.floor(seconds % 60)} s`);
    try {
      const { player, el } = await startWithThumbnails();
      const expected = await labelFor(el, player, 95);
      expect(expected).to.match(/^1 min \d+ s$/);
      const canvas = labelCanvas(el);
      const drawn = ink(canvas);
      const reference = referenceInk(expected, fontOf(canvas), 1);
      expect(drawn.width, 'as wide as the text').to.be.closeTo(reference.width, 2);
      expect(drawn.count, 'as much ink').to.be.closeTo(reference.count, reference.count * 0.1);
      await moveAway();
    } finally {
      videojs.time.resetFormatTime();
    }
  });
});
