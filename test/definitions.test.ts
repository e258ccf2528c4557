// Several sprite definitions (srcset-like choice by device pixels) and the full-size scrub layer.
import './support/console.js';
import { expect } from '@open-wc/testing';
import { executeServerCommand, sendMouse } from '@web/test-runner-commands';
import '../src/index.js';
import type { VodSpriteThumbnails } from '../src/index.js';
import { pickBySize } from '../src/element/definitions.js';
import { attach, readyOf } from './support/element.js';
import { expectedTile, hover, hoverTime, makePlayer, MEDIA, moveAway, pointForTime, productSuite, requests, startPlayer, token, touch, until, withToken } from './support/player.js';
import { canvasOf, meanDifference, part, tileShown } from './support/preview.js';

const abs = (path: string, run: string) => withToken(new URL(path, location.href).href, run);
const sheets = (definition: 10 | 20, run: string) => [0, 1, 2].map((i) => abs(`${MEDIA}/imageSprite_${definition}_${i}.jpg`, run));

/** DescribeMediaInfos with both sets; `widths` false leaves out Width/Height (then the VTTs tell). */
function twoDefinitions(run: string, widths = true): Record<string, unknown> {
  const set = (definition: 10 | 20, w: number, h: number) => ({
    Definition: definition,
    ...(widths ? { Width: w, Height: h } : {}),
    TotalCount: 225,
    ImageUrlSet: sheets(definition, run),
    WebVttUrl: abs(`${MEDIA}/imageSprite_${definition}.vtt`, run),
  });
  return { Response: { MediaInfoSet: [{ FileId: 'f', ImageSpriteInfo: { ImageSpriteSet: [set(20, 284, 160), set(10, 142, 80)] } }], RequestId: 'r' } };
}

/** The tile of `definition` for `time`, read 1:1 out of its sheet and scaled to `width × height`. */
async function reference(definition: 10 | 20, time: number, run: string, width: number, height: number): Promise<ImageData> {
  const scale = definition === 20 ? 2 : 1;
  const tile = expectedTile(time);
  const image = new Image();
  // Without the run's token: the reference's own request must not count as the element's.
  image.src = sheets(definition, run)[tile.sheet]!.replace(/\?run=.*/, '');
  await image.decode();
  const crop = new OffscreenCanvas(142 * scale, 80 * scale);
  crop.getContext('2d')!.drawImage(image, tile.x * scale, tile.y * scale, 142 * scale, 80 * scale, 0, 0, 142 * scale, 80 * scale);
  const out = new OffscreenCanvas(width, height);
  const context = out.getContext('2d')!;
  context.imageSmoothingQuality = 'high';
  context.drawImage(crop, 0, 0, width, height);
  return context.getImageData(0, 0, width, height);
}

const pixels = (canvas: HTMLCanvasElement) => canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);

