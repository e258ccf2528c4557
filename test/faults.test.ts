// Faults from the network (issue 12, "The suite": faults from the test server). Each one: its
// `state`, one `vod-thumbnails-error` with `stage` and `code`, a console warning, nothing thrown,
// and a player that still plays (see `expectFault`). Timeouts use a small `timeout` (300 ms).
import './support/console.js';
import { expect } from '@open-wc/testing';
import '../src/index.js';
import { SpriteEventError, ThumbnailLoadError, ThumbnailVttError, type VodSpriteThumbnails } from '../src/index.js';
import { createElement, recordEvents, recordWarnings } from './support/element.js';
import { absolute, type ContractProps, expectFault, type FaultOptions, expectStillPlays, recordEventsOf, route, signed, watchPage } from './support/faults.js';
import { MEDIA, PAYLOADS, SHEETS, VTT, makePlayer, otherOrigin, productSuite, requests, sleep, spriteEvent, startPlayer, token, until, withToken, hoverTime, moveAway } from './support/player.js';
import { expectTileFor } from './support/preview.js';

const TIMEOUT = 300;

async function started() {
  const { player, id } = makePlayer();
  await startPlayer(player);
  return { player, id };
}

/** The demo payload whose VTT is `vtt` (sheets as in the demo, tokened). */
const withVtt = (vtt: string, run = token()) => spriteEvent({ vtt, sheets: SHEETS.map((url) => withToken(absolute(url), run)) });

