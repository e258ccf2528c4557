// Black-box conformance of /work/shared/CONTRACT.md: written from the contract alone, through
// the package entry only, one check per contract sentence (named after it). Real Chromium, real
// video.js, real demo media and payloads, real input. No helpers shared with the other suites.
import { expectWarnings, recordWarnings } from './support/console.js';
import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import videojs from 'video.js';
import * as pkg from '../src/index.js';
import { layoutSettled, requests, sleep, until as waitUntil } from './support/player.js';

type Player = ReturnType<typeof videojs>;
type El = InstanceType<typeof pkg.VodSpriteThumbnails>;

const MEDIA = '/demo/public/media';
const PAYLOADS = '/demo/public/payloads';
const SAMPLE = `${MEDIA}/sample.mp4`;
const DURATION = 180;
/** The demo sprites: 142x80 tiles, one per 0.8 s, 10 columns x 10 rows per sheet, 3 sheets. */
const TILE = { w: 142, h: 80, interval: 0.8, columns: 10, rows: 10 };
const abs = (path: string) => new URL(path, location.href).href;
const VTT_URL = abs(`${MEDIA}/imageSprite_10.vtt`);
const SHEET_URLS = [0, 1, 2].map((i) => abs(`${MEDIA}/imageSprite_10_${i}.jpg`));

// ---------- small helpers (own, so this suite stays independent) ----------

function newToken(): string {
  return `contract=${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
}
function tokened(url: string, token: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}${token}`;
}
/** These suites allow 6 s per wait (they were written against the contract alone, with their own budget). */
const until = <T>(check: () => T, what: string, timeout = 6000) => waitUntil(check, what, timeout);

/** A payload file's text with its relative URLs made absolute (and tokened), as a server would send it. */
async function payloadText(name: string, token?: string): Promise<string> {
  const base = abs(`${PAYLOADS}/${name}`);
  const text = await (await fetch(base)).text();
  return text.replace(/"(\.\.\/media\/[^"]+)"/g, (_all, ref: string) => {
    const url = new URL(ref, base).href;
    return JSON.stringify(token ? tokened(url, token) : url);
  });
}

/** CreateImageSpriteComplete (3.0, normal) for the demo sprites, every URL carrying `token`. */
function spriteEvent(token: string, vtt = VTT_URL, sheets = SHEET_URLS, fileId = '5285890784246869380'): Record<string, unknown> {
  return {
    EventType: 'CreateImageSpriteComplete',
    CreateImageSpriteCompleteEvent: {
      ErrCode: 0,
      Message: '',
      TaskId: `task-${fileId}`,
      FileId: fileId,
      Definition: 10,
      TotalCount: 225,
      ImageSpriteUrlSet: sheets.map((url) => tokened(url, token)),
      WebVttUrl: tokened(vtt, token),
    },
  };
}

const players: Array<{ player: Player; holder: HTMLElement }> = [];
let playerCount = 0;

function newPlayer(size = { width: 960, height: 540 }, options: Record<string, unknown> = {}): { player: Player; id: string; holder: HTMLElement } {
  const id = `contract-player-${++playerCount}`;
  const holder = document.createElement('div');
  const video = document.createElement('video');
  video.id = id;
  video.className = 'video-js';
  video.width = size.width;
  video.height = size.height;
  video.controls = true;
  video.muted = true;
  video.preload = 'auto';
  holder.append(video);
  document.body.prepend(holder);
  const player = videojs(video, options);
  players.push({ player, holder });
  return { player, id, holder };
}

async function loadSource(player: Player, source: Record<string, unknown> = { src: SAMPLE, type: 'video/mp4' }): Promise<void> {
  const loaded = new Promise<void>((resolve) => player.one('loadedmetadata', () => resolve()));
  player.src(source as { src: string; type: string });
  await loaded;
  player.hasStarted(true);
  player.userActive(true);
  await sleep(50);
}

function seekBar(player: Player): HTMLElement {
  return player.el().querySelector('.vjs-progress-control .vjs-progress-holder') as HTMLElement;
}

/** A whole-pixel point on the seek bar near `target` seconds, away from tile and second boundaries. */
function pointFor(player: Player, target: number): { x: number; y: number; time: number } {
  const rect = seekBar(player).getBoundingClientRect();
  const y = Math.round(rect.top + rect.height / 2);
  let best = { x: 0, y, time: -1 };
  let bestScore = -Infinity;
  const centre = rect.left + (target / DURATION) * rect.width;
  for (let x = Math.floor(centre) - 5; x <= Math.ceil(centre) + 5; x++) {
    if (x <= rect.left || x >= rect.right) continue;
    const time = ((x - rect.left) / rect.width) * DURATION;
    const tileMargin = Math.min(time % TILE.interval, TILE.interval - (time % TILE.interval)) / TILE.interval;
    const secondMargin = Math.min(time % 1, 1 - (time % 1));
    const score = Math.min(tileMargin, secondMargin) - Math.abs(time - target) / 100;
    if (score > bestScore) {
      bestScore = score;
      best = { x, y, time };
    }
  }
  if (best.time < 0) throw new Error(`no seek-bar point for ${target}s`);
  return best;
}

async function hoverAt(x: number, y: number): Promise<void> {
  await sendMouse({ type: 'move', position: [x, y] });
}

function shadowPart(el: El, name: string): HTMLElement | null {
  return (el.shadowRoot?.querySelector(`[part~="${name}"]`) as HTMLElement | null) ?? null;
}

function isShown(node: HTMLElement | null): boolean {
  if (!node?.isConnected) return false;
  const rect = node.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0 && node.checkVisibility({ opacityProperty: true, visibilityProperty: true });
}

const tileShown = (el: El) => isShown(shadowPart(el, 'thumbnail'));
const labelShown = (el: El) => isShown(shadowPart(el, 'time'));

/** The tile a user should see at `time` (independent oracle from the sprite layout). */
function tileFor(time: number): { sheet: number; x: number; y: number } {
  const index = Math.min(224, Math.max(0, Math.floor(time / TILE.interval + 1e-9)));
  const inSheet = index % (TILE.columns * TILE.rows);
  return { sheet: Math.floor(index / 100), x: (inSheet % TILE.columns) * TILE.w, y: Math.floor(inSheet / TILE.columns) * TILE.h };
}

const imageCache = new Map<string, Promise<HTMLImageElement>>();
function image(url: string): Promise<HTMLImageElement> {
  let found = imageCache.get(url);
  if (!found) {
    const img = new Image();
    img.src = url;
    found = img.decode().then(() => img);
    imageCache.set(url, found);
  }
  return found;
}

/** Pixels of the thumbnail part's canvas (the box that shows the tile). */
function shownPixels(el: El): ImageData {
  const canvas = shadowPart(el, 'thumbnail')?.querySelector('canvas');
  if (!canvas?.width || !canvas.height) throw new Error('the thumbnail part shows no canvas');
  return canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
}

async function referencePixels(sheetUrl: string, x: number, y: number, width: number, height: number): Promise<ImageData> {
  const img = await image(sheetUrl);
  const tile = document.createElement('canvas');
  tile.width = TILE.w;
  tile.height = TILE.h;
  tile.getContext('2d')!.drawImage(img, x, y, TILE.w, TILE.h, 0, 0, TILE.w, TILE.h);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  context.imageSmoothingQuality = 'high';
  context.drawImage(tile, 0, 0, width, height);
  return context.getImageData(0, 0, width, height);
}

function difference(a: ImageData, b: ImageData): number {
  if (a.width !== b.width || a.height !== b.height) return 255;
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) sum += Math.abs(a.data[i]! - b.data[i]!);
  return sum / a.data.length;
}