async function expectDefinitionTile(el: VodSpriteThumbnails, definition: 10 | 20, time: number, run: string): Promise<void> {
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

async function withDpr<T>(factor: number, run: () => Promise<T>): Promise<T> {
  await executeServerCommand('device-scale-factor', { factor });
  try {
    return await run();
  } finally {
    await executeServerCommand('device-scale-factor', { factor: 1 });
  }
}

describe('sprite definitions', () => {
  productSuite();

  it('pickBySize: the smallest set at least as wide as needed, else the largest', () => {
    const sets = [{ tileWidth: 284 }, { tileWidth: 142 }];
    expect(pickBySize(sets, 100).tileWidth).to.equal(142);
    expect(pickBySize(sets, 142).tileWidth).to.equal(142);
    expect(pickBySize(sets, 143).tileWidth).to.equal(284);
    expect(pickBySize(sets, 999).tileWidth).to.equal(284);
  });

  for (const [dpr, definition] of [
    [1, 10],
    [2, 20],
    [3, 20],
  ] as const) {
    it(`at devicePixelRatio ${dpr} draws definition ${definition}, at the smallest set's CSS width`, async () => {
      await withDpr(dpr, async () => {
        const run = token();
        const { player, id } = makePlayer();
        await startPlayer(player);
        const created = document.createElement('vod-sprite-thumbnails');
        created.setAttribute('for', id);
        created.event = twoDefinitions(run);
        const ready = readyOf(created);
        document.body.append(created);
        const detail = await ready;
        expect(detail.definition).to.equal(definition);
        expect(created.definition).to.equal(definition);
        const point = await hoverTime(player, 70);
        await expectDefinitionTile(created, definition, point.time, run);
        expect(part(created, 'thumbnail').getBoundingClientRect().width, 'CSS width').to.be.closeTo(144, 0.5);
        await moveAway();
        const other = definition === 10 ? 20 : 10;
        expect((await requests(run)).filter((entry) => entry.url.includes(`imageSprite_${other}_`)), 'no sheet of the other set').to.deep.equal([]);
      });
    });
  }

  it('re-picks when devicePixelRatio changes, at the same time position, each sheet fetched once', async function () {
    // Two definitions decoded and compared pixel by pixel: slow on a loaded machine.
    this.timeout(40000);
    const run = token();
    const { player, id } = makePlayer();
    await startPlayer(player);
    const el = await attach(id, { event: twoDefinitions(run) });
    expect(el.definition).to.equal(10);
    const point = await hoverTime(player, 40);
    await expectDefinitionTile(el, 10, point.time, run);
    const changed = new Promise<number | undefined>((resolve) => el.addEventListener('vod-thumbnails-definition', (event) => resolve(event.detail.definition), { once: true }));
    await withDpr(2, async () => {
      // A real zoom fires the `resolution` media query; CDP's emulated density shows at the next frame.
      await hover(point.x + 1, point.y);
      await hover(point.x, point.y);
      expect(await changed).to.equal(20);
      await expectDefinitionTile(el, 20, point.time, run);
    });
    const log = (await requests(run)).filter((entry) => entry.url.includes('.jpg'));
    expect(new Set(log.map((entry) => entry.url)).size, 'each sheet once').to.equal(log.length);
  });

  it('without Width in the payload, reads the tile sizes from each set’s VTT (one request each)', async () => {
    const run = token();
    const { player, id } = makePlayer();
    await startPlayer(player);
    const el = await withDpr(2, async () => {
      const created = await attach(id, { event: twoDefinitions(run, false) });
      expect(created.definition).to.equal(20);
      return created;
    });
    const vtts = (await requests(run)).filter((entry) => entry.url.includes('.vtt'));
    expect(vtts.length, 'one VTT per set').to.equal(2);
    expect(el.state).to.equal('ready');
  });

  it('a definition attribute picks that set and turns the choice off', async () => {
    const run = token();
    const { player, id } = makePlayer();
    await startPlayer(player);
    const el = await withDpr(2, () => attach(id, { event: twoDefinitions(run), definition: 10 }));
    expect(el.definition).to.equal(10);
    expect((await requests(run)).filter((entry) => entry.url.includes('imageSprite_20')).length).to.equal(0);
    void player;
  });
});

describe('scrub layer', () => {
  productSuite();

  const scrubLayer = (el: VodSpriteThumbnails) => el.shadowRoot!.querySelector('[part="scrub"]') as HTMLElement;
  const scrubShown = (el: VodSpriteThumbnails) => scrubLayer(el).checkVisibility();

  it('shows the drag position’s tile over the video during a touch drag, and hides after', async () => {
    const run = token();
    const { player, id } = makePlayer();
    await startPlayer(player);
    const el = await attach(id, { event: twoDefinitions(run) });
    const start = pointForTime(player, 30);
    const end = pointForTime(player, 100);
    await touch('start', start.x, start.y);
    await touch('move', end.x, end.y);
    await until(() => scrubShown(el), 'the scrub layer');
    const layer = scrubLayer(el).getBoundingClientRect();
    const video = player.el().getBoundingClientRect();
    const controlBar = player.el().querySelector('.vjs-control-bar')!.getBoundingClientRect();
    expect(layer.top).to.be.closeTo(video.top, 1);
    expect(layer.bottom, 'under the control bar').to.be.closeTo(controlBar.top, 1);
    const canvas = scrubLayer(el).querySelector('canvas')!;
    const box = canvas.getBoundingClientRect();
    expect(box.width / box.height, 'aspect kept').to.be.closeTo(284 / 160, 0.02);
    // The sharpest set for a 960 px wide player is the larger one.
    let difference = 255;
    for (const until = performance.now() + 5000; performance.now() < until && difference >= 1.5; await new Promise((resolve) => setTimeout(resolve, 50))) {
      difference = meanDifference(pixels(canvas), await reference(20, end.time, run, canvas.width, canvas.height));
    }
    expect(difference, `the scrub tile for ${end.time}s`).to.be.below(1.5);
    expect(tileShown(el), 'the small preview still shows').to.equal(true);
    await touch('end');
    await until(() => !scrubShown(el), 'hidden after release');
  });

  it('hides when the drag leaves the bar, and never shows for a mouse unless scrub="always"', async () => {
    const run = token();
    const { player, id } = makePlayer();
    await startPlayer(player);
    const el = await attach(id, { event: twoDefinitions(run) });
    const point = pointForTime(player, 60);
    await touch('start', point.x, point.y);
    await touch('move', point.x + 10, point.y);
    await until(() => scrubShown(el), 'the scrub layer');
    await touch('move', point.x + 10, point.y - 200);
    await until(() => !scrubShown(el), 'hidden once the finger leaves the bar');
    await touch('end');
    await hover(point.x, point.y);
    await sendMouse({ type: 'down' });
    await hover(point.x + 20, point.y);
    expect(scrubShown(el), 'no scrub layer for a mouse drag by default').to.equal(false);
    await sendMouse({ type: 'up' });
    el.scrub = 'always';
    await hover(point.x, point.y);
    await sendMouse({ type: 'down' });
    await hover(point.x + 20, point.y);
    await until(() => scrubShown(el), 'scrub="always": a mouse drag shows it');
    await sendMouse({ type: 'up' });
    await until(() => !scrubShown(el), 'hidden on release');
    el.scrub = 'off';
    await touch('start', point.x, point.y);
    await touch('move', point.x + 10, point.y);
    await until(() => tileShown(el), 'the small preview');
    expect(scrubShown(el), 'scrub="off"').to.equal(false);
    await touch('end');
  });
});
