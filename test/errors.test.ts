import './support/console.js';
import { expect } from '@open-wc/testing';
import videojs from 'video.js';
import '../src/index.js';
import {
  SpriteEventError,
  ThumbnailLoadError,
  type ThumbnailsErrorStage,
  ThumbnailVttError,
  type VodSpriteThumbnails,
} from '../src/index.js';
import { createElement, recordEvents, recordWarnings } from './support/element.js';
import {
  DURATION,
  hoverTime,
  makePlayer,
  moveAway,
  otherOrigin,
  PAYLOADS,
  type Player,
  productSuite,
  requests,
  SHEETS,
  sleep,
  spriteEvent,
  startPlayer,
  token,
  until,
  VTT,
  withToken,
} from './support/player.js';
import { previewHidden, videoJsTooltipDisplay } from './support/preview.js';

const absolute = (path: string) => new URL(path, location.href).href;

interface Failure {
  el: VodSpriteThumbnails;
  player: Player;
  error: Error;
}

/**
 * Attach an element configured by `setup`, expect exactly one error event with `stage` and one
 * console warning, nothing thrown into the page, and a player that still plays.
 */
async function expectFailure(stage: ThumbnailsErrorStage, setup: (el: VodSpriteThumbnails) => void, hoverAt?: number): Promise<Failure> {
  const { player, id } = makePlayer();
  await startPlayer(player);
  const thrown: unknown[] = [];
  const onError = (event: ErrorEvent) => thrown.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => thrown.push(event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  const events = recordEvents();
  const warnings = recordWarnings();
  try {
    const el = createElement({ for: id });
    setup(el);
    document.body.append(el);
    if (hoverAt !== undefined) {
      await until(() => el.state === 'ready' || el.state === 'error', 'ready or error');
      await hoverTime(player, hoverAt);
    }
    await until(() => events.events.some((event) => event.type === 'vod-thumbnails-error'), 'an error event');
    await sleep(500);
    // Images fail after the VTT made the thumbnails ready.
    const expected = stage === 'image' ? ['vod-thumbnails-ready', 'vod-thumbnails-error'] : ['vod-thumbnails-error'];
    expect(events.events.map((event) => event.type)).to.deep.equal(expected);
    const errorEvent = events.events.at(-1)!;
    const detail = errorEvent.detail as { error: Error; stage: string };
    expect(detail.stage).to.equal(stage);
    expect(detail.error).to.be.instanceOf(Error);
    expect(errorEvent.target).to.equal(el);
    expect(el.state).to.equal('error');
    expect(el.getAttribute('state')).to.equal('error');
    expect(el.error).to.equal(detail.error);
    expect(warnings.warnings.length, 'console warnings').to.equal(1);
    expect(String(warnings.warnings[0]![0])).to.contain(detail.error.message);
    expect(thrown).to.deep.equal([]);
    // The player keeps working.
    await player.play();
    const from = player.currentTime() ?? 0;
    await until(() => (player.currentTime() ?? 0) > from + 0.3, 'playback to advance');
    player.pause();
    return { el, player, error: detail.error };
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    events.stop();
    warnings.stop();
  }
}

/** Hovering shows video.js's own tooltip with the time there, and nothing of ours. */
async function expectVideoJsTooltip(el: VodSpriteThumbnails, player: Player, target = 70): Promise<void> {
  player.hasStarted(true);
  const point = await hoverTime(player, target);
  const time = videojs.time.formatTime(point.time, DURATION);
  const tooltip = player.el().querySelector('.vjs-mouse-display .vjs-time-tooltip')!;
  await until(() => tooltip.textContent?.trim() === time, `video.js's tooltip to say ${time}`);
  await sleep(150);
  expect(previewHidden(el)).to.equal(true);
  expect(videoJsTooltipDisplay(player)).to.equal('block');
}

describe('errors', () => {
  productSuite();

  it('payload: JSON that does not parse', async () => {
    const { el, player, error } = await expectFailure('payload', (el) => el.setAttribute('event', '{"EventType": '));
    expect(error).to.be.instanceOf(SpriteEventError);
    expect((error as SpriteEventError).code).to.equal('bad-json');
    await expectVideoJsTooltip(el, player);
  });

  it('payload: a failed sprite task', async () => {
    const { error } = await expectFailure('payload', (el) => el.setAttribute('event-src', `${PAYLOADS}/failed.json?${token()}`));
    expect((error as SpriteEventError).code).to.equal('task-failed');
    expect(error.message).to.contain('70000');
  });

  it('payload: another event type', async () => {
    const { error } = await expectFailure('payload', (el) => {
      el.event = { EventType: 'NewFileUpload', FileUploadEvent: { FileId: '1' } };
    });
    expect((error as SpriteEventError).code).to.equal('not-sprite-event');
  });

  it('payload: event-src that does not exist', async () => {
    const { el, player, error } = await expectFailure('payload', (el) => el.setAttribute('event-src', `${PAYLOADS}/missing.json?${token()}`));
    expect(error).to.be.instanceOf(ThumbnailLoadError);
    expect((error as ThumbnailLoadError).status).to.equal(404);
    await expectVideoJsTooltip(el, player);
  });

  it('payload: a javascript: URL is refused before anything loads', async () => {
    const { error } = await expectFailure('payload', (el) => {
      el.event = spriteEvent({ vtt: 'javascript:alert(1)' });
    });
    expect((error as SpriteEventError).code).to.equal('bad-url');
  });

  it('vtt: 404', async () => {
    const { el, player, error } = await expectFailure('vtt', (el) => {
      el.event = spriteEvent({ vtt: absolute(`/demo/public/media/missing.vtt?${token()}`) });
    });
    expect((error as ThumbnailLoadError).code).to.equal('http-status');
    await expectVideoJsTooltip(el, player);
  });

  it('vtt: another origin without CORS', async () => {
    const origin = await otherOrigin();
    const { el, player, error } = await expectFailure('vtt', (el) => {
      el.event = spriteEvent({ vtt: `${origin}${VTT}?${token()}` });
    });
    expect((error as ThumbnailLoadError).code).to.equal('fetch-failed');
    expect(error.message).to.contain('CORS');
    await expectVideoJsTooltip(el, player);
  });

  it('vtt: a file that is not WebVTT', async () => {
    const { error } = await expectFailure('vtt', (el) => {
      el.event = spriteEvent({ vtt: absolute(`${PAYLOADS}/normal.json?${token()}`) });
    });
    expect(error).to.be.instanceOf(ThumbnailVttError);
    expect((error as ThumbnailVttError).code).to.equal('not-webvtt');
  });

  it("image: a sheet that does not load leaves the time to video.js's tooltip, without a tile", async () => {
    const run = token();
    const missing = SHEETS.map((url) => withToken(absolute(url.replace('/media/', '/missing/')), run));
    const { el, player, error } = await expectFailure(
      'image',
      (el) => {
        el.event = spriteEvent({ vtt: withToken(absolute(VTT), run), sheets: missing });
      },
      30,
    );
    expect((error as ThumbnailLoadError).code).to.equal('image-failed');
    await moveAway();
    await expectVideoJsTooltip(el, player, 31);
  });

  it('image: loading the same payload again retries the broken sheet and reports it again', async () => {
    const run = token();
    const missing = SHEETS.map((url) => withToken(absolute(url.replace('/media/', '/missing/')), run));
    const payload = spriteEvent({ vtt: withToken(absolute(VTT), run), sheets: missing });
    const { el, player } = await expectFailure('image', (el) => {
      el.event = payload;
    }, 30);
    const sheetRequests = async () => (await requests(run)).filter((entry) => entry.url.includes('/missing/imageSprite_10_0.jpg')).length;
    expect(await sheetRequests()).to.equal(1);
    // (Whether the retry reaches the server is the browser's business: it may reuse the 404.)
    // The page tries again (the CDN may have been down for a moment): a fresh attempt, a fresh report.
    const events = recordEvents();
    const warnings = recordWarnings();
    try {
      await moveAway();
      el.load(payload);
      await until(() => events.events.length > 0, 'ready again');
      expect(el.state).to.equal('ready');
      player.hasStarted(true);
      await hoverTime(player, 31);
      await until(() => events.events.some((event) => event.type === 'vod-thumbnails-error'), 'the second image error');
      expect(events.events.map((event) => [event.type, (event.detail as { stage?: string }).stage])).to.deep.equal([
        ['vod-thumbnails-ready', undefined],
        ['vod-thumbnails-error', 'image'],
      ]);
      expect(warnings.warnings.length).to.equal(1);
      expect(await sheetRequests()).to.be.within(1, 2);
      await moveAway();
      await expectVideoJsTooltip(el, player, 31);
    } finally {
      events.stop();
      warnings.stop();
    }
  });
});