/** Waits until the preview shows the tile for `time` (closer to it than to its neighbours). */
async function expectTile(el: El, time: number, sheets: readonly string[] = SHEET_URLS): Promise<void> {
  await until(() => tileShown(el), `a visible tile for ${time}s`);
  const want = tileFor(time);
  const before = tileFor(Math.max(0, time - TILE.interval));
  const after = tileFor(Math.min(DURATION - 0.01, time + TILE.interval));
  let last = 255;
  let neighbour = 0;
  const end = performance.now() + 6000;
  for (;;) {
    const shown = shownPixels(el);
    last = difference(shown, await referencePixels(sheets[want.sheet]!, want.x, want.y, shown.width, shown.height));
    const others = [before, after].filter((t) => t.sheet !== want.sheet || t.x !== want.x || t.y !== want.y);
    neighbour = Math.min(
      ...(await Promise.all(others.map(async (t) => difference(shown, await referencePixels(sheets[t.sheet]!, t.x, t.y, shown.width, shown.height))))),
    );
    if (last < 3 && neighbour > last + 2) return;
    if (performance.now() > end) break;
    await sleep(30);
  }
  throw new Error(`the preview does not show the tile for ${time}s (mean difference ${last.toFixed(2)}, to a neighbour ${neighbour.toFixed(2)})`);
}

