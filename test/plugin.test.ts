import { expectWarnings } from './support/console.js';
import { expect } from '@open-wc/testing';
import videojs from 'video.js';
import '../src/index.js';
import { VodSpriteThumbnailsPlugin, type VodSpriteThumbnailsOptions } from '../src/index.js';
import { createElement, readyOf, recordEvents, recordWarnings, startWithThumbnails } from './support/element.js';
import {
  hover,
  hoverTime,
  makePlayer,
  moveAway,
  PAYLOADS,
  type Player,
  productSuite,
  requests,
  SAMPLE,
  seekBarOf,
  SHEETS,
  sleep,
  spriteEvent,
  startPlayer,
  token,
  tokenedEvent,
  touch,
  until,
  VTT,
  withToken,
} from './support/player.js';
import { expectTileFor, labelShown, part, previewHidden, videoJsTooltipDisplay } from './support/preview.js';

/** `player.vodSpriteThumbnails(options)`, typed against this source tree (not a built dist/). */
function thumbnails(player: Player, options?: VodSpriteThumbnailsOptions): VodSpriteThumbnailsPlugin {
  return (player as unknown as { vodSpriteThumbnails(options?: VodSpriteThumbnailsOptions): VodSpriteThumbnailsPlugin }).vodSpriteThumbnails(options);
}

const mp4 = (query: string) => ({ src: `${SAMPLE}?${query}`, type: 'video/mp4' });

/** A player with the plugin and no payload yet, two tokens for two sources, and an event recorder. */
function sourceSwitch() {
  const { player } = makePlayer();
  return { runA: token(), runB: token(), player, plugin: thumbnails(player), recorder: recordEvents() };
}

/** After switching from source A to B: B's tile shows, one ready event in all, no sheet of A was loaded. */
async function expectOnlySecondSource(
  player: Player,
  plugin: VodSpriteThumbnailsPlugin,
  recorder: ReturnType<typeof recordEvents>,
  { runA, runB }: { runA: string; runB: string },
  target: number,
): Promise<void> {
  const point = await hoverTime(player, target);
  await expectTileFor(plugin.element, point.time, runB);
  expect(recorder.events.map((event) => event.type)).to.deep.equal(['vod-thumbnails-ready']);
  expect((await requests(runA)).filter((entry) => entry.url.includes('.jpg'))).to.deep.equal([]);
}

