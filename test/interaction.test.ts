import './support/console.js';
import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys, sendMouse } from '@web/test-runner-commands';
import videojs from 'video.js';
import '../src/index.js';
import type { VodSpriteThumbnails } from '../src/index.js';
import { attach, startWithThumbnails } from './support/element.js';
import {
  DURATION,
  hover,
  hoverTime,
  layoutSettled,
  makePlayer,
  moveAway,
  nextFrame,
  type Player,
  pointForTime,
  productSuite,
  progressControlOf,
  seekBarOf,
  sleep,
  startPlayer,
  token,
  tokenedEvent,
  touch,
  until,
} from './support/player.js';
import {
  canvasOf,
  expectTileFor,
  labelShown,
  labelText,
  part,
  previewHidden,
  tileShown,
  videoJsTooltipDisplay,
} from './support/preview.js';

/** The preview is centred on `x` unless that would leave the player, inside it, above the seek bar. */
function expectPlacedAt(el: VodSpriteThumbnails, player: Player, x: number): void {
  const box = part(el, 'thumbnail').getBoundingClientRect();
  const playerRect = player.el().getBoundingClientRect();
  const bar = seekBarOf(player).getBoundingClientRect();
  const center = Math.min(Math.max(x, playerRect.left + box.width / 2), playerRect.right - box.width / 2);
  expect(Math.abs(box.left + box.width / 2 - center), `centre for x=${x}`).to.be.lessThan(1.01);
  expect(box.left).to.be.at.least(playerRect.left - 0.5);
  expect(box.right).to.be.at.most(playerRect.right + 0.5);
  expect(box.top).to.be.at.least(playerRect.top - 0.5);
  expect(part(el, 'time').getBoundingClientRect().bottom).to.be.at.most(bar.top);
}

/** The largest red and blue values in one column of the displayed canvas. */
function columnMax(el: VodSpriteThumbnails, x: number): { red: number; blue: number } {
  const canvas = canvasOf(el);
  const data = canvas.getContext('2d')!.getImageData(x, 0, 1, canvas.height).data;
  let red = 0;
  let blue = 0;
  for (let i = 0; i < data.length; i += 4) {
    red = Math.max(red, data[i]!);
    blue = Math.max(blue, data[i + 2]!);
  }
  return { red, blue };
}