function nextEvent(el: EventTarget, type: string, timeout = 8000): Promise<CustomEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} event`)), timeout);
    el.addEventListener(
      type,
      (event) => {
        clearTimeout(timer);
        resolve(event as CustomEvent);
      },
      { once: true },
    );
  });
}

/** Everything a failure may leave behind: events on the document, warnings, page errors. */
function watchPage() {
  const events: CustomEvent[] = [];
  // Recorded (so claimed, not printed): each test asserts on what it expects.
  const recorder = recordWarnings();
  const pageErrors: unknown[] = [];
  const onEvent = (event: Event) => events.push(event as CustomEvent);
  const onError = (event: ErrorEvent) => pageErrors.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => pageErrors.push(event.reason);
  document.addEventListener('vod-thumbnails-ready', onEvent);
  document.addEventListener('vod-thumbnails-error', onEvent);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    events,
    warnings: recorder.warnings,
    warningTexts: recorder.texts,
    pageErrors,
    errors: () => events.filter((event) => event.type === 'vod-thumbnails-error'),
    stop() {
      recorder.stop();
      document.removeEventListener('vod-thumbnails-ready', onEvent);
      document.removeEventListener('vod-thumbnails-error', onEvent);
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

function newElement(attributes: Record<string, string> = {}): El {
  const el = document.createElement('vod-sprite-thumbnails') as El;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
}

/** An element for player `id` with `props`, appended to the body; resolves when it is ready. */
async function readyElement(id: string, props: Partial<El> & Record<string, unknown>): Promise<El> {
  const el = newElement({ for: id });
  Object.assign(el, props);
  const ready = nextEvent(el, 'vod-thumbnails-ready');
  document.body.append(el);
  await ready;
  return el;
}

function expectSpriteError(run: () => unknown, code: string): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught, `a SpriteEventError (${code})`).to.be.instanceOf(pkg.SpriteEventError);
  expect(caught).to.be.instanceOf(Error);
  expect((caught as { code: string }).code).to.equal(code);
  expect((caught as Error).message, 'a clear message').to.have.length.greaterThan(10);
}

// =====================================================================

describe('CONTRACT.md conformance (black box)', () => {
  before(async () => {
    await setViewport({ width: 1280, height: 900 });
  });
  afterEach(async () => {
    await sendMouse({ type: 'move', position: [1270, 890] });
    for (const { player, holder } of players.splice(0)) {
      if (!player.isDisposed()) player.dispose();
      holder.remove();
    }
    for (const el of document.querySelectorAll('vod-sprite-thumbnails')) el.remove();
  });

  describe('Exports (ESM entry `vod-sprite-thumbnails`)', () => {
    it('exports VodSpriteThumbnails, parseSpriteEvent, parseThumbnailVtt, SpriteEventError, ThumbnailVttError', () => {
      const exported: Record<string, unknown> = { ...pkg };
      for (const name of ['VodSpriteThumbnails', 'parseSpriteEvent', 'parseThumbnailVtt', 'SpriteEventError', 'ThumbnailVttError']) {
        expect(typeof exported[name], name).to.equal('function');
      }
      expect(pkg.VodSpriteThumbnails.prototype).to.be.instanceOf(HTMLElement);
    });

    it('importing the entry defines <vod-sprite-thumbnails>', () => {
      expect(customElements.get('vod-sprite-thumbnails') === pkg.VodSpriteThumbnails, 'the defined class is VodSpriteThumbnails').to.equal(true);
      expect(document.createElement('vod-sprite-thumbnails') instanceof pkg.VodSpriteThumbnails).to.equal(true);
    });

    it('(guarded against double definition): evaluating the entry a second time does not throw', async () => {
      const errors: unknown[] = [];
      const onError = (event: ErrorEvent) => errors.push(event.error);
      window.addEventListener('error', onError);
      try {
        // A second copy of the entry module (another URL = another module instance).
        await import(/* @vite-ignore */ `${new URL('../src/index.ts', import.meta.url).href}?second-copy=${Date.now()}`);
      } finally {
        window.removeEventListener('error', onError);
      }
      expect(errors).to.deep.equal([]);
      expect(customElements.get('vod-sprite-thumbnails') === pkg.VodSpriteThumbnails, 'the defined class is VodSpriteThumbnails').to.equal(true);
      expect(typeof videojs.getPlugin('vodSpriteThumbnails')).to.equal('function');
    });

    it('registers the video.js plugin `vodSpriteThumbnails` on the video.js it imports', () => {
      expect(typeof videojs.getPlugin('vodSpriteThumbnails')).to.equal('function');
      const { player } = newPlayer();
      expect(typeof (player as unknown as Record<string, unknown>).vodSpriteThumbnails).to.equal('function');
    });

    it('SpriteEventError, ThumbnailVttError: Error subclasses with a `code` string', () => {
      const sprite = new pkg.SpriteEventError('bad-json', 'x');
      expect(sprite).to.be.instanceOf(Error);
      expect(sprite.code).to.be.a('string');
      let vttError: unknown;
      try {
        pkg.parseThumbnailVtt('not a vtt', { vttUrl: VTT_URL, imageUrls: [] });
      } catch (error) {
        vttError = error;
      }
      expect(vttError).to.be.instanceOf(pkg.ThumbnailVttError);
      expect(vttError).to.be.instanceOf(Error);
      expect((vttError as { code: unknown }).code).to.be.a('string');
    });
  });

  describe('Payload shapes that must be accepted (object or JSON string)', () => {
    const shapes: Array<[string, string]> = [
      ['1. Callback 3.0, normal (other *Event keys present and null)', 'normal.json'],
      ['2. Callback 3.0, reliable (PullEvents answer, with another event type in the set)', 'reliable.json'],
      ['3. The bare task object CreateImageSpriteTask2017', 'task.json'],
      ['4. Callback 2.0 (legacy)', 'legacy-2.0.json'],
      ['5. DescribeMediaInfos media info', 'media-info.json'],
      ['6. ProcedureStateChanged events', 'procedure.json'],
    ];
    for (const [sentence, file] of shapes) {
      it(`${sentence}: as object and as JSON string`, async () => {
        const text = await payloadText(file);
        for (const input of [JSON.parse(text), text]) {
          const infos = pkg.parseSpriteEvent(input);
          expect(infos, `${file} as ${typeof input}`).to.have.length(1);
          const [info] = infos;
          expect(new URL(info!.vttUrl).pathname).to.equal(`${MEDIA}/imageSprite_10.vtt`);
          expect(info!.imageUrls.map((url) => new URL(url).pathname)).to.deep.equal(SHEET_URLS.map((url) => new URL(url).pathname));
          expect(info!.fileId ?? '5285890784246869380').to.equal('5285890784246869380');
          expect(info!.definition).to.equal(10);
        }
      });
    }

    it('2. The reliable set may hold other event types and several sprite events; options.fileId / options.definition filter', () => {
      const a = spriteEvent('a', VTT_URL, SHEET_URLS, 'file-A');
      const b = spriteEvent('b', VTT_URL, SHEET_URLS, 'file-B');
      (b.CreateImageSpriteCompleteEvent as Record<string, unknown>).Definition = 20;
      const set = {
        Response: {
          EventSet: [
            { EventHandle: 'h0', EventType: 'NewFileUpload', FileUploadEvent: { FileId: 'x' }, CreateImageSpriteCompleteEvent: null } as Record<string, unknown>,
            { EventHandle: 'h1', ...a },
            { EventHandle: 'h2', ...b },
          ],
          RequestId: 'r',
        },
      };
      const failed = spriteEvent('f', VTT_URL, SHEET_URLS, 'file-F');
      (failed.CreateImageSpriteCompleteEvent as Record<string, unknown>).ErrCode = 70000;
      set.Response.EventSet.push({ EventHandle: 'h3', ...failed });
      for (const input of [set, JSON.stringify(set)]) {
        // One per successful sprite result found: the failed one is left out.
        expect(pkg.parseSpriteEvent(input).map((info) => info.fileId)).to.deep.equal(['file-A', 'file-B']);
        expect(pkg.parseSpriteEvent(input, { fileId: 'file-B' }).map((info) => info.fileId)).to.deep.equal(['file-B']);
        expect(pkg.parseSpriteEvent(input, { definition: 20 }).map((info) => info.fileId)).to.deep.equal(['file-B']);
      }
    });

    it('5./6. the FileId of the media / procedure is the SpriteInfo fileId; options.fileId picks one media of several', async () => {
      const mediaInfo = JSON.parse(await payloadText('media-info.json'));
      const other = JSON.parse(JSON.stringify(mediaInfo.Response.MediaInfoSet[0]));
      other.FileId = 'other-file';
      other.ImageSpriteInfo.ImageSpriteSet[0].WebVttUrl = abs('/other.vtt');
      mediaInfo.Response.MediaInfoSet.push(other);
      expect(pkg.parseSpriteEvent(mediaInfo).map((info) => info.fileId)).to.deep.equal(['5285890784246869380', 'other-file']);
      const picked = pkg.parseSpriteEvent(mediaInfo, { fileId: 'other-file' });
      expect(picked.map((info) => info.vttUrl)).to.deep.equal([abs('/other.vtt')]);
      const [procedure] = pkg.parseSpriteEvent(await payloadText('procedure.json'));
      expect(procedure).to.deep.include({ fileId: '5285890784246869380', definition: 10, width: 142, height: 80, totalCount: 225, vttUrl: VTT_URL, imageUrls: SHEET_URLS });
    });

    it('5. (also a bare `ImageSpriteInfo` or item)', async () => {
      const mediaInfo = JSON.parse(await payloadText('media-info.json'));
      const imageSpriteInfo = mediaInfo.Response.MediaInfoSet[0].ImageSpriteInfo;
      const item = imageSpriteInfo.ImageSpriteSet[0];
      for (const input of [imageSpriteInfo, JSON.stringify(imageSpriteInfo), item, JSON.stringify(item)]) {
        const infos = pkg.parseSpriteEvent(input);
        expect(infos).to.have.length(1);
        expect(infos[0]!.vttUrl).to.equal(VTT_URL);
        expect(infos[0]!.imageUrls).to.deep.equal(SHEET_URLS);
      }
    });

    it('Field names are matched exactly as Tencent spells them (PascalCase for 3.0, camelCase for 2.0)', async () => {
      // 2.0 field names in a 3.0 payload (and the other way round) are not sprite data.
      const legacy = JSON.parse(await payloadText('legacy-2.0.json'));
      const pascalLegacy = { Version: '4.0', EventType: 'CreateImageSpriteComplete', Data: { Status: 0, ImageSpriteUrl: legacy.data.imageSpriteUrl, WebVttUrl: legacy.data.webVttUrl } };
      expect(() => pkg.parseSpriteEvent(pascalLegacy)).to.throw(pkg.SpriteEventError);
      const camel = { eventType: 'CreateImageSpriteComplete', createImageSpriteCompleteEvent: { errCode: 0, imageSpriteUrlSet: SHEET_URLS, webVttUrl: VTT_URL } };
      expect(() => pkg.parseSpriteEvent(camel)).to.throw(pkg.SpriteEventError);
    });
  });

  describe('Payload failures: errors with a clear message', () => {
    it('A failed task (ErrCode ≠ 0) is an error (task-failed)', async () => {
      const text = await payloadText('failed.json');
      expectSpriteError(() => pkg.parseSpriteEvent(JSON.parse(text)), 'task-failed');
      expectSpriteError(() => pkg.parseSpriteEvent(text), 'task-failed');
    });

    it('A failed task (2.0 `status` ≠ 0) is an error (task-failed)', async () => {
      const legacy = JSON.parse(await payloadText('legacy-2.0.json'));
      legacy.data.status = 1;
      legacy.data.message = 'failed';
      expectSpriteError(() => pkg.parseSpriteEvent(legacy), 'task-failed');
    });

    it('A failed task (`Status: "FAIL"`) is an error (task-failed)', async () => {
      const procedure = JSON.parse(await payloadText('procedure.json'));
      const task = procedure.ProcedureStateChangeEvent.MediaProcessResultSet[1].ImageSpriteTask;
      task.Status = 'FAIL';
      task.ErrCode = 70000;
      task.Message = 'InternalError';
      expectSpriteError(() => pkg.parseSpriteEvent(procedure), 'task-failed');
    });

    it('A payload of another event type is an error (not-sprite-event)', async () => {
      const text = await payloadText('wrong-event.json');
      expectSpriteError(() => pkg.parseSpriteEvent(text), 'not-sprite-event');
    });

    it('A payload with no sprite data is an error (no-sprite-data)', () => {
      expectSpriteError(() => pkg.parseSpriteEvent({ EventType: 'CreateImageSpriteComplete', CreateImageSpriteCompleteEvent: { ErrCode: 0, Message: '', ImageSpriteUrlSet: [], WebVttUrl: '' } }), 'no-sprite-data');
    });

    it('URLs that are not http:/https: are errors (bad-url)', () => {
      for (const bad of ['javascript:alert(1)', 'data:text/vtt,WEBVTT', 'ftp://example.com/a.vtt', 'file:///etc/passwd']) {
        const event = spriteEvent('x');
        (event.CreateImageSpriteCompleteEvent as Record<string, unknown>).WebVttUrl = bad;
        expectSpriteError(() => pkg.parseSpriteEvent(event), 'bad-url');
      }
    });

    it('Text that is not JSON is an error (bad-json)', async () => {
      const text = await (await fetch(`${PAYLOADS}/bad-json.txt`)).text();
      expectSpriteError(() => pkg.parseSpriteEvent(text), 'bad-json');
    });
  });

  describe('parseSpriteEvent(input, options?) → SpriteInfo[]', () => {
    it('{ fileId?, taskId?, definition?, width?, height?, totalCount?, vttUrl, imageUrls }', async () => {
      const [normal] = pkg.parseSpriteEvent(await payloadText('normal.json'));
      expect(normal).to.deep.include({
        fileId: '5285890784246869380',
        taskId: '1400329073-CreateImageSprite-7a3f0c5e8d9b4a21b6c3e0f1d2a4b5c6',
        definition: 10,
        totalCount: 225,
        vttUrl: VTT_URL,
        imageUrls: SHEET_URLS,
      });
      const [media] = pkg.parseSpriteEvent(await payloadText('media-info.json'));
      expect(media).to.deep.include({ fileId: '5285890784246869380', definition: 10, width: 142, height: 80, totalCount: 225, vttUrl: VTT_URL });
      const [legacy] = pkg.parseSpriteEvent(await payloadText('legacy-2.0.json'));
      expect(legacy).to.deep.include({ fileId: '5285890784246869380', taskId: '1400329073-CreateImageSprite-7a3f0c5e8d9b4a21b6c3e0f1d2a4b5c6', definition: 10, totalCount: 225 });
    });

    it('Signed URLs keep their query string', async () => {
      const [info] = pkg.parseSpriteEvent(await payloadText('reliable.json'));
      expect(info!.vttUrl).to.match(/imageSprite_10\.vtt\?t=6a4c0b80&us=72d4cd1101&sign=/);
      for (const url of info!.imageUrls) expect(url).to.match(/\?t=6a4c0b80&us=72d4cd1101&sign=/);
    });
  });

  describe('parseThumbnailVtt(text, { vttUrl, imageUrls }) → ThumbnailTrack', () => {
    const vttUrl = 'https://cdn.example.com/sprites/imageSprite_10.vtt';

    it('cues (sorted, each { start, end, url, x, y, w, h }, seconds and pixels)', async () => {
      const text = await (await fetch(VTT_URL)).text();
      const track = pkg.parseThumbnailVtt(text, { vttUrl: VTT_URL, imageUrls: SHEET_URLS });
      expect(track.cues).to.have.length(225);
      expect({ ...track.cues[0]! }).to.deep.equal({ start: 0, end: 0.8, url: SHEET_URLS[0], x: 0, y: 0, w: 142, h: 80 });
      expect({ ...track.cues[224]! }).to.deep.equal({ start: 179.2, end: 180, url: SHEET_URLS[2], x: 568, y: 160, w: 142, h: 80 });
      const unsorted = 'WEBVTT\n\n00:00:05.000 --> 00:00:10.000\nb.jpg#xywh=10,20,30,40\n\n00:00:00.000 --> 00:00:05.000\na.jpg#xywh=1,2,3,4\n';
      const sorted = pkg.parseThumbnailVtt(unsorted, { vttUrl, imageUrls: [] });
      expect(sorted.cues.map((cue) => cue.start)).to.deep.equal([0, 5]);
      expect(sorted.cues.map((cue) => cue.url)).to.deep.equal(['https://cdn.example.com/sprites/a.jpg', 'https://cdn.example.com/sprites/b.jpg']);
    });

    it('`w`/`h` undefined for a whole image (no fragment); the `pixel:` unit prefix allowed', () => {
      const text = 'WEBVTT\n\n00:00.000 --> 00:01.000\nwhole.jpg\n\n00:01.000 --> 00:02.000\nsheet.jpg#xywh=pixel:142,80,142,80\n';
      const track = pkg.parseThumbnailVtt(text, { vttUrl, imageUrls: [] });
      expect(track.cues[0]).to.include({ url: 'https://cdn.example.com/sprites/whole.jpg', x: 0, y: 0 });
      expect(track.cues[0]!.w).to.equal(undefined);
      expect(track.cues[0]!.h).to.equal(undefined);
      expect({ ...track.cues[1]! }).to.deep.equal({ start: 1, end: 2, url: 'https://cdn.example.com/sprites/sheet.jpg', x: 142, y: 80, w: 142, h: 80 });
    });

    it('at(time) → the cue shown at that time: the last cue whose start ≤ time', () => {
      const text = 'WEBVTT\n\n00:02.000 --> 00:04.000\na.jpg#xywh=0,0,10,10\n\n00:04.000 --> 00:05.000\nb.jpg#xywh=0,0,10,10\n\n00:10.000 --> 00:12.000\nc.jpg#xywh=0,0,10,10\n';
      const track = pkg.parseThumbnailVtt(text, { vttUrl, imageUrls: [] });
      expect(track.at(2)?.start).to.equal(2);
      expect(track.at(3.99)?.start).to.equal(2);
      expect(track.at(4)?.start).to.equal(4);
      // In a gap and past the end: still the last cue that started.
      expect(track.at(7)?.start).to.equal(4);
      expect(track.at(500)?.start).to.equal(10);
    });

    it('at(time): the first cue before it', () => {
      const text = 'WEBVTT\n\n00:02.000 --> 00:04.000\na.jpg#xywh=0,0,10,10\n\n00:04.000 --> 00:05.000\nb.jpg#xywh=0,0,10,10\n';
      const track = pkg.parseThumbnailVtt(text, { vttUrl, imageUrls: [] });
      expect(track.at(0)?.start).to.equal(2);
      expect(track.at(1.5)?.url).to.equal('https://cdn.example.com/sprites/a.jpg');
    });

    it('at(time): `undefined` when empty', () => {
      // A file with no cues is either rejected (ThumbnailVttError) or an empty track whose at() is undefined.
      let track: ReturnType<typeof pkg.parseThumbnailVtt> | undefined;
      try {
        track = pkg.parseThumbnailVtt('WEBVTT\n\n', { vttUrl, imageUrls: [] });
      } catch (error) {
        expect(error).to.be.instanceOf(pkg.ThumbnailVttError);
      }
      if (track) {
        expect(track.cues).to.have.length(0);
        expect(track.at(0)).to.equal(undefined);
        expect(track.at(10)).to.equal(undefined);
      }
    });
  });

  describe("Resolving a cue's image", () => {
    const vttUrl = 'https://vtt-host.example.com/dir/imageSprite_10.vtt?sig=1';

    it('1. If the last path segment of <ref> (query and fragment ignored) equals that of an entry in the image URL set, that entry’s full URL is used', () => {
      const signed = 'https://other-host.example.net/a/b/imageSprite_10_0.jpg?t=1&us=2&sign=3';
      const text = 'WEBVTT\n\n00:00.000 --> 00:01.000\nimageSprite_10_0.jpg#xywh=0,0,142,80\n\n00:01.000 --> 00:02.000\nsome/dir/imageSprite_10_0.jpg?x=9#xywh=142,0,142,80\n';
      const track = pkg.parseThumbnailVtt(text, { vttUrl, imageUrls: ['https://other-host.example.net/a/b/imageSprite_10_1.jpg?t=1', signed] });
      expect(track.cues.map((cue) => cue.url)).to.deep.equal([signed, signed]);
    });

    it('2. Otherwise <ref> is resolved against the VTT URL', () => {
      const text = 'WEBVTT\n\n00:00.000 --> 00:01.000\nelse.jpg#xywh=0,0,142,80\n\n00:01.000 --> 00:02.000\n../up/imageSprite_10_9.jpg#xywh=0,0,142,80\n';
      const track = pkg.parseThumbnailVtt(text, { vttUrl, imageUrls: ['https://other-host.example.net/imageSprite_10_0.jpg'] });
      expect(track.cues.map((cue) => cue.url)).to.deep.equal(['https://vtt-host.example.com/dir/else.jpg', 'https://vtt-host.example.com/up/imageSprite_10_9.jpg']);
    });

    it('On an https: page http: URLs are upgraded (option `upgradeInsecure`, default on) — and not on this http: page', () => {
      expect(location.protocol).to.equal('http:');
      const text = 'WEBVTT\n\n00:00.000 --> 00:01.000\nimageSprite_10_0.jpg#xywh=0,0,142,80\n';
      const imageUrls = ['http://cdn.example.com/imageSprite_10_0.jpg'];
      // Not an https page: nothing to upgrade.
      expect(pkg.parseThumbnailVtt(text, { vttUrl: 'http://cdn.example.com/a.vtt', imageUrls }).cues[0]!.url).to.equal(imageUrls[0]);
      // An https page (told through the parser's page-protocol option, as this test server is http).
      const onHttps = { vttUrl: 'http://cdn.example.com/a.vtt', imageUrls, pageProtocol: 'https:' } as Parameters<typeof pkg.parseThumbnailVtt>[1];
      expect(pkg.parseThumbnailVtt(text, onHttps).cues[0]!.url).to.equal('https://cdn.example.com/imageSprite_10_0.jpg');
      expect(pkg.parseThumbnailVtt(text, { ...onHttps, upgradeInsecure: false }).cues[0]!.url).to.equal(imageUrls[0]);
    });
  });

  describe('The element <vod-sprite-thumbnails>: attributes ↔ properties', () => {
    const rows: Array<[string, string, string, unknown]> = [
      ['for', 'for', 'my-player', 'my-player'],
      ['event', 'event', '{"EventType":"CreateImageSpriteComplete"}', '{"EventType":"CreateImageSpriteComplete"}'],
      ['event-src', 'eventSrc', '/payloads/normal.json', '/payloads/normal.json'],
      ['file-id', 'fileId', '5285890784246869380', '5285890784246869380'],
      ['definition', 'definition', '10', 10],
      ['width', 'width', '200', 200],
      ['show-time', 'showTime', 'false', false],
      ['preload', 'preload', 'none', 'none'],
    ];
    for (const [attribute, property, value, expected] of rows) {
      it(`\`${attribute}\` / \`${property}\``, async () => {
        const el = newElement({ [attribute]: value });
        document.body.append(el);
        await el.updateComplete;
        const actual = (el as unknown as Record<string, unknown>)[property];
        if (property === 'definition') expect(String(actual)).to.equal(String(expected));
        else expect(actual).to.equal(expected);
      });
    }

    it('`event` property = object or JSON text', async () => {
      const { player, id } = newPlayer();
      await loadSource(player);
      const token = newToken();
      for (const event of [spriteEvent(token), JSON.stringify(spriteEvent(token))]) {
        const el = await readyElement(id, { event });
        expect(el.state).to.equal('ready');
        el.remove();
      }
    });

    it('`show-time` default true; `preload` default hover', () => {
      const el = newElement();
      expect(el.showTime).to.equal(true);
      expect(el.preload).to.equal('hover');
    });

    it('`state` (reflected, read-only): `empty` | `loading` | `ready` | `error`', async () => {
      const el = newElement();
      document.body.append(el);
      await el.updateComplete;
      expect(el.state).to.equal('empty');
      expect(el.getAttribute('state')).to.equal('empty');
      try {
        (el as unknown as { state: string }).state = 'ready';
      } catch {
        // A getter-only property may throw in strict mode: read-only either way.
      }
      el.setAttribute('state', 'ready');
      await el.updateComplete;
      expect(el.state, 'writing state does not change it').to.equal('empty');
      const { player, id } = newPlayer();
      await loadSource(player);
      const seen = new Set<string>();
      const token = newToken();
      const el2 = newElement({ for: id });
      el2.event = spriteEvent(token, tokened(abs(`/__wtr/delay/300${MEDIA}/imageSprite_10.vtt`), token));
      const ready = nextEvent(el2, 'vod-thumbnails-ready');
      document.body.append(el2);
      const timer = setInterval(() => seen.add(`${el2.state}|${el2.getAttribute('state')}`), 10);
      await ready;
      await el2.updateComplete;
      clearInterval(timer);
      expect([...seen]).to.include('loading|loading');
      expect(el2.state).to.equal('ready');
      expect(el2.getAttribute('state')).to.equal('ready');
    });

    it('`error` (property): the last `Error`, or `null`', async () => {
      const { player, id } = newPlayer();
      await loadSource(player);
      const el = newElement({ for: id });
      expect(el.error).to.equal(null);
      const watch = watchPage();
      try {
        const failed = nextEvent(el, 'vod-thumbnails-error');
        el.setAttribute('event', '{ not json');
        document.body.append(el);
        const event = await failed;
        expect(el.error).to.be.instanceOf(Error);
        expect(el.error === event.detail.error, 'error property = the reported error').to.equal(true);
        expect(el.getAttribute('state')).to.equal('error');
        el.event = spriteEvent(newToken());
        await nextEvent(el, 'vod-thumbnails-ready');
        expect(el.error).to.equal(null);
      } finally {
        watch.stop();
      }
    });
  });

  describe('The element: placement, parts, events', () => {
    it('While attached, exactly one <vod-sprite-thumbnails> lies inside the player element (an element placed elsewhere with `for` moves its preview there)', async () => {
      const { player, id } = newPlayer();
      await loadSource(player);
      const el = await readyElement(id, { event: spriteEvent(newToken()) });
      expect(player.el().querySelectorAll('vod-sprite-thumbnails')).to.have.length(1);
      // The plugin on the same player uses that element rather than adding another.
      const plugin = (player as unknown as { vodSpriteThumbnails(o?: object): { element: El } }).vodSpriteThumbnails();
      expect(plugin.element === el, 'plugin.element is the element already there').to.equal(true);
      expect(player.el().querySelectorAll('vod-sprite-thumbnails')).to.have.length(1);
    });

    it('… so it shows in fullscreen too', async () => {
      const { player, id } = newPlayer();
      await loadSource(player);
      const token = newToken();
      const el = await readyElement(id, { event: spriteEvent(token) });
      const button = player.el().querySelector('.vjs-fullscreen-control') as HTMLElement;
      const box = button.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
      try {
        await until(() => document.fullscreenElement === player.el(), 'the player in fullscreen');
        await until(() => seekBar(player).getBoundingClientRect().width > 1000, 'the fullscreen layout');
        // video.js keeps re-laying out the control bar for a few frames; hover once it is still.
        await layoutSettled(seekBar(player));
        player.userActive(true);
        const point = pointFor(player, 120);
        await hoverAt(point.x, point.y);
        await expectTile(el, point.time, SHEET_URLS.map((url) => tokened(url, token)));
      } finally {
        if (document.fullscreenElement) await document.exitFullscreen();
      }
    });

    it('exactly one inside the player element, even with a second element `for` the same player', async () => {
      expectWarnings(/^vod-sprite-thumbnails: player "[^"]+" already has a <vod-sprite-thumbnails>; this one stays inactive/, 1);
      const { player, id } = newPlayer();
      await loadSource(player);
      await readyElement(id, { event: spriteEvent(newToken()) });
      const second = newElement({ for: id });
      second.event = spriteEvent(newToken());
      document.body.append(second);
      await sleep(500);
      expect(player.el().querySelectorAll('vod-sprite-thumbnails')).to.have.length(1);
    });

    it('`for`: optional when the element sits inside the player element', async () => {
      const { player } = newPlayer();
      await loadSource(player);
      const el = newElement();
      el.event = spriteEvent(newToken());
      const ready = nextEvent(el, 'vod-thumbnails-ready');
      player.el().append(el);
      await ready;
      const point = pointFor(player, 50);
      await hoverAt(point.x, point.y);
      await expectTile(el, point.time, SHEET_URLS.map((url) => url));
    });

    it('`for`: id of the video.js player element (or of the `<video>` it was built from)', async () => {
      // A <video> without an id: video.js names the player, the <video> keeps its own (new) id.
      const holder = document.createElement('div');
      const video = document.createElement('video');
      video.className = 'video-js';
      video.width = 960;
      video.height = 540;
      video.muted = true;
      video.controls = true;
      holder.append(video);
      document.body.prepend(holder);
      const player = videojs(video);
      players.push({ player, holder });
      await loadSource(player);
      const videoId = player.el().querySelector('video')!.id;
      expect(videoId, 'the <video> has an id of its own').to.not.equal(player.id());
      const el = await readyElement(videoId, { event: spriteEvent(newToken()) });
      expect(player.el().contains(el), 'the preview moved into that player').to.equal(true);
      const point = pointFor(player, 55);
      await hoverAt(point.x, point.y);
      await expectTile(el, point.time);
    });

    it('CSS custom properties, with defaults on `:host`, are documented in the README', async () => {
      const readme = await (await fetch('/README.md')).text();
      const documented = [...new Set(readme.match(/--vod-thumbnails-[a-z-]+/g) ?? [])];
      expect(documented.length, 'custom properties named in the README').to.be.at.least(3);
      const el = newElement();
      document.body.append(el);
      await el.updateComplete;
      const style = getComputedStyle(el);
      for (const name of documented) expect(style.getPropertyValue(name).trim(), `${name} has a default on :host`).to.not.equal('');
    });

    it('Nothing in a payload is ever inserted as HTML or as unescaped CSS', async () => {
      const { player, id } = newPlayer();
      await loadSource(player);
      const flag = '__vodContractInjected';
      const html = `"><img src=x onerror="window.${flag}=1"><style>*{display:none}</style>`;
      const token = newToken();
      const event = spriteEvent(token, VTT_URL, SHEET_URLS.map((url) => `${url}?q=${encodeURIComponent(html)}`), html);
      const inner = event.CreateImageSpriteCompleteEvent as Record<string, unknown>;
      inner.TaskId = html;
      inner.Message = html;
      const watch = watchPage();
      try {
        const el = await readyElement(id, { event, fileId: html });
        const point = pointFor(player, 25);
        await hoverAt(point.x, point.y);
        await until(() => labelShown(el), 'the label');
        // And a failed task whose message is HTML.
        const second = newPlayer();
        await loadSource(second.player);
        const failed = newElement({ for: second.id });
        const failedEvent = spriteEvent(token);
        Object.assign(failedEvent.CreateImageSpriteCompleteEvent as object, { ErrCode: 1, Message: html });
        failed.event = failedEvent;
        document.body.append(failed);
        await until(() => failed.state === 'error', 'the failed task reported');
        expect((window as unknown as Record<string, unknown>)[flag], 'no script from the payload ran').to.equal(undefined);
        const tags = [...el.shadowRoot!.querySelectorAll('*')].map((node) => node.localName);
        expect(tags.filter((tag) => tag === 'img' || tag === 'script'), 'no markup from the payload').to.deep.equal([]);
        expect(document.querySelectorAll('img[src="x"]').length).to.equal(0);
        expect(getComputedStyle(player.el()).display).to.not.equal('none');
      } finally {
        watch.stop();
      }
    });

    it('Shadow parts: `thumbnail` (the box that shows the tile), `time` (the label)', async () => {
      const { player, id } = newPlayer();
      await loadSource(player);
      const token = newToken();
      const el = await readyElement(id, { event: spriteEvent(token) });
      expect(shadowPart(el, 'thumbnail'), 'thumbnail part').to.not.equal(null);
      expect(shadowPart(el, 'time'), 'time part').to.not.equal(null);
      const point = pointFor(player, 20);
      await hoverAt(point.x, point.y);
      await expectTile(el, point.time, SHEET_URLS.map((url) => tokened(url, token)));
      expect(shadowPart(el, 'time')!.textContent!.trim()).to.equal(videojs.time.formatTime(point.time, DURATION));
    });

    it('Events (bubbling, composed): `vod-thumbnails-ready` (`detail: { cues, sheets }`)', async () => {
      const { player, id } = newPlayer();
      await loadSource(player);
      const token = newToken();
      // Inside a shadow root: only a composed event reaches the document.
      const host = document.createElement('div');
      document.body.append(host);
      const root = host.attachShadow({ mode: 'open' });
      const el = newElement({ for: id });
      el.event = spriteEvent(token);
      const atDocument = nextEvent(document, 'vod-thumbnails-ready');
      root.append(el);
      const event = await atDocument;
      host.remove();
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
      expect(event.detail.cues).to.have.length(225);
      expect(event.detail.cues[0]).to.include({ start: 0, x: 0, y: 0, w: 142, h: 80 });
      expect(event.detail.sheets).to.deep.equal(SHEET_URLS.map((url) => tokened(url, token)));
    });

    it("Events (bubbling, composed): `vod-thumbnails-error` (`detail: { error, stage: 'payload' | 'vtt' | 'image' }`)", async () => {
      const { player, id } = newPlayer();
      await loadSource(player);
      const watch = watchPage();
      try {
        // payload
        const a = newElement({ for: id, event: '{ broken' });
        const payloadError = nextEvent(document, 'vod-thumbnails-error');
        document.body.append(a);
        const first = await payloadError;
        expect(first.bubbles && first.composed).to.equal(true);
        expect(first.detail.stage).to.equal('payload');
        expect(first.detail.error).to.be.instanceOf(pkg.SpriteEventError);
        a.remove();
        // vtt
        const token = newToken();
        const b = newElement({ for: id });
        b.event = spriteEvent(token, abs(`/__wtr/status/404${MEDIA}/imageSprite_10.vtt`));
        const vttError = nextEvent(document, 'vod-thumbnails-error');
        document.body.append(b);
        const second = await vttError;
        expect(second.detail.stage).to.equal('vtt');
        expect(second.detail.error).to.be.instanceOf(Error);
        b.remove();
        // image
        const c = await readyElement(id, { event: spriteEvent(token, VTT_URL, SHEET_URLS.map((url) => abs(`/__wtr/status/404${new URL(url).pathname}`))) });
        const imageError = nextEvent(document, 'vod-thumbnails-error');
        const point = pointFor(player, 30);
        await hoverAt(point.x, point.y);
        const third = await imageError;
        expect(third.target === c, 'reported by the element').to.equal(true);
        expect(third.detail.stage).to.equal('image');
        expect(third.detail.error).to.be.instanceOf(Error);
      } finally {
        watch.stop();
      }
    });

    it('`event-src`: URL of a JSON document holding the payload (URLs inside relative to it)', async () => {
      const { player, id } = newPlayer();
      await loadSource(player);
      for (const file of ['normal.json', 'reliable.json', 'task.json', 'legacy-2.0.json', 'media-info.json', 'procedure.json']) {
        const el = newElement({ for: id, 'event-src': `${PAYLOADS}/${file}` });
        const ready = nextEvent(el, 'vod-thumbnails-ready');
        document.body.append(el);
        const event = await ready;
        expect(event.detail.cues, file).to.have.length(225);
        expect(event.detail.sheets.map((url: string) => new URL(url).pathname), file).to.deep.equal(SHEET_URLS.map((url) => new URL(url).pathname));
        el.remove();
      }
    });

    it('`file-id` / `fileId`, `definition`: pick one sprite result when the payload holds several (default: the first successful one)', async () => {
      const { player, id } = newPlayer();
      await loadSource(player);
      const tokenA = newToken();
      const tokenB = newToken();
      const failed = spriteEvent('f', VTT_URL, SHEET_URLS, 'file-F');
      (failed.CreateImageSpriteCompleteEvent as Record<string, unknown>).ErrCode = 70000;
      const b = spriteEvent(tokenB, VTT_URL, SHEET_URLS, 'file-B');
      (b.CreateImageSpriteCompleteEvent as Record<string, unknown>).Definition = 20;
      const set = { Response: { EventSet: [failed, spriteEvent(tokenA, VTT_URL, SHEET_URLS, 'file-A'), b], RequestId: 'r' } };
      const sheetsOf = async (props: Record<string, unknown>) => {
        const el = newElement({ for: id });
        Object.assign(el, props);
        const ready = nextEvent(el, 'vod-thumbnails-ready');
        document.body.append(el);
        const sheets = (await ready).detail.sheets as string[];
        el.remove();
        return sheets;
      };
      expect((await sheetsOf({ event: set })).every((url) => url.includes(tokenA)), 'default: the first successful one').to.equal(true);
      expect((await sheetsOf({ event: set, fileId: 'file-B' })).every((url) => url.includes(tokenB)), 'fileId').to.equal(true);
      const el = newElement({ for: id, definition: '20' });
      el.event = set;
      const ready = nextEvent(el, 'vod-thumbnails-ready');
      document.body.append(el);
      expect((await ready).detail.sheets.every((url: string) => url.includes(tokenB))).to.equal(true);
    });

    it('`width`: preview width in CSS px (default: the tile’s own width, shrunk to fit small players)', async () => {
      const { player, id } = newPlayer();
      await loadSource(player);
      const el = await readyElement(id, { event: spriteEvent(newToken()) });
      let point = pointFor(player, 60);
      await hoverAt(point.x, point.y);
      await until(() => tileShown(el), 'a tile');
      const canvasBox = () => shadowPart(el, 'thumbnail')!.querySelector('canvas')!.getBoundingClientRect();
      expect(Math.round(canvasBox().width), 'default: the tile’s own width').to.equal(142);
      el.width = 250;
      await el.updateComplete;
      await sleep(50);
      expect(Math.round(canvasBox().width), 'width = 250').to.equal(250);
      expect(Math.round(canvasBox().height), 'aspect ratio kept').to.equal(Math.round((250 * 80) / 142));
      // A small player shrinks the default.
      const small = newPlayer({ width: 260, height: 146 });
      await loadSource(small.player);
      const smallEl = await readyElement(small.id, { event: spriteEvent(newToken()) });
      point = pointFor(small.player, 90);
      await hoverAt(point.x, point.y);
      await until(() => tileShown(smallEl), 'a tile on the small player');
      const box = shadowPart(smallEl, 'thumbnail')!.getBoundingClientRect();
      expect(box.width).to.be.lessThan(142);
      expect(box.width).to.be.at.most(small.player.el().getBoundingClientRect().width);
    });

    it('`show-time` / `showTime`: show the time label (default true)', async () => {
      const { player, id } = newPlayer();
      await loadSource(player);
      const el = await readyElement(id, { event: spriteEvent(newToken()) });
      const point = pointFor(player, 75);
      await hoverAt(point.x, point.y);
      await until(() => tileShown(el) && labelShown(el), 'tile and label');
      el.setAttribute('show-time', 'false');
      await el.updateComplete;
      await hoverAt(point.x + 3, point.y);
      await sleep(100);
      expect(tileShown(el), 'tile still shown').to.equal(true);
      expect(labelShown(el), 'label hidden with show-time="false"').to.equal(false);
    });
  });

  describe('The video.js plugin', () => {
    type Plugin = { load(payload: unknown): void; clear(): void; element: El; state: { status: string; error: Error | null } };
    const pluginOf = (player: Player, options?: Record<string, unknown>) =>
      (player as unknown as { vodSpriteThumbnails(o?: Record<string, unknown>): Plugin }).vodSpriteThumbnails(options);

    it('player.vodSpriteThumbnails(options) with the element’s options in camelCase returns the plugin; it has load(payload), clear(), element and state', async () => {
      const { player } = newPlayer();
      await loadSource(player);
      const token = newToken();
      const grid = { columns: 10, rows: 10, interval: 0.8, width: 142, height: 80 };
      const plugin = pluginOf(player, { fileId: '5285890784246869380', definition: 10, width: 180, showTime: false, preload: 'hover', upgradeInsecure: false, grid });
      expect(plugin.element instanceof pkg.VodSpriteThumbnails, 'plugin.element is a VodSpriteThumbnails').to.equal(true);
      expect(player.el().contains(plugin.element)).to.equal(true);
      expect(plugin.element.fileId).to.equal('5285890784246869380');
      expect(String(plugin.element.definition)).to.equal('10');
      expect(plugin.element.width).to.equal(180);
      expect(plugin.element.showTime).to.equal(false);
      expect(plugin.element.preload).to.equal('hover');
      expect((plugin.element as unknown as { upgradeInsecure: boolean }).upgradeInsecure).to.equal(false);
      expect((plugin.element as unknown as { grid: unknown }).grid).to.deep.equal(grid);
      expect(plugin.state.status).to.equal('empty');
      const ready = nextEvent(plugin.element, 'vod-thumbnails-ready');
      plugin.load(spriteEvent(token));
      await ready;
      expect(plugin.state.status).to.equal('ready');
      const point = pointFor(player, 100);
      await hoverAt(point.x, point.y);
      await expectTile(plugin.element, point.time, SHEET_URLS.map((url) => tokened(url, token)));
      plugin.clear();
      await plugin.element.updateComplete;
      expect(plugin.state.status).to.equal('empty');
      await hoverAt(point.x + 4, point.y);
      await sleep(150);
      expect(tileShown(plugin.element), 'no tile after clear()').to.equal(false);
    });

    it('options `event` and `eventSrc`', async () => {
      const a = newPlayer();
      await loadSource(a.player);
      const byEvent = pluginOf(a.player, { event: JSON.stringify(spriteEvent(newToken())) });
      await until(() => byEvent.state.status === 'ready', 'ready from `event` (JSON text)');
      const b = newPlayer();
      await loadSource(b.player);
      const bySrc = pluginOf(b.player, { eventSrc: `${PAYLOADS}/legacy-2.0.json` });
      await until(() => bySrc.state.status === 'ready', 'ready from `eventSrc`');
    });

    it('A source object may carry its own payload: player.src({ src, type, spriteEvent })', async () => {
      const { player } = newPlayer();
      const plugin = pluginOf(player);
      const token = newToken();
      await loadSource(player, { src: SAMPLE, type: 'video/mp4', spriteEvent: spriteEvent(token) });
      await until(() => plugin.state.status === 'ready', 'ready from the source payload');
      const point = pointFor(player, 140);
      await hoverAt(point.x, point.y);
      await expectTile(plugin.element, point.time, SHEET_URLS.map((url) => tokened(url, token)));
    });

    it('on a source change without one, thumbnails are cleared (never a stale preview of the previous video)', async () => {
      const { player } = newPlayer();
      const plugin = pluginOf(player);
      await loadSource(player, { src: SAMPLE, type: 'video/mp4', spriteEvent: spriteEvent(newToken()) });
      await until(() => plugin.state.status === 'ready', 'ready');
      await loadSource(player, { src: `${SAMPLE}?other-video=1`, type: 'video/mp4' });
      expect(plugin.state.status).to.equal('empty');
      const point = pointFor(player, 40);
      await hoverAt(point.x, point.y);
      await sleep(200);
      expect(tileShown(plugin.element), 'no tile of the previous video').to.equal(false);
    });

    it('player.src({ spriteEvent }) with the payload as JSON text; a later source with its own payload replaces the tiles', async () => {
      const { player } = newPlayer();
      const plugin = pluginOf(player);
      const first = newToken();
      await loadSource(player, { src: SAMPLE, type: 'video/mp4', spriteEvent: JSON.stringify(spriteEvent(first)) });
      await until(() => plugin.state.status === 'ready', 'ready from a JSON-text source payload');
      const second = newToken();
      await loadSource(player, { src: `${SAMPLE}?second-video=1`, type: 'video/mp4', spriteEvent: spriteEvent(second) });
      await until(() => plugin.state.status === 'ready', 'ready for the second source');
      const point = pointFor(player, 65);
      await hoverAt(point.x, point.y);
      await expectTile(plugin.element, point.time, SHEET_URLS.map((url) => tokened(url, second)));
      const requested = (await requests(first)).filter((entry) => entry.url.includes('.jpg'));
      expect(requested.map((entry) => entry.url), 'no sheet of the previous video').to.deep.equal([]);
    });

    it('on a source change without one, thumbnails given through `event` are cleared too', async () => {
      const { player } = newPlayer();
      await loadSource(player);
      const plugin = pluginOf(player, { event: spriteEvent(newToken()) });
      await until(() => plugin.state.status === 'ready', 'ready');
      await loadSource(player, { src: `${SAMPLE}?next-video=1`, type: 'video/mp4' });
      expect(plugin.state.status).to.equal('empty');
      const point = pointFor(player, 85);
      await hoverAt(point.x, point.y);
      await sleep(200);
      expect(tileShown(plugin.element), 'no tile of the previous video').to.equal(false);
    });

    it('`grid: { columns, rows, interval, width, height }` draws tiles from ImageSpriteUrlSet alone when the VTT cannot be fetched (no CORS on the CDN)', async () => {
      const { player } = newPlayer();
      await loadSource(player);
      const token = newToken();
      const other = (await executeServerCommand('other-origin')) as string;
      const plugin = pluginOf(player, {
        grid: { columns: 10, rows: 10, interval: 0.8, width: 142, height: 80 },
        event: spriteEvent(token, `${other}${MEDIA}/imageSprite_10.vtt`),
      });
      await until(() => plugin.state.status === 'ready', 'ready from the grid');
      const point = pointFor(player, 123);
      await hoverAt(point.x, point.y);
      await expectTile(plugin.element, point.time, SHEET_URLS.map((url) => tokened(url, token)));
    });
  });

  describe('Behaviour a user sees', () => {
    it('Pointer over the seek bar at fraction f: the tile for f × duration, centred on the pointer, kept inside the player; the label as video.js formats it; hides when the pointer leaves', async () => {
      const { player, id } = newPlayer();
      await loadSource(player);
      const token = newToken();
      const el = await readyElement(id, { event: spriteEvent(token) });
      const sheets = SHEET_URLS.map((url) => tokened(url, token));
      const playerBox = player.el().getBoundingClientRect();
      for (const target of [0.4, 33.3, 90.1, 151.7, 179.6]) {
        const point = pointFor(player, target);
        await hoverAt(point.x, point.y);
        await expectTile(el, point.time, sheets);
        const box = shadowPart(el, 'thumbnail')!.getBoundingClientRect();
        const label = shadowPart(el, 'time')!;
        expect(label.textContent!.trim(), `label at ${point.time}`).to.equal(videojs.time.formatTime(point.time, DURATION));
        expect(box.left, 'inside the player (left)').to.be.at.least(playerBox.left - 0.5);
        expect(box.right, 'inside the player (right)').to.be.at.most(playerBox.right + 0.5);
        expect(box.bottom, 'above the seek bar').to.be.at.most(seekBar(player).getBoundingClientRect().top + 0.5);
        const free = point.x - box.width / 2 > playerBox.left && point.x + box.width / 2 < playerBox.right;
        if (free) expect(Math.abs(box.left + box.width / 2 - point.x), `centred at ${point.time}`).to.be.at.most(1.01);
      }
      await hoverAt(playerBox.left + 200, playerBox.top + 100);
      await until(() => !tileShown(el) && !labelShown(el), 'the preview to hide when the pointer leaves the seek bar', 2000);
    });

    it('Touch drag on the seek bar shows the preview during the drag and hides it after', async () => {
      const { player, id } = newPlayer();
      await loadSource(player);
      const token = newToken();
      const el = await readyElement(id, { event: spriteEvent(token) });
      const sheets = SHEET_URLS.map((url) => tokened(url, token));
      const start = pointFor(player, 30);
      const end = pointFor(player, 110);
      await executeServerCommand('touch', { type: 'start', x: start.x, y: start.y });
      try {
        await expectTile(el, start.time, sheets);
        await executeServerCommand('touch', { type: 'move', x: Math.round((start.x + end.x) / 2), y: start.y });
        await executeServerCommand('touch', { type: 'move', x: end.x, y: end.y });
        await expectTile(el, end.time, sheets);
      } finally {
        await executeServerCommand('touch', { type: 'end', x: end.x, y: end.y });
      }
      await until(() => !tileShown(el), 'the preview to hide after the drag', 2000);
    });

    it('With the seek bar focused, arrow/Home/End keys show the preview of the new time briefly', async () => {
      const { player, id } = newPlayer();
      await loadSource(player);
      const token = newToken();
      const el = await readyElement(id, { event: spriteEvent(token) });
      const sheets = SHEET_URLS.map((url) => tokened(url, token));
      player.currentTime(60.3);
      await new Promise<void>((resolve) => player.one('seeked', () => resolve()));
      seekBar(player).focus();
      expect(document.activeElement === seekBar(player), 'seek bar focused').to.equal(true);
      await sendKeys({ press: 'End' });
      await until(() => tileShown(el), 'a preview after End');
      await sendKeys({ press: 'Home' });
      await expectTile(el, 0.3, sheets);
      await sendKeys({ press: 'ArrowRight' });
      await until(() => (player.currentTime() ?? 0) >= 4.9, 'ArrowRight to step forward');
      await expectTile(el, player.currentTime() ?? 5, sheets);
      await until(() => !tileShown(el), 'the key preview to hide after a while', 4000);
    });

    it('Sheets load lazily and once each per player (on first hover plus neighbours); nothing is fetched beyond the VTT for a player nobody touches', async () => {
      const { player, id } = newPlayer();
      await loadSource(player);
      const token = newToken();
      const el = await readyElement(id, { event: spriteEvent(token) });
      await sleep(600);
      const untouched = (await requests(token)).map((entry) => new URL(entry.url, location.href).pathname);
      expect(untouched, 'before any interaction: only the VTT').to.deep.equal([`${MEDIA}/imageSprite_10.vtt`]);
      for (const target of [10, 20, 30, 40, 10, 20]) {
        const point = pointFor(player, target);
        await hoverAt(point.x, point.y);
        await expectTile(el, point.time, SHEET_URLS.map((url) => tokened(url, token)));
      }
      const log = await requests(token);
      const count = (sheet: number) => log.filter((entry) => entry.url.includes(`imageSprite_10_${sheet}.jpg`)).length;
      expect(count(0), 'sheet 0 fetched once').to.equal(1);
      // preload "hover": sheets on first hover plus neighbours (sheet 0's neighbour is sheet 1 only).
      expect(count(1), 'the neighbouring sheet 1, once').to.equal(1);
      expect(count(2), 'sheet 2 is no neighbour of sheet 0').to.equal(0);
    });

    it('nothing at all with preload="none" (a player nobody touches)', async () => {
      const { player, id } = newPlayer();
      await loadSource(player);
      const token = newToken();
      const inline = newElement({ for: id, preload: 'none' });
      inline.event = spriteEvent(token);
      document.body.append(inline);
      const second = newPlayer();
      await loadSource(second.player);
      const bySrc = newElement({ for: second.id, preload: 'none', 'event-src': tokened(`${PAYLOADS}/normal.json`, token) });
      document.body.append(bySrc);
      await sleep(1000);
      expect(await requests(token)).to.deep.equal([]);
      expect(inline.state).to.not.equal('error');
      // The first interaction then loads and shows (the second player is the one on top of the page).
      const point = pointFor(second.player, 70);
      await hoverAt(point.x, point.y);
      await expectTile(bySrc, point.time);
    });

    it('preload="auto" loads the sheets without interaction', async () => {
      const { player, id } = newPlayer();
      await loadSource(player);
      const token = newToken();
      await readyElement(id, { event: spriteEvent(token), preload: 'auto' });
      const end = performance.now() + 5000;
      let sheets: string[] = [];
      while (performance.now() < end) {
        sheets = (await requests(token)).map((entry) => new URL(entry.url, location.href).pathname).filter((path) => path.endsWith('.jpg'));
        if (sheets.length >= 3) break;
        await sleep(100);
      }
      expect([...new Set(sheets)].sort()).to.deep.equal(SHEET_URLS.map((url) => new URL(url).pathname));
    });

    const failures: Array<[string, (token: string) => Partial<El> & Record<string, unknown>, boolean]> = [
      ['a payload that is not JSON', () => ({ event: '{ nope' }), false],
      ['a failed task', () => ({ eventSrc: `${PAYLOADS}/failed.json` }), false],
      ['another event type', () => ({ eventSrc: `${PAYLOADS}/wrong-event.json` }), false],
      ['a missing event-src document', (token) => ({ eventSrc: tokened(`${PAYLOADS}/missing.json`, token) }), false],
      ['a VTT answering 500', (token) => ({ event: spriteEvent(token, abs(`/__wtr/status/500${MEDIA}/imageSprite_10.vtt`)) }), false],
      ['a VTT without CORS on another origin (no grid)', (token) => ({ event: spriteEvent(token, `${otherOrigin}${MEDIA}/imageSprite_10.vtt`) }), false],
      ['a VTT that is not WebVTT', (token) => ({ event: spriteEvent(token, abs(`${PAYLOADS}/normal.json`)) }), false],
      ['sheets that answer 404', (token) => ({ event: spriteEvent(token, VTT_URL, SHEET_URLS.map((url) => abs(`/__wtr/status/404${new URL(url).pathname}`))) }), true],
    ];
    let otherOrigin = '';
    for (const [what, props, needsHover] of failures) {
      it(`Any failure (${what}): state = error, one vod-thumbnails-error event, a console warning, the player keeps working with its own time tooltip; nothing thrown`, async () => {
        otherOrigin ||= (await executeServerCommand('other-origin')) as string;
        const { player, id } = newPlayer();
        await loadSource(player);
        const watch = watchPage();
        try {
          const el = newElement({ for: id });
          Object.assign(el, props(newToken()));
          document.body.append(el);
          const point = pointFor(player, 45);
          if (needsHover) {
            await until(() => el.state === 'ready' || el.state === 'error', 'ready or error');
            await hoverAt(point.x, point.y);
          }
          await until(() => el.state === 'error', 'state error');
          await sleep(needsHover ? 300 : 600);
          // More interaction, over other sheets too, must not report it again.
          for (const target of [60, 120, 170]) {
            const other = pointFor(player, target);
            await hoverAt(other.x, other.y);
            await sleep(150);
          }
          await hoverAt(point.x, point.y);
          await sleep(300);
          expect(el.state).to.equal('error');
          expect(el.getAttribute('state')).to.equal('error');
          expect(watch.errors(), 'exactly one error event').to.have.length(1);
          // A sheet fails after the track was ready; anything earlier fails before any ready event.
          expect(watch.events.filter((event) => event.type === 'vod-thumbnails-ready')).to.have.length(needsHover ? 1 : 0);
          expect(watch.warnings.length, 'a console warning').to.be.at.least(1);
          expect(watch.pageErrors, 'nothing thrown into the page').to.deep.equal([]);
          // The player keeps working with its own time tooltip.
          const tooltip = player.el().querySelector('.vjs-progress-control .vjs-mouse-display .vjs-time-tooltip') as HTMLElement;
          expect(isShown(tooltip), `video.js's own time tooltip shows (element label shown instead: ${labelShown(el)})`).to.equal(true);
          expect(tooltip.textContent!.trim()).to.equal(videojs.time.formatTime(point.time, DURATION));
          expect(tileShown(el), 'no thumbnail tile').to.equal(false);
          player.currentTime(100);
          await until(() => Math.abs((player.currentTime() ?? 0) - 100) < 0.5, 'the player to seek');
          expect(player.error()).to.equal(null);
        } finally {
          watch.stop();
        }
      });
    }
  });
});

