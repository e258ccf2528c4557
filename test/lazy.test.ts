// The marks and chapters code is a chunk of its own (src/element/lazy-annotations.ts): a plain
// video never fetches it; marks in the payload or cues in the player's chapters track do.
// The tests of this file share one page (one module map) and run in order: the first proves the
// chunk absent, the second that the chapters track alone fetches it.
import './support/console.js';
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import videojs from 'video.js';
import '../src/index.js';
import type { VodSpriteThumbnails } from '../src/index.js';
import { mayHoldMarks } from '../src/element/lazy-annotations.js';
import { attach, startWithThumbnails } from './support/element.js';
import { DURATION, hoverTime, MEDIA, makePlayer, productSuite, requests, seekBarOf, startPlayer, token, tokenedEvent, until } from './support/player.js';
import { part } from './support/preview.js';

/** The chunk's own modules as this page fetched them (resource timing: this document only). */
const CHUNK = /\/src\/element\/(annotations|marks)\.(js|ts)(\?|$)/;
const fetchedChunk = () => performance.getEntriesByType('resource').filter((entry) => CHUNK.test(new URL(entry.name).pathname + new URL(entry.name).search));
const serverLog = async () => (await requests('/src/element/')).filter((entry) => CHUNK.test(entry.url));

const shadow = (el: VodSpriteThumbnails) => el.shadowRoot!;
const ticks = (el: VodSpriteThumbnails, kind: 'mark' | 'chapter') => shadow(el).querySelectorAll(`[part="marks"] [part="${kind}"]`).length;
const textShown = (el: VodSpriteThumbnails) => {
  const text = part(el, 'text' as 'time');
  return text.checkVisibility() ? (text.textContent ?? '') : '';
};
const live = (el: VodSpriteThumbnails) => shadow(el).querySelector('[aria-live="polite"]')!.textContent ?? '';

describe('which payloads may hold marks (the chunk trigger)', () => {
  const media = (extra: object) => ({ Response: { MediaInfoSet: [{ FileId: 'f', ImageSpriteInfo: { ImageSpriteSet: [] }, ...extra }] } });
  it('says no for payloads without marks, yes for every shape that can hold them', () => {
    expect(mayHoldMarks(null)).to.equal(false);
    expect(mayHoldMarks(tokenedEvent('run=x'))).to.equal(false);
    expect(mayHoldMarks(JSON.stringify(tokenedEvent('run=x')))).to.equal(false);
    expect(mayHoldMarks(media({}))).to.equal(false);
    expect(mayHoldMarks(media({ KeyFrameDescInfo: { KeyFrameDescSet: [{ TimeOffset: 1, Content: 'a' }] } }))).to.equal(true);
    expect(mayHoldMarks({ media: { keyFrameDescInfo: { keyFrameDescList: [] } } })).to.equal(true);
    expect(mayHoldMarks(`\uFEFF${JSON.stringify({ KeyFrameDescSet: 'not a list' })}`), 'JSON text with a BOM').to.equal(true);
    // Escaped key names in JSON text are the same key.
    expect(mayHoldMarks('{"\\u004BeyFrameDescInfo":{}}')).to.equal(true);
    // A function value is no JSON, but the parser would reject it: it must get to see it.
    expect(mayHoldMarks({ KeyFrameDescInfo: () => 0 })).to.equal(true);
  });
  it('says yes for what it cannot read (the parser then answers)', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(mayHoldMarks(cyclic)).to.equal(true);
    expect(mayHoldMarks('{not json')).to.equal(true);
    expect(mayHoldMarks({ big: 1n })).to.equal(true);
  });
});

describe('the marks and chapters chunk', () => {
  productSuite();

  it('is never fetched for a plain video: tile, label and keyboard announcement work without it', async () => {
    const logged = (await serverLog()).length;
    const { player, el } = await startWithThumbnails();
    await hoverTime(player, 30);
    await until(() => part(el, 'thumbnail').checkVisibility(), 'the tile');
    seekBarOf(player).focus();
    await sendKeys({ press: '5' });
    await until(() => live(el) !== '', 'the keyboard announcement');
    expect(live(el)).to.equal(videojs.time.formatTime(90, DURATION));
    expect(fetchedChunk(), 'the chunk was not fetched by this page').to.deep.equal([]);
    expect((await serverLog()).length, 'no request for it reached the server').to.equal(logged);
  });

  it("is fetched when the player's own chapters track has cues, and the chapters show", async () => {
    const { player, id } = makePlayer();
    await startPlayer(player);
    (player as unknown as { addRemoteTextTrack(options: object, manualCleanup: boolean): void }).addRemoteTextTrack(
      { kind: 'chapters', src: `${MEDIA}/chapters.vtt?${token()}`, default: true },
      false,
    );
    const el = await attach(id, { event: tokenedEvent(token()) });
    await until(() => ticks(el, 'chapter') > 0, 'chapter ticks from the chapters track');
    // Resource timing, not the server log: another test file's page may have put it in the HTTP cache.
    expect(fetchedChunk().length, 'the chunk was fetched').to.be.greaterThan(0);
    await hoverTime(player, 10);
    await until(() => textShown(el) !== '', 'a chapter title in the preview');
  });

  it('shows marks from the payload, already in the ready event', async () => {
    const run = token();
    const event = tokenedEvent(run) as Record<string, Record<string, unknown>>;
    // A media info with a sprite set and marks (DescribeMediaInfos' shape).
    const sprite = event.CreateImageSpriteCompleteEvent!;
    const payload = {
      MediaInfoSet: [
        {
          FileId: 'f1',
          ImageSpriteInfo: { ImageSpriteSet: [{ Definition: 10, WebVttUrl: sprite.WebVttUrl, ImageUrlSet: sprite.ImageSpriteUrlSet }] },
          KeyFrameDescInfo: { KeyFrameDescSet: [{ TimeOffset: 45, Content: 'Goal' }, { TimeOffset: 135, Content: 'Second goal' }] },
        },
      ],
    };
    const { player, id } = makePlayer();
    await startPlayer(player);
    const el = document.createElement('vod-sprite-thumbnails');
    let atReady: unknown;
    el.addEventListener('vod-thumbnails-ready', (e) => {
      atReady = e.detail.marks.map((mark) => mark.text);
    });
    el.setAttribute('for', id);
    el.event = payload;
    document.body.append(el);
    await until(() => atReady, 'the ready event');
    expect(atReady).to.deep.equal(['Goal', 'Second goal']);
    await until(() => ticks(el, 'mark') === 2, 'two mark ticks');
    await hoverTime(player, 45);
    await until(() => textShown(el) === 'Goal', 'the mark text');
  });
});
