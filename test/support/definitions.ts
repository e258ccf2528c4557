// Two sprite definitions of the demo video (142×80 and 284×160 tiles, demo/make-media.sh) and
// the checks on them: which set's pixels a canvas shows for a time.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { VodSpriteThumbnails } from '../../src/index.js';
import { expectedTile, MEDIA, until, withToken } from './player.js';
import { canvasOf, meanDifference, tileShown } from './preview.js';

export type Definition = 10 | 20;

const abs = (path: string, run: string) => withToken(new URL(path, location.href).href, run);
export const sheetsOf = (definition: Definition, run: string) => [0, 1, 2].map((i) => abs(`${MEDIA}/imageSprite_${definition}_${i}.jpg`, run));

/** DescribeMediaInfos with both sets; `widths` false leaves out Width/Height (then the VTTs tell). */
export function twoDefinitions(run: string, widths = true): Record<string, unknown> {
  const set = (definition: Definition, w: number, h: number) => ({
    Definition: definition,
    ...(widths ? { Width: w, Height: h } : {}),
    TotalCount: 225,
    ImageUrlSet: sheetsOf(definition, run),
    WebVttUrl: abs(`${MEDIA}/imageSprite_${definition}.vtt`, run),
  });
  return { Response: { MediaInfoSet: [{ FileId: 'f', ImageSpriteInfo: { ImageSpriteSet: [set(20, 284, 160), set(10, 142, 80)] } }], RequestId: 'r' } };
}

/** The tile of `definition` for `time`, read 1:1 out of its sheet and scaled to `width × height`. */
export async function reference(definition: Definition, time: number, run: string, width: number, height: number): Promise<ImageData> {
  const scale = definition === 20 ? 2 : 1;
  const tile = expectedTile(time);
  const image = new Image();
  // Without the run's token: the reference's own request must not count as the element's.
  image.src = sheetsOf(definition, run)[tile.sheet]!.replace(/\?run=.*/, '');
  await image.decode();
  const crop = new OffscreenCanvas(142 * scale, 80 * scale);
  crop.getContext('2d')!.drawImage(image, tile.x * scale, tile.y * scale, 142 * scale, 80 * scale, 0, 0, 142 * scale, 80 * scale);
  const out = new OffscreenCanvas(width, height);
  const context = out.getContext('2d')!;
  context.imageSmoothingQuality = 'high';
  context.drawImage(crop, 0, 0, width, height);
  return context.getImageData(0, 0, width, height);
}

export const pixels = (canvas: HTMLCanvasElement) => canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);

/** Wait until the preview shows `definition`'s tile for `time` (and is closer to it than to the other set's). */
export async function expectDefinitionTile(el: VodSpriteThumbnails, definition: Definition, time: number, run: string): Promise<void> {
  const canvas = canvasOf(el);
  let own = 255;
  let other = 0;
  await until(() => tileShown(el), 'the tile');
  for (const end = performance.now() + 5000; performance.now() < end; await new Promise((resolve) => setTimeout(resolve, 50))) {
    own = meanDifference(pixels(canvas), await reference(definition, time, run, canvas.width, canvas.height));
    other = meanDifference(pixels(canvas), await reference(definition === 10 ? 20 : 10, time, run, canvas.width, canvas.height));
    if (own < 1) break;
  }
  expect(own, `the definition ${definition} tile for ${time}s`).to.be.below(1);
  // The two sets are cut from the same video: only the sharper source tells them apart at 2×.
  expect(own, `closer to definition ${definition} than to the other set`).to.be.at.most(other);
}

/** Run with `devicePixelRatio` = `factor` (CDP Emulation.setDeviceMetricsOverride), then back to 1. */
export async function withDpr<T>(factor: number, run: () => Promise<T>): Promise<T> {
  await executeServerCommand('device-scale-factor', { factor });
  try {
    return await run();
  } finally {
    await executeServerCommand('device-scale-factor', { factor: 1 });
  }
}
