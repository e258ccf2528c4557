// Several sprite definitions (srcset-like choice by device pixels) and the full-size scrub layer.
import './support/console.js';
import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../src/index.js';
import type { VodSpriteThumbnails } from '../src/index.js';
import { pickBySize } from '../src/element/definitions.js';
import { attach, readyOf } from './support/element.js';
import { expectDefinitionTile, pixels, reference, twoDefinitions, withDpr } from './support/definitions.js';
import { hover, hoverTime, layoutSettled, makePlayer, moveAway, pointForTime, productSuite, requests, startPlayer, token, touch, until } from './support/player.js';
import { canvasOf, meanDifference, part, tileShown } from './support/preview.js';

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

  // Once a bug: the first pick measured `--vod-thumbnails-max-width` before the shadow DOM
  // existed and asked for 142 × 2 device px where the preview is only 66 CSS px wide.
  it('a 200 px player at devicePixelRatio 2 picks the small set at load (its preview is 66 CSS px)', async () => {
    await withDpr(2, async () => {
      const run = token();
      const { player, id } = makePlayer({}, { width: 200, height: 113 });
      await startPlayer(player);
      const el = await attach(id, { event: twoDefinitions(run) });
      expect(el.definition, '66 CSS px × 2 = 132 device px: the 142 px set is sharp enough').to.equal(10);
      expect((await requests(run)).filter((entry) => entry.url.includes('imageSprite_20')), 'nothing of the large set').to.deep.equal([]);
    });
  });

  // Once a bug: the choice capped a fixed `width` by `--vod-thumbnails-max-width`, which the
  // screen does not (only the player's width does): a 200 px preview got the 142 px set.
  it('width="200" on a 300 px player draws 200 CSS px from the set at least 200 px wide', async () => {
    const run = token();
    const { player, id } = makePlayer({}, { width: 320, height: 180 });
    await startPlayer(player);
    const el = await attach(id, { event: twoDefinitions(run), width: 200 });
    player.dimensions(300, 169);
    await layoutSettled(player.el());
    const point = await hoverTime(player, 60);
    await until(() => tileShown(el), 'the tile');
    expect(canvasOf(el).getBoundingClientRect().width, 'the preview keeps the width attribute').to.be.closeTo(200, 0.5);
    expect(el.definition, '200 device px: the 284 px set').to.equal(20);
    await expectDefinitionTile(el, 20, point.time, run);
  });

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
