// Reading what a <vod-sprite-thumbnails> shows, the way a user sees it: visible boxes and pixels.
import { expect } from '@open-wc/testing';
import type { VodSpriteThumbnails } from '../../src/index.js';
import { expectedTile, type Player, SHEETS, TILE, until, withToken } from './player.js';

export function part(el: VodSpriteThumbnails, name: 'thumbnail' | 'time'): HTMLElement {
  const found = el.shadowRoot?.querySelector(`[part="${name}"]`);
  if (!found) throw new Error(`no ${name} part`);
  return found as HTMLElement;
}

/** True when the element's box is rendered with a size (not display:none anywhere up the tree). */
export function visible(node: HTMLElement): boolean {
  const rect = node.getBoundingClientRect();
  return node.isConnected && rect.width > 0 && rect.height > 0 && node.checkVisibility();
}

export function tileShown(el: VodSpriteThumbnails): boolean {
  return visible(part(el, 'thumbnail'));
}

export function labelShown(el: VodSpriteThumbnails): boolean {
  return visible(part(el, 'time'));
}

/** Neither the tile nor the label shows. */
export function previewHidden(el: VodSpriteThumbnails): boolean {
  return !tileShown(el) && !labelShown(el);
}

/** `display` of video.js's own time tooltip on the seek bar ('none' while ours replaces it). */
export function videoJsTooltipDisplay(player: Player): string {
  const tooltip = player.el().querySelector('.vjs-mouse-display .vjs-time-tooltip');
  if (!tooltip) throw new Error('no video.js time tooltip');
  return getComputedStyle(tooltip).display;
}

export function labelText(el: VodSpriteThumbnails): string {
  return part(el, 'time').textContent?.trim() ?? '';
}

export function canvasOf(el: VodSpriteThumbnails): HTMLCanvasElement {
  const canvas = part(el, 'thumbnail').querySelector('canvas');
  if (!canvas) throw new Error('no canvas in the thumbnail part');
  return canvas;
}

const images = new Map<string, Promise<HTMLImageElement>>();

export function loadImage(url: string): Promise<HTMLImageElement> {
  let found = images.get(url);
  if (!found) {
    const image = new Image();
    image.src = url;
    found = image.decode().then(() => image);
    images.set(url, found);
  }
  return found;
}

/** The tile (sheet URL, x, y) drawn into a canvas of the given pixel size, as a reference. */
export async function referencePixels(sheetUrl: string, x: number, y: number, width: number, height: number): Promise<ImageData> {
  const image = await loadImage(sheetUrl);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  // The tile cut out 1:1 first, then scaled: only its own pixels count.
  const tile = document.createElement('canvas');
  tile.width = TILE.w;
  tile.height = TILE.h;
  tile.getContext('2d')!.drawImage(image, x, y, TILE.w, TILE.h, 0, 0, TILE.w, TILE.h);
  const context = canvas.getContext('2d')!;
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(tile, 0, 0, width, height);
  return context.getImageData(0, 0, width, height);
}

export function displayedPixels(el: VodSpriteThumbnails): ImageData {
  const canvas = canvasOf(el);
  return canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
}

/** Mean absolute difference per channel (0 = identical, 255 = opposite). */
export function meanDifference(a: ImageData, b: ImageData): number {
  if (a.width !== b.width || a.height !== b.height) return 255;
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) sum += Math.abs(a.data[i]! - b.data[i]!);
  return sum / a.data.length;
}

/** Wait until the displayed canvas shows the demo tile for `time`; returns the mean difference to it. */
export async function expectTileFor(el: VodSpriteThumbnails, time: number, run: string, sheets: readonly string[] = SHEETS.map((url) => withToken(new URL(url, location.href).href, run))): Promise<void> {
  const tile = expectedTile(time);
  const canvas = canvasOf(el);
  await until(() => tileShown(el) && canvas.width > 0, `a tile for ${time}s`);
  const sheetUrl = sheets[tile.sheet]!;
  const reference = await referencePixels(sheetUrl, tile.x, tile.y, canvas.width, canvas.height);
  let difference = 255;
  await until(() => {
    difference = meanDifference(displayedPixels(el), reference);
    return difference < 1;
  }, `the pixels of tile (sheet ${tile.sheet}, ${tile.x},${tile.y}) for ${time}s; mean difference ${difference}`).catch((error) => {
    throw new Error(`${error.message} (last mean difference ${difference.toFixed(2)})`);
  });
  // The comparison discriminates: the neighbouring tile looks different.
  const other = expectedTile(time + (time < 1 ? 0.8 : -0.8));
  const otherSheet = sheets[other.sheet]!;
  const neighbour = await referencePixels(otherSheet, other.x, other.y, canvas.width, canvas.height);
  expect(meanDifference(displayedPixels(el), neighbour), 'difference to the neighbouring tile').to.be.greaterThan(2);
}

