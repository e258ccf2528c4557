import { expectWarnings } from './support/console.js';
import { expect } from '@open-wc/testing';
import videojs from 'video.js';
import '../src/index.js';
import { VodSpriteThumbnails } from '../src/index.js';
import {
  attach,
  createElement,
  readyOf,
  recordEvents,
  recordWarnings,
  startWithThumbnails,
} from './support/element.js';
import {
  hover,
  hoverTime,
  makePlayer,
  moveAway,
  PAYLOADS,
  productSuite,
  requests,
  SAMPLE,
  SHEETS,
  sleep,
  spriteEvent,
  startPlayer,
  token,
  tokenedEvent,
  until,
  VTT,
  withToken,
} from './support/player.js';
import { expectTileFor, labelShown, previewHidden, tileShown, videoJsTooltipDisplay } from './support/preview.js';

function thumbnailsIn(el: Element): number {
  return el.querySelectorAll('vod-sprite-thumbnails').length;
}

/** Page nodes a test added (removed after each test). */
const holders: HTMLElement[] = [];

/** A `<video class="video-js">` in the page, not yet turned into a player (removed after the test). */
function videoTag(id: string): { video: HTMLVideoElement; holder: HTMLElement } {
  const holder = document.createElement('div');
  holder.className = 'holder';
  const video = document.createElement('video');
  video.id = id;
  video.className = 'video-js';
  video.width = 960;
  video.height = 540;
  video.controls = true;
  video.muted = true;
  holder.append(video);
  document.body.append(holder);
  holders.push(holder);
  return { video, holder };
}

