// Issue 12, items 8 and 9: assigning the same `event` again reloads (and so retries a failure);
// a tile larger than a canvas can hold, or outside its sheet, is one `image` error.
import { expect } from '@open-wc/testing';
import '../src/index.js';
import type { ThumbnailLoadError } from '../src/index.js';
import { attach, errorOf, readyOf, recordEvents, recordWarnings } from './support/element.js';
import { serveText } from './support/faults.js';
import { hoverTime, makePlayer, MEDIA, moveAway, productSuite, requests, SHEETS, spriteEvent, startPlayer, token, until, VTT, withToken } from './support/player.js';
import { labelShown, tileShown } from './support/preview.js';

const absolute = (path: string) => new URL(path, location.href).href;

describe('re-assigning event, oversized tiles', () => {
  productSuite();

  it('the same event object assigned again after a failed VTT fetches it again and reports again', async () => {
    const run = token();
    const { player, id } = makePlayer();
    await startPlayer(player);
    const payload = spriteEvent({ vtt: withToken(absolute(`/__wtr/status/500${VTT}`), run), sheets: SHEETS.map((url) => absolute(url)) });
    const warnings = recordWarnings();
    try {
      const el = document.createElement('vod-sprite-thumbnails');
      el.setAttribute('for', id);
      el.event = payload;
      const first = errorOf(el);
      document.body.append(el);
      expect((await first).stage).to.equal('vtt');
      const vttRequests = async () => (await requests(run)).filter((entry) => entry.url.includes('imageSprite_10.vtt')).length;
      expect(await vttRequests()).to.equal(1);
      const second = errorOf(el);
      el.event = payload; // the very same object
      expect(((await second).error as ThumbnailLoadError).code).to.equal('http-status');
      await until(async () => (await vttRequests()) === 2, 'a second VTT request');
      // JSON text of the same payload, twice: the same again.
      const third = errorOf(el);
      el.event = JSON.stringify(payload);
      await third;
      const fourth = errorOf(el);
      el.event = JSON.stringify(payload);
      await fourth;
      await until(async () => (await vttRequests()) === 4, 'a fourth VTT request');
    } finally {
      warnings.stop();
    }
    expect(warnings.warnings.length, 'one warning per failure').to.equal(4);
  });

  for (const [what, fragment] of [
    ['larger than 16,384 px a side', '0,0,999999999,80'],
    ['outside its sheet', '1400,0,142,80'],
  ] as const) {
    it(`a tile ${what} is reported once as an image error; the player keeps its tooltip`, async () => {
      const run = token();
      const sheet = withToken(absolute(`${MEDIA}/imageSprite_10_0.jpg`), run);
      const vtt = await serveText(`WEBVTT\n\n00:00:00.000 --> 00:03:00.000\nimageSprite_10_0.jpg#xywh=${fragment}\n`, 'huge.vtt');
      const { player, id } = makePlayer();
      await startPlayer(player);
      const warnings = recordWarnings();
      const events = recordEvents();
      try {
        const el = await attach(id, { event: spriteEvent({ vtt, sheets: [sheet] }) });
        const failed = errorOf(el);
        await hoverTime(player, 40);
        const { error, stage } = await failed;
        expect(stage).to.equal('image');
        expect((error as ThumbnailLoadError).code).to.equal('image-failed');
        expect(error.message).to.contain(fragment);
        await hoverTime(player, 90);
        await hoverTime(player, 120);
        expect(tileShown(el), 'no blank box').to.equal(false);
        expect(labelShown(el), "video.js's own tooltip serves").to.equal(false);
        expect(events.events.filter((event) => event.type === 'vod-thumbnails-error').length, 'reported once').to.equal(1);
        await moveAway();
      } finally {
        warnings.stop();
        events.stop();
      }
      expect(warnings.warnings.length).to.equal(1);
    });
  }

  it('a payload assigned again while ready reloads it (and fires ready again)', async () => {
    const run = token();
    const { player, id } = makePlayer();
    await startPlayer(player);
    const payload = spriteEvent({ vtt: withToken(absolute(VTT), run), sheets: SHEETS.map((url) => withToken(absolute(url), run)) });
    const el = await attach(id, { event: payload });
    const again = readyOf(el);
    el.event = payload;
    await again;
    expect(el.state).to.equal('ready');
  });
});
