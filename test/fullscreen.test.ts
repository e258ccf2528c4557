// Real fullscreen with two sprite definitions: entering and leaving it re-picks the set (the
// preview's CSS width follows the player through `--vod-thumbnails-max-width`), never showing a
// tile of another time, and the scrub layer of a touch drag in fullscreen uses the sharp set.
import './support/console.js';
import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../src/index.js';
import type { VodSpriteThumbnails } from '../src/index.js';
import { type Definition, expectDefinitionTile, pixels, reference, twoDefinitions, withDpr } from './support/definitions.js';
import { attach } from './support/element.js';
import { hover, hoverTime, layoutSettled, makePlayer, type Player, productSuite, requests, seekBarOf, startPlayer, TILE, token, touch, until } from './support/player.js';
import { canvasOf, meanDifference, tileShown } from './support/preview.js';

/** Few controls, so the seek bar keeps some width on a 200 px player. */
const FEW_CONTROLS = { controlBar: { children: ['playToggle', 'progressControl', 'fullscreenToggle'] } };

/** Real fullscreen: a trusted click on video.js's button (the Fullscreen API wants a user gesture). */
async function enterFullscreen(player: Player): Promise<void> {
  const button = player.el().querySelector('.vjs-fullscreen-control')!.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(button.left + button.width / 2), Math.round(button.top + button.height / 2)] });
  await until(() => document.fullscreenElement === player.el() && player.isFullscreen(), 'fullscreen');
  // video.js re-lays its control bar out for the new size: hover once it is still.
  await layoutSettled(seekBarOf(player));
  player.userActive(true);
}

async function leaveFullscreen(player: Player): Promise<void> {
  if (document.fullscreenElement) await document.exitFullscreen();
  await until(() => !player.isFullscreen(), 'fullscreen to end');
  await layoutSettled(seekBarOf(player));
  player.userActive(true);
}

/** A whole-pixel point on the seek bar inside the same 0.8 s cue as `time`, as far from its edges as the bar allows. */
function pointInCue(player: Player, time: number): { x: number; y: number; time: number } {
  const rect = seekBarOf(player).getBoundingClientRect();
  const duration = player.duration() as number;
  const cue = Math.floor(time / TILE.interval);
  const center = rect.left + (time / duration) * rect.width;
  let best: { x: number; y: number; time: number } | undefined;
  let bestMargin = -1;
  for (let x = Math.floor(center) - 8; x <= Math.ceil(center) + 8; x++) {
    if (x <= rect.left || x >= rect.right) continue;
    const at = ((x - rect.left) / rect.width) * duration;
    if (Math.floor(at / TILE.interval) !== cue) continue;
    const margin = Math.min(at % TILE.interval, TILE.interval - (at % TILE.interval));
    if (margin > bestMargin) {
      bestMargin = margin;
      best = { x, y: Math.round(rect.top + rect.height / 2), time: at };
    }
  }
  if (!best) throw new Error(`no point on the seek bar in the cue of ${time}s`);
  return best;
}

/**
 * Every distinct picture the preview's canvas shows, read each frame while the tile is visible.
 * This rAF is queued before the painter's of the same frame, so it sees each painted frame.
 */
function watchPreview(el: VodSpriteThumbnails): { stop(): ImageData[] } {
  const canvas = canvasOf(el);
  const seen: ImageData[] = [];
  let frame = 0;
  const look = () => {
    if (tileShown(el) && canvas.width > 0) {
      const now = pixels(canvas);
      const last = seen.at(-1);
      if (!last || meanDifference(last, now) > 0) seen.push(now);
    }
    frame = requestAnimationFrame(look);
  };
  frame = requestAnimationFrame(look);
  return {
    stop() {
      cancelAnimationFrame(frame);
      return seen;
    },
  };
}

/** Each picture is `time`'s tile (of either set), nearer to it than to the tiles 0.8 s before and after. */
async function expectOnlyTime(pictures: ImageData[], time: number, run: string, what: string): Promise<void> {
  expect(pictures.length, `${what}: pictures seen`).to.be.above(0);
  for (const [i, picture] of pictures.entries()) {
    const distance = async (definition: Definition, at: number) => meanDifference(picture, await reference(definition, at, run, picture.width, picture.height));
    const own = Math.min(await distance(10, time), await distance(20, time));
    const neighbours = await Promise.all(([10, 20] as const).flatMap((definition) => [time - TILE.interval, time + TILE.interval].map((at) => distance(definition, at))));
    const label = `${what}: picture ${i + 1} of ${pictures.length} (${picture.width}×${picture.height})`;
    expect(own, `${label} is the tile for ${time.toFixed(2)}s`).to.be.below(1.5);
    expect(own, `${label} is nearer to it than to a neighbouring tile`).to.be.below(Math.min(...neighbours));
  }
}

/** Definitions announced by `vod-thumbnails-definition`, as seen on the document (bubbling and composed). */
function recordDefinitions(el: VodSpriteThumbnails): Array<number | undefined> {
  const seen: Array<number | undefined> = [];
  // Removed with the element: the listener is the element's own, not the document's.
  el.addEventListener('vod-thumbnails-definition', (event) => {
    if (event.bubbles && event.composed) seen.push(event.detail.definition);
  });
  return seen;
}