describe('<vod-sprite-thumbnails> attaching', () => {
  productSuite(() => {
    for (const player of videojs.getAllPlayers()) player.dispose();
    for (const holder of holders.splice(0)) holder.remove();
  });

  it('is defined once, by importing the entry', () => {
    expect(customElements.get('vod-sprite-thumbnails')).to.equal(VodSpriteThumbnails);
    expect(document.createElement('vod-sprite-thumbnails')).to.be.instanceOf(VodSpriteThumbnails);
  });

  it('attaches when placed before the player in the page, and moves inside it', async () => {
    const run = token();
    const id = `before-${run.slice(4)}`;
    const el = createElement({ for: id });
    el.event = tokenedEvent(run);
    document.body.append(el);
    expect(el.state).to.equal('empty');
    const { video, holder } = videoTag(id);
    holder.before(el);
    const ready = readyOf(el);
    const player = videojs(video);
    await ready;
    expect(el.parentElement).to.equal(player.el());
    expect(thumbnailsIn(player.el())).to.equal(1);
    expect(el.getAttribute('state')).to.equal('ready');
    await startPlayer(player);
    const point = await hoverTime(player, 33);
    await expectTileFor(el, point.time, run);
  });

  it('attaches when placed after the <video> and the player is set up later', async () => {
    const run = token();
    const id = `after-${run.slice(4)}`;
    const { video, holder } = videoTag(id);
    const el = createElement({ for: id, 'event-src': withToken(`${PAYLOADS}/normal.json`, run) });
    holder.after(el);
    holders.push(el);
    const ready = readyOf(el);
    await sleep(50);
    const player = videojs(video);
    const detail = await ready;
    expect(detail.cues.length).to.equal(225);
    expect(el.parentElement).to.equal(player.el());
    await startPlayer(player);
    const point = await hoverTime(player, 120);
    // normal.json's URLs are relative to the JSON file: the sheets are the demo's own.
    await expectTileFor(el, point.time, run, SHEETS.map((url) => new URL(url, location.href).href));
  });

  it('attaches when added to a running player later', async () => {
    const run = token();
    const { player, id } = makePlayer();
    await startPlayer(player);
    await sleep(100);
    const el = await attach(id, { event: tokenedEvent(run) });
    expect(el.parentElement).to.equal(player.el());
    const point = await hoverTime(player, 75);
    await expectTileFor(el, point.time, run);
  });

  it('attaches to the player it sits in, without `for`', async () => {
    const run = token();
    const { player } = makePlayer();
    await startPlayer(player);
    const el = createElement();
    el.event = tokenedEvent(run);
    const ready = readyOf(el);
    player.el().append(el);
    await ready;
    expect(el.state).to.equal('ready');
    expect(thumbnailsIn(player.el())).to.equal(1);
    const point = await hoverTime(player, 150);
    await expectTileFor(el, point.time, run);
  });

  it('keeps its payload for a player whose source comes from <source> markup', async () => {
    const run = token();
    const id = `markup-${run.slice(4)}`;
    const { video, holder } = videoTag(id);
    const source = document.createElement('source');
    source.setAttribute('src', SAMPLE.slice(1)); // relative to the page, as people write it
    source.setAttribute('type', 'video/mp4');
    video.append(source);
    video.preload = 'auto';
    const el = createElement({ for: id });
    el.event = tokenedEvent(run);
    holder.after(el);
    holders.push(el);
    const ready = readyOf(el);
    const player = videojs(video);
    await ready;
    await new Promise<void>((resolve) => (player.readyState() >= 1 ? resolve() : player.one('loadedmetadata', () => resolve())));
    player.hasStarted(true);
    await sleep(100);
    const point = await hoverTime(player, 66);
    await expectTileFor(el, point.time, run);
    expect(el.state).to.equal('ready');
  });

  it('outlives a disposed player: back in its place, then attached to the next player with that id', async () => {
    const run = token();
    const id = `spa-${run.slice(4)}`;
    // The author's markup: the element between two siblings, outside the player.
    const app = document.createElement('main');
    const above = document.createElement('p');
    const below = document.createElement('p');
    const el = createElement({ for: id });
    el.event = tokenedEvent(run);
    app.append(above, el, below);
    document.body.append(app);
    holders.push(app);
    const inPlace = () => [...app.childNodes].length === 3 && above.nextSibling === el && el.nextSibling === below;

    const showsTiles = async (player: ReturnType<typeof videojs>) => {
      await startPlayer(player);
      for (const target of [12, 150]) {
        const point = await hoverTime(player, target);
        await expectTileFor(el, point.time, run);
      }
      await moveAway();
    };
    const recorder = recordEvents();
    try {
      for (const round of [1, 2, 3]) {
        const { video, holder } = videoTag(id);
        const ready = readyOf(el);
        const player = videojs(video);
        await ready;
        expect(el.parentElement, `round ${round}: inside the player`).to.equal(player.el());
        expect(thumbnailsIn(player.el())).to.equal(1);
        await showsTiles(player);
        player.dispose();
        holder.remove();
        expect(el.isConnected, `round ${round}: still in the page`).to.equal(true);
        expect(inPlace(), `round ${round}: back between its siblings, nothing left behind`).to.equal(true);
        expect(el.state).to.equal('empty');
      }
      // One ready per player; nothing from a disposed player (no events, no requests) meanwhile.
      expect(recorder.events.map((event) => event.type)).to.deep.equal(['vod-thumbnails-ready', 'vod-thumbnails-ready', 'vod-thumbnails-ready']);
      const settled = (await requests(run)).length;
      await hover(300, 300);
      await sleep(300);
      expect((await requests(run)).length).to.equal(settled);
      expect(recorder.events.length).to.equal(3);
    } finally {
      recorder.stop();
    }
    // Removed by the author: gone for good, no placeholder left.
    el.remove();
    await sleep(0);
    expect([...app.childNodes]).to.deep.equal([above, below]);
  });

  it('goes away with its player when it started inside it (nothing left behind)', async () => {
    const { player } = makePlayer();
    await startPlayer(player);
    const el = createElement();
    el.event = tokenedEvent(token());
    const ready = readyOf(el);
    player.el().append(el);
    await ready;
    const bodyNodes = document.body.childNodes.length;
    player.dispose();
    await sleep(0);
    expect(el.isConnected, 'gone with its player').to.equal(false);
    expect(el.state).to.equal('empty');
    expect(document.body.childNodes.length).to.equal(bodyNodes);
  });

  it('waits for a new `for` target where the author put it', async () => {
    const run = token();
    const a = makePlayer();
    await startPlayer(a.player);
    const spot = document.createElement('section');
    document.body.append(spot);
    holders.push(spot);
    const el = createElement({ for: a.id });
    el.event = tokenedEvent(run);
    const ready = readyOf(el);
    spot.append(el);
    await ready;
    expect(el.parentElement).to.equal(a.player.el());
    const laterId = `later-${run.slice(4)}`;
    el.setAttribute('for', laterId);
    await until(() => el.parentElement === spot, 'the element back in its spot');
    // The old player no longer holds it, so disposing that player does not take it along.
    a.player.dispose();
    expect(el.isConnected).to.equal(true);
    const { video } = videoTag(laterId);
    const readyAgain = readyOf(el);
    const player = videojs(video);
    await readyAgain;
    expect(el.parentElement).to.equal(player.el());
    await startPlayer(player);
    const point = await hoverTime(player, 77);
    await expectTileFor(el, point.time, run);
  });

  it('moving into the player does not tear down or fetch again', async () => {
    const { run, player, el } = await startWithThumbnails();
    // Someone moves it around the page: it goes back inside its player, keeping its data.
    document.body.prepend(el);
    await sleep(50);
    expect(el.parentElement).to.equal(player.el());
    expect(el.state).to.equal('ready');
    const vttRequests = (await requests(run)).filter((entry) => entry.url.includes('.vtt'));
    expect(vttRequests.length).to.equal(1);
  });

  it('removed from the page, it stops: no events, no requests, video.js tooltip back', async () => {
    const { run, player, el } = await startWithThumbnails();
    await hoverTime(player, 25);
    await until(() => tileShown(el), 'the tile');
    expect(videoJsTooltipDisplay(player), "video.js's time tooltip hidden while ours shows").to.equal('none');
    el.remove();
    await moveAway();
    await sleep(300);
    expect(videoJsTooltipDisplay(player), "video.js's time tooltip is back").to.equal('block');
    const before = (await requests(run)).length;
    const recorder = recordEvents();
    try {
      for (const target of [100, 170]) {
        await hoverTime(player, target);
      }
      await sleep(300);
      expect(recorder.events).to.deep.equal([]);
      expect((await requests(run)).length).to.equal(before);
      expect(videoJsTooltipDisplay(player)).to.equal('block');
    } finally {
      recorder.stop();
    }
    expect(el.state).to.equal('empty');
  });

  it('removed while loading, it never reports', async () => {
    const run = token();
    const { player, id } = makePlayer();
    await startPlayer(player);
    const recorder = recordEvents();
    try {
      const el = createElement({ for: id, 'event-src': withToken(`${PAYLOADS}/normal.json`, run) });
      // Remove it the moment it starts loading (its request is then on its way).
      let removed = false;
      const observer = new MutationObserver(() => {
        if (el.getAttribute('state') !== 'loading') return;
        el.remove();
        removed = true;
        observer.disconnect();
      });
      observer.observe(el, { attributes: true, attributeFilter: ['state'] });
      document.body.append(el);
      await until(() => removed, 'the removal');
      await sleep(600);
      expect(recorder.events).to.deep.equal([]);
      expect(el.state).to.equal('empty');
    } finally {
      recorder.stop();
    }
  });

  it('resolves relative URLs in `event` against the document', async () => {
    const { player, id } = makePlayer();
    await startPlayer(player);
    const base = new URL(document.baseURI);
    const relative = (path: string) => path.slice(1); // "/demo/..." -> "demo/..." (relative to the root page)
    expect(base.pathname.endsWith('/')).to.equal(true);
    const el = createElement({ for: id });
    el.setAttribute(
      'event',
      JSON.stringify(spriteEvent({ vtt: relative(VTT), sheets: SHEETS.map(relative) })),
    );
    const ready = readyOf(el);
    document.body.append(el);
    const detail = await ready;
    expect(detail.sheets).to.deep.equal(SHEETS.map((url) => new URL(relative(url), document.baseURI).href));
  });

  it('picks the sprite result by file-id and keeps signed URLs (reliable callback)', async () => {
    const { player, id } = makePlayer();
    await startPlayer(player);
    const el = createElement({ for: id, 'event-src': `${PAYLOADS}/reliable.json?${token()}`, 'file-id': '5285890784246869380', definition: '10' });
    const ready = readyOf(el);
    document.body.append(el);
    const detail = await ready;
    expect(detail.sheets.length).to.equal(3);
    for (const sheet of detail.sheets) expect(new URL(sheet).searchParams.get('sign')).to.have.length.greaterThan(10);
    await hoverTime(player, 140);
    await until(() => tileShown(el), 'a tile from the signed sheets');
    // Another file-id: nothing matches, which is an error.
    const failed = new Promise<string>((resolve) => el.addEventListener('vod-thumbnails-error', (event) => resolve(event.detail.stage), { once: true }));
    expectWarnings(/^vod-sprite-thumbnails \(payload\): no sprite result matches FileId another-file and Definition 10/, 1);
    el.fileId = 'another-file';
    expect(await failed).to.equal('payload');
    expect(el.state).to.equal('error');
  });

  it('reflects its state, and goes empty without a payload', async () => {
    const { player, id } = makePlayer();
    await startPlayer(player);
    const el = createElement({ for: id, 'event-src': `${PAYLOADS}/task.json?${token()}` });
    const states: Array<string | null> = [];
    const observer = new MutationObserver(() => states.push(el.getAttribute('state')));
    observer.observe(el, { attributes: true, attributeFilter: ['state'] });
    const ready = readyOf(el);
    document.body.append(el);
    await ready;
    await until(() => el.getAttribute('state') === 'ready', 'ready reflected');
    observer.disconnect();
    expect(states.slice(-2)).to.deep.equal(['loading', 'ready']);
    el.removeAttribute('event-src');
    await until(() => el.getAttribute('state') === 'empty', 'empty');
    expect(el.error).to.equal(null);
  });

  it('shows nothing for a player nobody gave a payload', async () => {
    const { player, id } = makePlayer();
    await startPlayer(player);
    const el = createElement({ for: id });
    document.body.append(el);
    await sleep(50);
    await hoverTime(player, 50);
    await sleep(100);
    expect(el.state).to.equal('empty');
    expect(previewHidden(el)).to.equal(true);
  });

  it('keeps exactly one element per player: a second one stays inactive', async () => {
    const run = token();
    const { player, id } = makePlayer();
    await startPlayer(player);
    const first = await attach(id, { event: tokenedEvent(run) });
    const recorder = recordWarnings();
    try {
      const second = createElement({ for: id });
      second.event = tokenedEvent(token());
      document.body.append(second);
      await sleep(100);
      expect(thumbnailsIn(player.el())).to.equal(1);
      expect(second.parentElement).to.equal(document.body);
      expect(second.state).to.equal('empty');
      expect(recorder.warnings.length).to.equal(1);
      expect(String(recorder.warnings[0]![0])).to.contain('already has');
      second.remove();
    } finally {
      recorder.stop();
    }
    expect(first.state).to.equal('ready');
  });

  it('a second element for a taken player takes over when the first one leaves', async () => {
    const { player, id } = makePlayer();
    await startPlayer(player);
    const first = await attach(id, { event: tokenedEvent(token()) });
    const warnings = recordWarnings();
    const second = createElement({ for: id });
    const run = token();
    second.event = tokenedEvent(run);
    try {
      document.body.append(second);
      await sleep(100);
      expect(second.state, 'inactive while the first one holds the player').to.equal('empty');
      const ready = readyOf(second);
      first.remove();
      await ready;
    } finally {
      warnings.stop();
    }
    expect(warnings.texts(), 'the inactive one said why, once').to.have.length(1);
    expect(warnings.texts()[0]).to.match(/^vod-sprite-thumbnails: player "[^"]+" already has a <vod-sprite-thumbnails>/);
    expect(second.parentElement).to.equal(player.el());
    expect(thumbnailsIn(player.el())).to.equal(1);
    const point = await hoverTime(player, 58);
    await expectTileFor(second, point.time, run);
    expect(first.state).to.equal('empty');
  });

  it('moves to another player when `for` changes', async () => {
    const runA = token();
    const a = makePlayer();
    const b = makePlayer();
    await startPlayer(a.player);
    await startPlayer(b.player);
    const el = await attach(a.id, { event: tokenedEvent(runA) });
    const ready = readyOf(el);
    el.setAttribute('for', b.id);
    await ready;
    expect(el.parentElement).to.equal(b.player.el());
    expect(thumbnailsIn(a.player.el())).to.equal(0);
  });

  it('works independently on several players', async () => {
    const runA = token();
    const runB = token();
    const a = makePlayer({}, { width: 560, height: 315 });
    const b = makePlayer({}, { width: 560, height: 315 });
    await startPlayer(a.player);
    await startPlayer(b.player);
    const elA = await attach(a.id, { event: tokenedEvent(runA) });
    const elB = await attach(b.id, { event: tokenedEvent(runB), showTime: false });
    const pointA = await hoverTime(a.player, 20);
    await expectTileFor(elA, pointA.time, runA);
    expect(labelShown(elA)).to.equal(true);
    expect(tileShown(elB)).to.equal(false);
    const pointB = await hoverTime(b.player, 170);
    await expectTileFor(elB, pointB.time, runB);
    expect(labelShown(elB)).to.equal(false);
    await until(() => !tileShown(elA), 'A to hide');
    // Each player loaded its own sheets.
    expect((await requests(runA)).some((entry) => entry.url.includes('imageSprite_10_2.jpg'))).to.equal(false);
    expect((await requests(runB)).some((entry) => entry.url.includes('imageSprite_10_2.jpg'))).to.equal(true);
  });

  it('sizes from the width attribute and the CSS custom properties', async () => {
    const { run, player, el } = await startWithThumbnails();
    el.setAttribute('width', '250');
    el.style.setProperty('--vod-thumbnails-border', '3px solid rgb(255, 0, 0)');
    const point = await hoverTime(player, 99);
    await expectTileFor(el, point.time, run);
    const box = el.shadowRoot!.querySelector('[part="thumbnail"]') as HTMLElement;
    expect(box.getBoundingClientRect().width).to.be.closeTo(256, 0.5);
    expect(getComputedStyle(box).borderTopColor).to.equal('rgb(255, 0, 0)');
  });
});