describe('interaction', () => {
  productSuite();

  it('shows the right tile, time and place for pointer positions across the bar', async () => {
    const { run, player, el } = await startWithThumbnails();
    const targets = [2.1, 14.5, 31, 47.3, 66, 79.7, 80.5, 97, 118, 139, 158.6, 160.2, 171, 178.9];
    for (const target of targets) {
      const point = await hoverTime(player, target);
      await expectTileFor(el, point.time, run);
      expect(labelText(el), `label at ${point.time}s`).to.equal(videojs.time.formatTime(point.time, DURATION));
      // Geometry: centred on the pointer unless that would leave the player; above the bar.
      expectPlacedAt(el, player, point.x);
      const box = part(el, 'thumbnail').getBoundingClientRect();
      // Default width: the tile's own (142 px) plus the border.
      expect(Math.round(box.width)).to.equal(144);
      expect(videoJsTooltipDisplay(player), 'video.js tooltip while ours shows').to.equal('none');
    }
  });

  it('hides on leave and gives the time tooltip back to video.js', async () => {
    const { player, el } = await startWithThumbnails();
    const point = await hoverTime(player, 60);
    await until(() => tileShown(el) && labelShown(el), 'the preview');
    await moveAway();
    await until(() => previewHidden(el), 'the preview to hide');
    expect(videoJsTooltipDisplay(player), "video.js's time tooltip is back").to.equal('block');
    // Hovering again without our label: video.js's own tooltip shows.
    el.showTime = false;
    await hover(point.x, point.y);
    await until(() => tileShown(el), 'the tile');
    expect(labelShown(el)).to.equal(false);
    expect(videoJsTooltipDisplay(player)).to.equal('block');
  });

  it('follows a mouse drag (scrubbing) beyond the bar and hides on release', async () => {
    const { run, player, el } = await startWithThumbnails();
    await hoverTime(player, 50);
    await sendMouse({ type: 'down' });
    // Drag up and right, out of the progress control.
    const end = pointForTime(player, 110);
    await hover(end.x, end.y - 120);
    await expectTileFor(el, end.time, run);
    expect(labelText(el)).to.equal(videojs.time.formatTime(end.time, DURATION));
    await sendMouse({ type: 'up' });
    await until(() => previewHidden(el), 'the preview to hide after release');
  });

  it('keeps the preview inside the player at both ends of the bar', async () => {
    const { player, id } = makePlayer();
    await startPlayer(player);
    // Wide enough that a centred box would stick out at both ends.
    const el = await attach(id, { event: tokenedEvent(token()), width: 320 });
    const playerRect = player.el().getBoundingClientRect();
    const bar = seekBarOf(player).getBoundingClientRect();
    const y = Math.round(bar.top + bar.height / 2);
    await hover(Math.ceil(bar.left) + 1, y);
    await until(() => tileShown(el), 'the tile at the start');
    let box = part(el, 'thumbnail').getBoundingClientRect();
    expect(bar.left - 160, 'a centred box would stick out').to.be.lessThan(playerRect.left);
    expect(Math.abs(box.left - playerRect.left)).to.be.lessThan(1.01);
    const endX = Math.floor(bar.right) - 1;
    await hover(endX, y);
    await until(() => labelText(el) === videojs.time.formatTime(((endX - bar.left) / bar.width) * DURATION, DURATION), 'the end');
    box = part(el, 'thumbnail').getBoundingClientRect();
    expect(Math.abs(box.right - playerRect.right)).to.be.lessThan(1.01);
  });

  it('draws crisp pixels: the canvas has CSS size x devicePixelRatio', async () => {
    const { player, el } = await startWithThumbnails({ width: 213 });
    await hoverTime(player, 90);
    await until(() => tileShown(el), 'the tile');
    const canvas = canvasOf(el);
    expect(canvas.getBoundingClientRect().width).to.be.closeTo(213, 0.5);
    expect(canvas.width).to.equal(Math.round(213 * devicePixelRatio));
    expect(canvas.height).to.equal(Math.round(213 * (80 / 142) * devicePixelRatio));
  });

  it('never bleeds the neighbouring tile into the edges when scaled up', async () => {
    // A sheet of two tiles, red | blue, drawn five times larger.
    const { player, id } = makePlayer();
    await startPlayer(player);
    const folder = new URL('/test/fixtures/product/', location.href).href;
    const el = await attach(id, {
      width: 500,
      event: {
        EventType: 'CreateImageSpriteComplete',
        CreateImageSpriteCompleteEvent: { ErrCode: 0, ImageSpriteUrlSet: [`${folder}bleed.png`], WebVttUrl: `${folder}bleed.vtt` },
      },
    });
    const column = (x: number) => columnMax(el, x);
    await hoverTime(player, 45);
    await until(() => tileShown(el) && column(0).red > 250, 'the red tile');
    expect(column(canvasOf(el).width - 1).blue, 'blue in the right edge of the red tile').to.be.at.most(2);
    await hoverTime(player, 135);
    await until(() => column(canvasOf(el).width - 1).blue > 250, 'the blue tile');
    expect(column(0).red, 'red in the left edge of the blue tile').to.be.at.most(2);
  });

  it('is crisp on a HiDPI screen (devicePixelRatio 2): twice the pixels, the tile alone, same geometry', async () => {
    await executeServerCommand('device-scale-factor', { factor: 2 });
    try {
      expect(devicePixelRatio).to.equal(2);
      const { run, player, el } = await startWithThumbnails();
      for (const target of [3.3, 57.9, 121, 176.5]) {
        const point = await hoverTime(player, target);
        // The reference is the 1:1 tile scaled to the backing store: a blurry (upscaled 1x)
        // drawing or one sampling the neighbouring tile differs from it.
        await expectTileFor(el, point.time, run);
        const canvas = canvasOf(el);
        expect(canvas.getBoundingClientRect().width, 'CSS width').to.be.closeTo(142, 0.01);
        expect([canvas.width, canvas.height], 'backing store').to.deep.equal([284, 160]);
        expectPlacedAt(el, player, point.x);
        expect(labelText(el)).to.equal(videojs.time.formatTime(point.time, DURATION));
      }
      // Edges stay clean at 2x too (red | blue fixture, 500 CSS px = 1000 device px wide).
      const folder = new URL('/test/fixtures/product/', location.href).href;
      el.width = 500;
      el.load({
        EventType: 'CreateImageSpriteComplete',
        CreateImageSpriteCompleteEvent: { ErrCode: 0, ImageSpriteUrlSet: [`${folder}bleed.png`], WebVttUrl: `${folder}bleed.vtt` },
      });
      await until(() => el.state === 'ready', 'the fixture');
      const red = pointForTime(player, 45);
      await moveAway();
      await hover(red.x, red.y);
      await until(() => tileShown(el) && canvasOf(el).width === 1000 && columnMax(el, 0).red > 250, 'the red tile at 2x');
      expect(columnMax(el, 999).blue, 'blue in the right edge of the red tile').to.be.at.most(2);
      await hoverTime(player, 135);
      await until(() => columnMax(el, 999).blue > 250, 'the blue tile at 2x');
      expect(columnMax(el, 0).red, 'red in the left edge of the blue tile').to.be.at.most(2);
    } finally {
      await executeServerCommand('device-scale-factor', { factor: 1 });
    }
  });

  it('shows the right tile inside the player in real fullscreen', async () => {
    const { run, player, el } = await startWithThumbnails();
    // A real click on video.js's fullscreen button (a user gesture, as the Fullscreen API requires).
    const button = player.el().querySelector('.vjs-fullscreen-control')!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(button.left + button.width / 2), Math.round(button.top + button.height / 2)] });
    try {
      await until(() => document.fullscreenElement === player.el() && player.isFullscreen(), 'fullscreen');
      // video.js re-lays its control bar out for the new size (breakpoints): let it settle.
      await layoutSettled(seekBarOf(player));
      const screenRect = player.el().getBoundingClientRect();
      expect([screenRect.width, screenRect.height], 'the player fills the viewport').to.deep.equal([innerWidth, innerHeight]);
      expect(document.fullscreenElement!.contains(el), 'the element lives in the fullscreen element').to.equal(true);
      for (const target of [1.5, 42.2, 99, 178.5]) {
        const point = await hoverTime(player, target);
        await expectTileFor(el, point.time, run);
        expect(labelText(el)).to.equal(videojs.time.formatTime(point.time, DURATION));
        expectPlacedAt(el, player, point.x);
      }
    } finally {
      if (document.fullscreenElement) await document.exitFullscreen();
    }
    await until(() => !player.isFullscreen(), 'fullscreen to end');
  });

  it('shrinks the default size on a small player', async () => {
    const { player, el } = await startWithThumbnails({}, { width: 300, height: 170 });
    const bar = seekBarOf(player).getBoundingClientRect();
    await hover(Math.round(bar.left + bar.width / 2), Math.round(bar.top + bar.height / 2));
    await until(() => tileShown(el), 'the tile');
    const canvasWidth = canvasOf(el).getBoundingClientRect().width;
    expect(canvasWidth).to.be.closeTo(300 / 3, 1);
  });

  it('shows the tile under a finger on the bar and hides it when the finger lifts', async () => {
    const { run, player, el } = await startWithThumbnails();
    for (const target of [40, 130]) {
      const point = pointForTime(player, target);
      await touch('start', point.x, point.y);
      await expectTileFor(el, point.time, run);
      expect(labelText(el)).to.equal(videojs.time.formatTime(point.time, DURATION));
      await touch('end');
      await until(() => previewHidden(el), 'the preview to hide after touchend');
    }
  });

  it('works by touch on a player without a mouse time display (as on phones)', async () => {
    const run = token();
    const { player, id } = makePlayer();
    // What video.js builds on iOS/Android: a seek bar without MouseTimeDisplay.
    const seekBar = player.getChild('ControlBar')!.getChild('ProgressControl')!.getChild('SeekBar')!;
    const mouseTimeDisplay = seekBar.getChild('MouseTimeDisplay')!;
    seekBar.removeChild(mouseTimeDisplay);
    mouseTimeDisplay.dispose();
    await startPlayer(player);
    expect(progressControlOf(player).querySelector('.vjs-mouse-display') === null, 'no mouse time display').to.equal(true);
    const el = await attach(id, { event: tokenedEvent(run) });
    const point = pointForTime(player, 100);
    await touch('start', point.x, point.y);
    await expectTileFor(el, point.time, run);
    await touch('cancel');
    await until(() => previewHidden(el), 'the preview to hide after touchcancel');
  });

  it('follows a touch drag and hides when the finger lifts', async () => {
    const { run, player, el } = await startWithThumbnails();
    const first = pointForTime(player, 40);
    await touch('start', first.x, first.y);
    await expectTileFor(el, first.time, run);
    const second = pointForTime(player, 130);
    await touch('move', second.x, second.y);
    await expectTileFor(el, second.time, run);
    expect(labelText(el)).to.equal(videojs.time.formatTime(second.time, DURATION));
    // Far off the bar, the finger still drags (video.js keeps seeking too).
    const third = pointForTime(player, 160);
    await touch('move', third.x, third.y - 150);
    await expectTileFor(el, third.time, run);
    await touch('end');
    await until(() => previewHidden(el), 'the preview to hide after touchend');
  });

  it('previews keyboard seeks on the focused seek bar for about a second', async () => {
    const { run, player, el } = await startWithThumbnails();
    const bar = seekBarOf(player);
    bar.focus();
    expect(document.activeElement).to.equal(bar);
    const start = player.currentTime() ?? 0;
    await sendKeys({ press: 'ArrowRight' });
    const stepped = start + 5;
    await until(() => labelShown(el) && labelText(el) === videojs.time.formatTime(stepped, DURATION), `the preview of ${stepped} s`);
    await expectTileFor(el, stepped, run);
    const box = part(el, 'thumbnail').getBoundingClientRect();
    const barRect = bar.getBoundingClientRect();
    expect(Math.abs(box.left + box.width / 2 - (barRect.left + (stepped / DURATION) * barRect.width))).to.be.lessThan(1.5);
    await sleep(400);
    expect(tileShown(el), 'still shown after 400 ms').to.equal(true);
    await until(() => previewHidden(el), 'the preview to hide', 2000);
    await sendKeys({ press: 'End' });
    await until(() => labelText(el) === videojs.time.formatTime(DURATION, DURATION) && tileShown(el), 'the preview of the end');
    await expectTileFor(el, DURATION - 0.01, run);
    await sendKeys({ press: '5' });
    await until(() => labelText(el) === videojs.time.formatTime(90, DURATION), 'the preview of 50 %');
    await expectTileFor(el, 90, run);
    await sendKeys({ press: 'Home' });
    await until(() => labelText(el) === videojs.time.formatTime(0, DURATION), 'the preview of the start');
    await expectTileFor(el, 0, run);
    // Keys elsewhere do nothing.
    bar.blur();
    await until(() => !tileShown(el), 'the preview to hide on blur', 2000);
    await sendKeys({ press: 'ArrowRight' });
    await sleep(100);
    expect(tileShown(el)).to.equal(false);
  });

  it('does not show anything for a player without duration', async () => {
    const { player, id } = makePlayer();
    player.hasStarted(true);
    const el = await attach(id, { event: tokenedEvent(token()) });
    await nextFrame();
    const control = progressControlOf(player).getBoundingClientRect();
    await hover(Math.round(control.left + control.width / 2), Math.round(control.top + control.height / 2));
    await sleep(100);
    expect(tileShown(el)).to.equal(false);
    expect(labelShown(el)).to.equal(false);
  });
});