const sheetRequests = async (run: string, definition?: Definition) =>
  (await requests(run)).filter((entry) => entry.url.includes('.jpg') && (!definition || entry.url.includes(`imageSprite_${definition}_`)));

describe('sprite definitions in fullscreen', () => {
  productSuite(async () => {
    if (document.fullscreenElement) await document.exitFullscreen();
  });

  it('entering and leaving fullscreen re-picks the set at the same time position, each sheet fetched once', async function () {
    // Pixel checks of every picture shown, at two sizes: slow on a loaded machine.
    this.timeout(60000);
    await withDpr(2, async () => {
      const run = token();
      const { player, id } = makePlayer(FEW_CONTROLS);
      await startPlayer(player);
      const el = await attach(id, { event: twoDefinitions(run) });
      const changes = recordDefinitions(el);
      // 960 px player: the preview is 142 CSS px, 284 device px: the large set.
      expect(el.definition, 'a 960 px player at 2×').to.equal(20);
      // A 200 px player caps the preview at 33cqw = 66 CSS px = 132 device px: the small set does.
      player.dimensions(200, 113);
      await layoutSettled(seekBarOf(player));
      await until(() => el.definition === 10, 'the small set for a 200 px player');
      expect(changes, 'definition events after the resize').to.deep.equal([10]);
      expect(seekBarOf(player).getBoundingClientRect().width, 'a usable seek bar').to.be.above(60);

      const windowed = await hoverTime(player, 40);
      await expectDefinitionTile(el, 10, windowed.time, run);
      expect(await sheetRequests(run, 20), 'no sheet of the large set while windowed').to.deep.equal([]);

      let watch = watchPreview(el);
      await enterFullscreen(player);
      await until(() => el.definition === 20, 'the large set in fullscreen');
      expect(changes, 'definition events after entering fullscreen').to.deep.equal([10, 20]);
      const full = pointInCue(player, windowed.time);
      await hover(full.x, full.y);
      await expectDefinitionTile(el, 20, full.time, run);
      await expectOnlyTime(watch.stop(), windowed.time, run, 'entering fullscreen');

      watch = watchPreview(el);
      await leaveFullscreen(player);
      await until(() => el.definition === 10, 'the small set again after fullscreen');
      expect(changes, 'definition events after leaving fullscreen').to.deep.equal([10, 20, 10]);
      const back = pointInCue(player, windowed.time);
      await hover(back.x, back.y);
      await expectDefinitionTile(el, 10, back.time, run);
      await expectOnlyTime(watch.stop(), windowed.time, run, 'leaving fullscreen');

      const log = await sheetRequests(run);
      expect(new Set(log.map((entry) => entry.url)).size, 'each sheet once').to.equal(log.length);
      for (const definition of [10, 20] as const) {
        const sheet = `imageSprite_${definition}_${Math.floor(windowed.time / 80)}.jpg`;
        expect(log.filter((entry) => entry.url.includes(sheet)).length, `${sheet} fetched once`).to.equal(1);
      }
    });
  });

  it('a touch drag in fullscreen shows the scrub layer from the large set, filling the video area', async function () {
    this.timeout(60000);
    await withDpr(2, async () => {
      const run = token();
      const { player, id } = makePlayer(FEW_CONTROLS, { width: 200, height: 113 });
      await startPlayer(player);
      const el = await attach(id, { event: twoDefinitions(run) });
      await enterFullscreen(player);
      const start = pointInCue(player, 30);
      const end = pointInCue(player, 100);
      await touch('start', start.x, start.y);
      await touch('move', end.x, end.y);
      const layer = el.shadowRoot!.querySelector('[part="scrub"]') as HTMLElement;
      await until(() => layer.checkVisibility(), 'the scrub layer');
      const canvas = layer.querySelector('canvas')!;
      const box = canvas.getBoundingClientRect();
      const controlTop = player.el().querySelector('.vjs-control-bar')!.getBoundingClientRect().top;
      // 1200 × (control bar top) letterboxed at 284:160: as large as the area allows.
      expect(box.width, 'as wide as the video area allows').to.be.closeTo(Math.min(innerWidth, (controlTop * 284) / 160), 1);
      expect(box.width / box.height, 'aspect kept').to.be.closeTo(284 / 160, 0.02);
      expect(canvas.width, 'drawn at device pixels').to.be.closeTo(box.width * 2, 2);
      let own = 255;
      let small = 0;
      for (const until = performance.now() + 8000; performance.now() < until; await new Promise((resolve) => setTimeout(resolve, 100))) {
        const shown = pixels(canvas);
        own = meanDifference(shown, await reference(20, end.time, run, canvas.width, canvas.height));
        small = meanDifference(shown, await reference(10, end.time, run, canvas.width, canvas.height));
        if (own < 1.5) break;
      }
      expect(own, `the large set's tile for ${end.time.toFixed(2)}s`).to.be.below(1.5);
      expect(own, 'sharper than the small set scaled up').to.be.below(small);
      expect(tileShown(el), 'the small preview still shows').to.equal(true);
      await touch('end');
      await until(() => !layer.checkVisibility(), 'the scrub layer hidden after release');
      const log = await sheetRequests(run);
      expect(new Set(log.map((entry) => entry.url)).size, 'each sheet once').to.equal(log.length);
    });
  });
});