describe('vodSpriteThumbnails plugin', () => {
  productSuite();

  it('is registered as an advanced plugin with a version', () => {
    expect(videojs.getPlugin('vodSpriteThumbnails')).to.equal(VodSpriteThumbnailsPlugin);
    expect(VodSpriteThumbnailsPlugin.VERSION).to.match(/^\d+\.\d+\.\d+/);
    expect(videojs.getPluginVersion('vodSpriteThumbnails')).to.equal(VodSpriteThumbnailsPlugin.VERSION);
  });

  it('shows thumbnails from `event` and exposes element and state', async () => {
    const run = token();
    const { player } = makePlayer();
    await startPlayer(player);
    const plugin = thumbnails(player, { event: tokenedEvent(run) });
    expect(plugin).to.be.instanceOf(VodSpriteThumbnailsPlugin);
    expect(plugin.element.parentElement).to.equal(player.el());
    await readyOf(plugin.element);
    expect(plugin.state.status).to.equal('ready');
    const point = await hoverTime(player, 64);
    await expectTileFor(plugin.element, point.time, run);
  });

  it("keeps video.js's own stateful `state` ({ status, error }), updated with setState so statechanged fires", async () => {
    const run = token();
    const { player } = makePlayer();
    await startPlayer(player);
    const plugin = thumbnails(player);
    expect(plugin.state).to.deep.equal({ status: 'empty', error: null });
    const changes: Array<{ status: string; error: unknown }> = [];
    plugin.on('statechanged', () => changes.push({ ...plugin.state }));
    plugin.load(tokenedEvent(run));
    await until(() => plugin.state.status === 'ready', 'ready');
    expect(changes.map((change) => change.status)).to.deep.equal(['loading', 'ready']);
    const warnings = recordWarnings();
    try {
      plugin.load({ EventType: 'CreateImageSpriteComplete', CreateImageSpriteCompleteEvent: { ErrCode: 70000, Message: 'bad' } });
      await until(() => plugin.state.status === 'error', 'error');
    } finally {
      warnings.stop();
    }
    expect(warnings.texts()).to.have.length(1);
    expect(warnings.texts()[0]).to.match(/^vod-sprite-thumbnails \(payload\): the sprite task failed: ErrCode 70000, Message "bad"/);
    expect(plugin.state.error).to.equal(plugin.element.error);
    expect((plugin.state.error as Error & { code?: string }).code).to.equal('task-failed');
    expect(changes.at(-1)?.status).to.equal('error');
    plugin.clear();
    await until(() => plugin.state.status === 'empty', 'empty after clear()');
    expect(plugin.state.error).to.equal(null);
  });

  it('takes null, undefined or no options; warns on other non-objects; ignores __proto__ / constructor keys', async () => {
    for (const options of [null, undefined]) {
      const { player } = makePlayer();
      const plugin = thumbnails(player, options as unknown as VodSpriteThumbnailsOptions);
      expect(plugin.state.status).to.equal('empty');
    }
    const warnings = recordWarnings();
    try {
      for (const options of ['x', 5, true]) {
        const { player } = makePlayer();
        expect(() => thumbnails(player, options as unknown as VodSpriteThumbnailsOptions)).not.to.throw();
      }
    } finally {
      warnings.stop();
    }
    expect(warnings.warnings.length, 'a warning per non-object').to.equal(3);
    for (const text of warnings.texts()) expect(text).to.match(/^vod-sprite-thumbnails: vodSpriteThumbnails options/);
    expectWarnings(/^vod-sprite-thumbnails: vodSpriteThumbnails options: ignored "__proto__", "constructor"\.$/, 1);
    const { player } = makePlayer();
    const hostile = JSON.parse('{"__proto__": {"fileId": "evil", "preload": "none", "width": 999}, "constructor": {"prototype": {"width": 7}}}');
    const plugin = thumbnails(player, hostile);
    expect(plugin.element.fileId).to.equal(null);
    expect(plugin.element.preload).to.equal('hover');
    expect(plugin.element.width).to.equal(null);
    expect(({} as Record<string, unknown>).fileId).to.equal(undefined);
  });

  it("hides video.js's time tooltips while our preview shows (hover and touch drag), and restores them on dispose", async () => {
    const { player, el } = await startWithThumbnails();
    const tooltips = () => [...player.el().querySelectorAll('.vjs-progress-control .vjs-time-tooltip')] as HTMLElement[];
    const visibleTooltips = () => tooltips().filter((tooltip) => tooltip.checkVisibility({ visibilityProperty: true }) && getComputedStyle(tooltip).display !== 'none');
    expect(tooltips().length, 'MouseTimeDisplay + PlayProgressBar tooltips').to.equal(2);
    await hoverTime(player, 50);
    await until(() => labelShown(el), 'our label');
    expect(visibleTooltips(), 'no video.js tooltip while hovering').to.deep.equal([]);
    await moveAway();
    await until(() => previewHidden(el), 'hidden');
    expect(tooltips().every((tooltip) => !tooltip.classList.contains('vjs-hidden')), 'tooltips restored after hover').to.equal(true);
    const bar = seekBarOf(player).getBoundingClientRect();
    const y = bar.top + bar.height / 2;
    await touch('start', bar.left + bar.width * 0.3, y);
    await touch('move', bar.left + bar.width * 0.5, y);
    await until(() => labelShown(el), 'our label during the drag');
    expect(visibleTooltips(), 'no video.js tooltip during a touch drag').to.deep.equal([]);
    // The element leaves while its preview shows: video.js's tooltips come back.
    el.remove();
    await until(() => tooltips().every((tooltip) => !tooltip.classList.contains('vjs-hidden')), 'tooltips back after the element leaves');
    await touch('end');
    player.dispose();
    // The plugin's dispose restores them too.
    const { player: next } = makePlayer();
    await startPlayer(next);
    const plugin = thumbnails(next, { event: tokenedEvent(token()) });
    await until(() => plugin.state.status === 'ready', 'ready');
    await hoverTime(next, 40);
    await until(() => labelShown(plugin.element), 'label');
    const nextTooltips = [...next.el().querySelectorAll('.vjs-progress-control .vjs-time-tooltip')];
    expect(nextTooltips.some((tooltip) => tooltip.classList.contains('vjs-hidden')), 'hidden while ours shows').to.equal(true);
    plugin.dispose();
    await until(() => nextTooltips.every((tooltip) => !tooltip.classList.contains('vjs-hidden')), 'tooltips back after the plugin is disposed', 200);
  });

  it('works when set up through the player options (before the control bar exists)', async () => {
    const run = token();
    const { player } = makePlayer({ plugins: { vodSpriteThumbnails: { event: tokenedEvent(run) } } });
    const plugin = thumbnails(player);
    expect(plugin).to.be.instanceOf(VodSpriteThumbnailsPlugin);
    await startPlayer(player);
    await until(() => plugin.state.status === 'ready', 'ready');
    const point = await hoverTime(player, 88);
    await expectTileFor(plugin.element, point.time, run);
  });

  it('loads `eventSrc` with URLs relative to the JSON document', async () => {
    const { player } = makePlayer();
    await startPlayer(player);
    const plugin = thumbnails(player, { eventSrc: `${PAYLOADS}/legacy-2.0.json?${token()}` });
    const detail = await readyOf(plugin.element);
    expect(detail.sheets).to.deep.equal(SHEETS.map((url) => new URL(url, location.href).href));
  });

  it('takes new options on a second call and returns the same instance', async () => {
    const run = token();
    const { player } = makePlayer();
    await startPlayer(player);
    const plugin = thumbnails(player, { event: tokenedEvent(run) });
    await readyOf(plugin.element);
    const again = thumbnails(player, { showTime: false, width: 200 });
    expect(again).to.equal(plugin);
    expect(plugin.state.status).to.equal('ready');
    const point = await hoverTime(player, 10);
    await expectTileFor(plugin.element, point.time, run);
    expect(labelShown(plugin.element)).to.equal(false);
    expect(part(plugin.element, 'thumbnail').getBoundingClientRect().width).to.be.closeTo(202, 0.5);
    // Without our label, video.js's own time tooltip shows.
    expect(videoJsTooltipDisplay(player)).to.equal('block');
  });

  it('clear() removes the thumbnails and load() brings new ones', async () => {
    const run = token();
    const { player } = makePlayer();
    await startPlayer(player);
    const plugin = thumbnails(player, { event: tokenedEvent(token()) });
    await readyOf(plugin.element);
    plugin.clear();
    await until(() => plugin.state.status === 'empty', 'empty');
    const point = await hoverTime(player, 100);
    await sleep(100);
    expect(previewHidden(plugin.element)).to.equal(true);
    expect(videoJsTooltipDisplay(player)).to.equal('block');
    const ready = readyOf(plugin.element);
    plugin.load(JSON.stringify(tokenedEvent(run)));
    await ready;
    await moveAway();
    await hover(point.x, point.y);
    await expectTileFor(plugin.element, point.time, run);
  });

  it('reuses an element already inside the player', async () => {
    const { player, el } = await startWithThumbnails({ showTime: false });
    const plugin = thumbnails(player, { width: 180 });
    expect(plugin.element).to.equal(el);
    expect(player.el().querySelectorAll('vod-sprite-thumbnails').length).to.equal(1);
    expect(el.width).to.equal(180);
    expect(el.showTime, 'its own setting, not a plugin default').to.equal(false);
    expect(plugin.state.status).to.equal('ready');
  });

  it("on player dispose leaves a page's own element its payload, for the next player with that id", async () => {
    const run = token();
    const first = makePlayer();
    const spot = document.createElement('section');
    document.body.append(spot);
    const el = createElement({ for: first.id });
    el.event = tokenedEvent(run);
    let ready = readyOf(el);
    spot.append(el);
    await ready;
    expect(thumbnails(first.player, { width: 200 }).element).to.equal(el);
    first.player.dispose();
    expect(el.parentElement, 'back where the page put it').to.equal(spot);
    expect(el.width).to.equal(200);
    // The single-page app builds the player again: same id, same element, same payload.
    ready = readyOf(el);
    const second = makePlayer({}, undefined, first.id);
    await ready;
    expect(el.parentElement).to.equal(second.player.el());
    await startPlayer(second.player);
    const point = await hoverTime(second.player, 144);
    await expectTileFor(el, point.time, run);
    spot.remove();
  });

  it('uses per-source payloads and clears on a source without one', async () => {
    const runA = token();
    const runC = token();
    const { player } = makePlayer();
    const plugin = thumbnails(player);
    expect(plugin.state.status).to.equal('empty');
    let ready = readyOf(plugin.element);
    await startPlayer(player, { ...mp4('a'), spriteEvent: tokenedEvent(runA) });
    const detail = await ready;
    expect(detail.sheets[0]).to.contain(runA);
    const point = await hoverTime(player, 45);
    await expectTileFor(plugin.element, point.time, runA);

    // Another video without a payload: the preview goes at once, never showing the old tiles.
    const started = startPlayer(player, mp4('b'));
    await until(() => plugin.state.status === 'empty', 'empty after the source change', 200);
    await until(() => previewHidden(plugin.element), 'the old preview to go', 200);
    await started;
    await moveAway();
    await hover(point.x, point.y);
    await sleep(150);
    expect(previewHidden(plugin.element)).to.equal(true);
    expect(videoJsTooltipDisplay(player)).to.equal('block');

    ready = readyOf(plugin.element);
    const startedC = startPlayer(player, { ...mp4('c'), spriteEvent: tokenedEvent(runC) });
    expect((await ready).sheets[0]).to.contain(runC);
    await startedC;
    await moveAway();
    await hover(point.x, point.y);
    await expectTileFor(plugin.element, point.time, runC);
  });

  it('never shows the previous source when its VTT answers after a switch', async () => {
    const { runA, runB, player, plugin, recorder } = sourceSwitch();
    try {
      // Switch to B the moment A starts loading (A's VTT request is then on its way).
      let started: Promise<void> | undefined;
      const observer = new MutationObserver(() => {
        if (plugin.element.getAttribute('state') !== 'loading' || started) return;
        started = startPlayer(player, { ...mp4('b'), spriteEvent: tokenedEvent(runB) });
      });
      observer.observe(plugin.element, { attributes: true, attributeFilter: ['state'] });
      const ready = readyOf(plugin.element);
      player.src({ ...mp4('a'), spriteEvent: tokenedEvent(runA) });
      expect((await ready).sheets[0]).to.contain(runB);
      observer.disconnect();
      await started;
      await sleep(300);
      await expectOnlySecondSource(player, plugin, recorder, { runA, runB }, 150);
    } finally {
      recorder.stop();
    }
  });

  it('ignores a late VTT of the previous source (server delays it)', async () => {
    const { runA, runB, player, plugin, recorder } = sourceSwitch();
    try {
      const slowA = spriteEvent({
        vtt: withToken(new URL(`/__wtr/delay/800${VTT}`, location.href).href, runA),
        sheets: SHEETS.map((url) => withToken(new URL(url, location.href).href, runA)),
      });
      player.src({ ...mp4('a'), spriteEvent: slowA });
      await until(() => plugin.state.status === 'loading', 'A loading');
      player.src({ ...mp4('b'), spriteEvent: tokenedEvent(runB) });
      await until(() => plugin.state.status === 'ready', 'B ready');
      // A's VTT answers now (800 ms after it was asked for); B's video has settled.
      await sleep(1200);
      expect(player.currentSrc()).to.contain('?b');
      player.hasStarted(true);
      await until(() => seekBarOf(player).getBoundingClientRect().width > 0, 'the control bar');
      await expectOnlySecondSource(player, plugin, recorder, { runA, runB }, 20);
    } finally {
      recorder.stop();
    }
  });

  it('dispose removes everything it added; nothing fires or loads afterwards', async () => {
    const run = token();
    const { player } = makePlayer();
    await startPlayer(player);
    const plugin = thumbnails(player, { event: tokenedEvent(run), preload: 'none' });
    // Listen before the hover: the VTT may answer before sendMouse returns.
    const ready = readyOf(plugin.element);
    await hoverTime(player, 30);
    await ready;
    await moveAway();
    const element = plugin.element;
    plugin.dispose();
    expect(player.el().querySelector('vod-sprite-thumbnails')).to.equal(null);
    expect(element.isConnected).to.equal(false);
    expect(videoJsTooltipDisplay(player), "video.js's time tooltip is back").to.equal('block');
    await sleep(300);
    const before = (await requests(run)).length;
    const recorder = recordEvents();
    try {
      for (const target of [5, 60, 120, 175]) {
        await hoverTime(player, target);
      }
      // Sources with payloads reach no one now.
      player.src({ ...mp4('after'), spriteEvent: tokenedEvent(run) });
      await sleep(400);
      expect(recorder.events).to.deep.equal([]);
      expect((await requests(run)).length).to.equal(before);
      expect(videoJsTooltipDisplay(player)).to.equal('block');
    } finally {
      recorder.stop();
    }
    // The plugin can be set up again.
    const again = thumbnails(player, { event: tokenedEvent(token()) });
    expect(again).to.not.equal(plugin);
    await readyOf(again.element);
  });

  it('goes away with its player without warnings', async () => {
    const { player } = makePlayer();
    await startPlayer(player);
    const plugin = thumbnails(player, { event: tokenedEvent(token()) });
    await readyOf(plugin.element);
    const warnings = recordWarnings();
    try {
      player.dispose();
      await sleep(100);
      expect(plugin.element.isConnected).to.equal(false);
      expect(warnings.warnings).to.deep.equal([]);
    } finally {
      warnings.stop();
    }
  });
});