describe('faults from the network', () => {
  productSuite();

  interface Fault {
    title: string;
    stage: FaultOptions['stage'];
    code: string;
    /** The URL that fails, and how the element gets it. */
    url(origin: string): string;
    give: 'vtt' | 'event-src' | 'sheets';
    timeout?: number;
    /** The error is of this class, with `url` (load errors) = the failing URL. */
    type: typeof ThumbnailLoadError | typeof ThumbnailVttError | typeof SpriteEventError;
    status?: number;
  }
  const json = `${PAYLOADS}/normal.json`;
  const faults: Fault[] = [
    // A response that never comes or never ends gives `timeout` (a small `timeout`, 300 ms).
    { title: 'vtt: no answer at all', give: 'vtt', url: () => route('hang', VTT), stage: 'vtt', code: 'timeout', timeout: TIMEOUT, type: ThumbnailLoadError },
    { title: 'event-src: no answer at all', give: 'event-src', url: () => route('hang', json), stage: 'payload', code: 'timeout', timeout: TIMEOUT, type: ThumbnailLoadError },
    { title: 'vtt: headers and 20 bytes, then nothing', give: 'vtt', url: () => route('stall/20', VTT), stage: 'vtt', code: 'timeout', timeout: TIMEOUT, type: ThumbnailLoadError },
    { title: 'event-src: headers and 20 bytes, then nothing', give: 'event-src', url: () => route('stall/20', json), stage: 'payload', code: 'timeout', timeout: TIMEOUT, type: ThumbnailLoadError },
    // A body cut off mid-transfer is a typed load error with the URL.
    { title: 'vtt: body cut off after 200 bytes', give: 'vtt', url: () => route('truncate/200', VTT), stage: 'vtt', code: 'fetch-failed', type: ThumbnailLoadError },
    { title: 'event-src: body cut off after 100 bytes', give: 'event-src', url: () => route('truncate/100', json), stage: 'payload', code: 'fetch-failed', type: ThumbnailLoadError },
    // Error statuses and CORS.
    { title: 'vtt: HTTP 404', give: 'vtt', url: () => absolute(`/__wtr/status/404${VTT}`), stage: 'vtt', code: 'http-status', status: 404, type: ThumbnailLoadError },
    { title: 'vtt: HTTP 500', give: 'vtt', url: () => absolute(`/__wtr/status/500${VTT}`), stage: 'vtt', code: 'http-status', status: 500, type: ThumbnailLoadError },
    { title: 'event-src: HTTP 500', give: 'event-src', url: () => absolute(`/__wtr/status/500${json}`), stage: 'payload', code: 'http-status', status: 500, type: ThumbnailLoadError },
    { title: 'vtt: another origin without CORS', give: 'vtt', url: (origin) => `${origin}${VTT}`, stage: 'vtt', code: 'fetch-failed', type: ThumbnailLoadError },
    { title: 'event-src: another origin without CORS', give: 'event-src', url: (origin) => `${origin}${json}`, stage: 'payload', code: 'fetch-failed', type: ThumbnailLoadError },
    // An HTML page (a portal's, a CDN's error page) with 200 where data was expected.
    { title: 'vtt: an HTML page', give: 'vtt', url: () => route('html', VTT), stage: 'vtt', code: 'not-webvtt', type: ThumbnailVttError },
    { title: 'event-src: an HTML page', give: 'event-src', url: () => route('html', json), stage: 'payload', code: 'bad-json', type: SpriteEventError },
    { title: 'image: a sheet that is an HTML page', give: 'sheets', url: () => route('html', SHEETS[0]!), stage: 'image', code: 'image-failed', type: ThumbnailLoadError },
  ];

  for (const fault of faults) {
    it(`${fault.title}: state error, one ${fault.stage} error with code ${fault.code}, a warning, the player plays`, async () => {
      const run = token();
      const origin = await otherOrigin();
      const url = withToken(fault.url(origin), run);
      const sheets = fault.give === 'sheets' ? SHEETS.map((sheet) => withToken(route('html', sheet), run)) : undefined;
      const { player, id } = await started();
      const { error } = await expectFault(player, id, {
        stage: fault.stage,
        code: fault.code,
        within: fault.timeout ? fault.timeout * 10 : 5000,
        ...(fault.give === 'sheets' ? { hoverAt: 30 } : {}),
        setup(el) {
          if (fault.timeout) el.timeout = fault.timeout;
          if (fault.give === 'event-src') el.eventSrc = url;
          else if (sheets) el.event = spriteEvent({ vtt: withToken(absolute(VTT), run), sheets });
          else el.event = withVtt(url, run);
        },
      });
      expect(error).to.be.instanceOf(fault.type);
      if (fault.type !== ThumbnailLoadError) return;
      // The hovered sheet or its neighbour, whichever failed first.
      const failing = sheets ? sheets.slice(0, 2) : [url];
      expect(failing, 'the error names the failing URL').to.include((error as ThumbnailLoadError).url);
      if (fault.status) expect((error as ThumbnailLoadError).status).to.equal(fault.status);
    });
  }

  it('plugin option `timeout`: the plugin state says error, with the timeout error, through statechanged', async () => {
    const { player } = await started();
    const page = watchPage();
    const warnings = recordWarnings();
    try {
      const changes: unknown[] = [];
      const plugin = player.vodSpriteThumbnails({ eventSrc: withToken(route('hang', json), token()), timeout: TIMEOUT } as Parameters<typeof player.vodSpriteThumbnails>[0]);
      (plugin as unknown as { on(type: string, fn: (event: unknown, data: unknown) => void): void }).on('statechanged', (_event, data) => changes.push(data));
      const state = () => (plugin as unknown as { state: { status?: string; error?: { code?: string } } }).state;
      await until(() => state().status === 'error', 'plugin state.status error', TIMEOUT * 10).catch((error: Error) => {
        throw new Error(`${error.message}; state is ${JSON.stringify(state())}`);
      });
      expect(state().error?.code).to.equal('timeout');
      expect(changes.length, 'statechanged events').to.be.greaterThan(0);
      expect(warnings.warnings.length).to.equal(1);
      expect(warnings.texts()[0]).to.match(/^vod-sprite-thumbnails \(payload\): /);
      await expectStillPlays(player);
      expect(page.thrown).to.deep.equal([]);
    } finally {
      page.stop();
      warnings.stop();
    }
  });

  describe('expired signed sheets (403 after `t`)', () => {
    /** The demo payload with its sheets signed to expire `sheetsExpireIn` seconds from now (the VTT stays valid). */
    const signedEvent = (run: string, sheetsExpireIn: number) =>
      spriteEvent({ vtt: signed(VTT, 3600, run), sheets: SHEETS.map((url) => signed(url, sheetsExpireIn, run)) });

    it('without refreshEvent: one image error, and a vod-thumbnails-expired event naming the failing URL', async () => {
      const run = token();
      const { player, id } = await started();
      const payload = signedEvent(run, -60);
      const expired = recordEventsOf('vod-thumbnails-expired');
      try {
        const { error } = await expectFault(player, id, {
          stage: 'image',
          code: 'image-failed',
          hoverAt: 30,
          setup(el) {
            el.event = payload;
          },
        });
        // The hovered sheet or its neighbour, whichever failed first.
        const failing = (payload.CreateImageSpriteCompleteEvent as { ImageSpriteUrlSet: string[] }).ImageSpriteUrlSet.slice(0, 2);
        expect(failing).to.include((error as ThumbnailLoadError).url);
        expect(expired.details.length, 'vod-thumbnails-expired events').to.be.greaterThan(0);
        expect(JSON.stringify(expired.details), 'the expired events name the failing sheet').to.contain(JSON.stringify((error as ThumbnailLoadError).url).slice(1, -1));
      } finally {
        expired.stop();
      }
    });

    it('with refreshEvent: called once, the new URLs swapped in by file name, the failed sheet retried, the tile shown, no error', async () => {
      const run = token();
      const { player, id } = await started();
      const fresh = signedEvent(run, 3600);
      const freshSheets = (fresh.CreateImageSpriteCompleteEvent as { ImageSpriteUrlSet: string[] }).ImageSpriteUrlSet;
      let calls = 0;
      const page = watchPage();
      const events = recordEvents();
      const warnings = recordWarnings();
      const expired = recordEventsOf('vod-thumbnails-expired');
      try {
        const el = createElement({ for: id }) as VodSpriteThumbnails & ContractProps;
        el.refreshEvent = async () => {
          calls++;
          await sleep(50);
          return fresh;
        };
        el.event = signedEvent(run, -60);
        document.body.append(el);
        await until(() => el.state === 'ready', 'ready');
        const point = await hoverTime(player, 30);
        // (The reference pixels come from the unsigned copies, so the log shows the element's requests alone.)
        await expectTileFor(el, point.time, run);
        expect(calls, 'refreshEvent calls').to.equal(1);
        // Another sheet comes from the refreshed set straight away.
        await moveAway();
        const later = await hoverTime(player, 100);
        await expectTileFor(el, later.time, run);
        expect(calls, 'refreshEvent calls').to.equal(1);
        expect(el.state).to.equal('ready');
        expect(events.events.map((event) => event.type)).to.deep.equal(['vod-thumbnails-ready']);
        expect(warnings.warnings.length, 'console warnings').to.equal(0);
        expect(expired.details.length, 'vod-thumbnails-expired events').to.be.greaterThan(0);
        const fetched = (await requests(run)).map((entry) => entry.url);
        expect(fetched.filter((url) => url.includes('imageSprite_10_0.jpg') && url.includes(new URL(freshSheets[0]!).searchParams.get('sign')!)).length, 'the refreshed sheet 0').to.equal(1);
        expect(page.thrown).to.deep.equal([]);
        await expectStillPlays(player);
      } finally {
        page.stop();
        events.stop();
        warnings.stop();
        expired.stop();
      }
    });

    it('with refreshEvent giving URLs that fail again: retried once, one image error, no second call within the minute', async () => {
      const run = token();
      const { player, id } = await started();
      const stillExpired = signedEvent(run, -30);
      let calls = 0;
      const { el } = await expectFault(player, id, {
        stage: 'image',
        code: 'image-failed',
        hoverAt: 30,
        within: 6000,
        setup(el) {
          el.refreshEvent = async () => {
            calls++;
            return stillExpired;
          };
          el.event = signedEvent(run, -60);
        },
      });
      expect(calls, 'refreshEvent calls').to.equal(1);
      const retried = new URL((stillExpired.CreateImageSpriteCompleteEvent as { ImageSpriteUrlSet: string[] }).ImageSpriteUrlSet[0]!).searchParams.get('sign')!;
      expect((await requests(retried)).length, 'requests for the refreshed sheet 0').to.equal(1);
      // A third sheet failing now does not call the hook again (at most once a minute).
      await moveAway();
      await hoverTime(player, 170);
      await sleep(500);
      expect(calls, 'refreshEvent calls').to.equal(1);
      expect(el.state).to.equal('error');
    });

    it('a sheet whose 403 comes after the refresh already answered is retried with its new URL (no second call, no error)', async () => {
      // The race CI once hit: the neighbour sheet fails first and the refresh answers at once;
      // the hovered sheet's (slower) 403 then arrives with fresh URLs already known.
      const run = token();
      const { player, id } = await started();
      const expiredEvent = signedEvent(run, -60);
      const sheets = (expiredEvent.CreateImageSpriteCompleteEvent as { ImageSpriteUrlSet: string[] }).ImageSpriteUrlSet;
      const slow = new URL(sheets[0]!);
      slow.pathname = `/__wtr/delay/800${slow.pathname}`;
      sheets[0] = slow.href;
      const fresh = signedEvent(run, 3600);
      const freshSheet0 = new URL((fresh.CreateImageSpriteCompleteEvent as { ImageSpriteUrlSet: string[] }).ImageSpriteUrlSet[0]!).searchParams.get('sign')!;
      let calls = 0;
      const events = recordEvents();
      const expired = recordEventsOf('vod-thumbnails-expired');
      try {
        const el = createElement({ for: id }) as VodSpriteThumbnails & ContractProps;
        el.refreshEvent = async () => {
          calls++;
          return fresh;
        };
        el.event = expiredEvent;
        document.body.append(el);
        await until(() => el.state === 'ready', 'ready');
        const point = await hoverTime(player, 30);
        await expectTileFor(el, point.time, run);
        expect(calls, 'refreshEvent calls').to.equal(1);
        expect((await requests(freshSheet0)).length, 'requests for the refreshed sheet 0').to.equal(1);
        expect(expired.details.length, 'vod-thumbnails-expired events (sheet 1, then sheet 0)').to.equal(2);
        expect(el.state).to.equal('ready');
        expect(events.events.map((event) => event.type)).to.deep.equal(['vod-thumbnails-ready']);
      } finally {
        events.stop();
        expired.stop();
      }
    });

    it('a refreshEvent that rejects: one image error with a code, nothing thrown', async () => {
      const run = token();
      const { player, id } = await started();
      let calls = 0;
      await expectFault(player, id, {
        stage: 'image',
        code: 'image-failed',
        hoverAt: 30,
        within: 6000,
        setup(el) {
          el.refreshEvent = async () => {
            calls++;
            throw new Error('token service down');
          };
          el.event = signedEvent(run, -60);
        },
      });
      expect(calls, 'refreshEvent calls').to.equal(1);
    });
  });

  it('the media folder is served as expected (the routes above fail only where they should)', async () => {
    // Guards the fault routes themselves: a signed URL before its expiry and the stall route's
    // first bytes are the real file.
    const good = await fetch(signed(`${MEDIA}/imageSprite_10.vtt`, 60));
    expect(good.status).to.equal(200);
    expect((await good.text()).startsWith('WEBVTT')).to.equal(true);
    expect((await fetch(signed(`${MEDIA}/imageSprite_10.vtt`, -1))).status).to.equal(403);
    const html = await fetch(route('html', SHEETS[0]!));
    expect(html.headers.get('content-type')).to.contain('text/html');
  });
});
