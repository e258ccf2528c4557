import './support/console.js';
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../src/index.js';
import { createElement, readyOf, recordEvents, startWithThumbnails } from './support/element.js';
import {
  hoverTime,
  makePlayer,
  otherOrigin,
  PAYLOADS,
  productSuite,
  requests,
  SHEETS,
  sleep,
  spriteEvent,
  startPlayer,
  TILE,
  token,
  tokenedEvent,
  until,
  VTT,
  withToken,
} from './support/player.js';
import { expectTileFor, tileShown } from './support/preview.js';

const sheetName = (index: number) => `imageSprite_10_${index}.jpg`;
/** The VTT and each of the three demo sheets, requested once. */
const everyFileOnce = { 'imageSprite_10.vtt': 1, [sheetName(0)]: 1, [sheetName(1)]: 1, [sheetName(2)]: 1 };

async function countsByFile(run: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const entry of await requests(run)) {
    const file = new URL(entry.url, location.href).pathname.split('/').pop()!;
    counts[file] = (counts[file] ?? 0) + 1;
  }
  return counts;
}

describe('loading', () => {
  productSuite();

  it('requests each sheet at most once per player, however much one hovers', async () => {
    const { run, player, el } = await startWithThumbnails();
    const targets = [1, 30, 70, 90, 120, 150, 178, 140, 100, 60, 20, 5, 85, 165, 45];
    for (const target of targets) {
      await hoverTime(player, target);
      await until(() => tileShown(el), `a tile at ${target}s`);
    }
    await sleep(300);
    expect(await countsByFile(run)).to.deep.equal(everyFileOnce);
  });

  it('fetches only the VTT before the first interaction (preload="hover"), then the sheet and its neighbour', async () => {
    const { run, player, el } = await startWithThumbnails();
    await sleep(400);
    expect(await countsByFile(run)).to.deep.equal({ 'imageSprite_10.vtt': 1 });
    const point = await hoverTime(player, 10);
    await expectTileFor(el, point.time, run);
    await sleep(300);
    expect(await countsByFile(run)).to.deep.equal({ 'imageSprite_10.vtt': 1, [sheetName(0)]: 1, [sheetName(1)]: 1 });
  });

  it('fetches nothing at all with preload="none" until someone touches the player', async () => {
    const run = token();
    const { player, id } = makePlayer({}, { width: 480, height: 270 });
    await startPlayer(player);
    const el = createElement({ for: id, preload: 'none', 'event-src': withToken(`${PAYLOADS}/normal.json`, run) });
    document.body.append(el);
    const other = createElement({ preload: 'none' });
    other.event = tokenedEvent(run);
    const second = makePlayer({}, { width: 480, height: 270 });
    await startPlayer(second.player);
    second.player.el().append(other);
    await sleep(500);
    expect(await requests(run)).to.deep.equal([]);
    expect([el.state, other.state]).to.deep.equal(['empty', 'empty']);
    // First hover: payload, VTT, then the sheet.
    const ready = readyOf(other);
    const point = await hoverTime(second.player, 95);
    await ready;
    expect(other.state).to.equal('ready');
    await expectTileFor(other, point.time, run);
    expect(Object.keys(await countsByFile(run))).to.include.members(['imageSprite_10.vtt', sheetName(1)]);
    // The first player is still untouched.
    expect((await requests(run)).filter((entry) => entry.url.includes('normal.json'))).to.deep.equal([]);
  });

  it('loads every sheet up front with preload="auto"', async () => {
    const { run } = await startWithThumbnails({ preload: 'auto' });
    await sleep(1200);
    expect(await countsByFile(run)).to.deep.equal(everyFileOnce);
  });

  it('on a save-data connection prefetches nothing: no preload="auto", no neighbours, only what is hovered', async () => {
    // The user's Data Saver setting, through DevTools' Emulation.setDataSaverOverride.
    await executeServerCommand('save-data', { enabled: true });
    try {
      expect((navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData).to.equal(true);
      const run = token();
      const { player, id } = makePlayer();
      await startPlayer(player);
      const el = createElement({ for: id, preload: 'auto' });
      el.event = tokenedEvent(run);
      document.body.append(el);
      await sleep(800);
      expect(await requests(run), 'before any interaction').to.deep.equal([]);
      // Sheet 1 (80 s..160 s): the VTT and that sheet, not its neighbours 0 and 2.
      const middle = await hoverTime(player, 95);
      await expectTileFor(el, middle.time, run);
      await sleep(500);
      expect(await countsByFile(run)).to.deep.equal({ 'imageSprite_10.vtt': 1, [sheetName(1)]: 1 });
      const end = await hoverTime(player, 170);
      await expectTileFor(el, end.time, run);
      await sleep(500);
      expect(await countsByFile(run)).to.deep.equal({ 'imageSprite_10.vtt': 1, [sheetName(1)]: 1, [sheetName(2)]: 1 });
    } finally {
      await executeServerCommand('save-data', {});
    }
  });

  it('falls back to the grid when the VTT has no CORS', async () => {
    const run = token();
    const { player, id } = makePlayer();
    await startPlayer(player);
    const origin = await otherOrigin();
    const el = createElement({ for: id });
    el.grid = { columns: TILE.columns, rows: TILE.rows, interval: TILE.interval, width: TILE.w, height: TILE.h };
    el.event = spriteEvent({
      vtt: withToken(`${origin}${VTT}`, run),
      sheets: SHEETS.map((url) => withToken(new URL(url, location.href).href, run)),
    });
    const recorder = recordEvents();
    try {
      const ready = readyOf(el);
      document.body.append(el);
      const detail = await ready;
      expect(detail.cues.length).to.be.at.least(225);
      expect(el.state).to.equal('ready');
      for (const target of [12, 99, 171]) {
        const point = await hoverTime(player, target);
        await expectTileFor(el, point.time, run);
      }
      expect(recorder.events.map((event) => event.type)).to.deep.equal(['vod-thumbnails-ready']);
    } finally {
      recorder.stop();
    }
  });

  it('falls back to the grid when the VTT is missing (404)', async () => {
    const run = token();
    const { player, id } = makePlayer();
    await startPlayer(player);
    const el = createElement({ for: id, grid: JSON.stringify({ columns: 10, rows: 10, interval: 0.8, width: 142, height: 80 }) });
    el.event = spriteEvent({
      vtt: withToken(new URL('/demo/public/media/missing.vtt', location.href).href, run),
      sheets: SHEETS.map((url) => withToken(new URL(url, location.href).href, run)),
    });
    const ready = readyOf(el);
    document.body.append(el);
    await ready;
    const point = await hoverTime(player, 133);
    await expectTileFor(el, point.time, run);
  });
});
