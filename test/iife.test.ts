// The script-tag build `dist/vod-sprite-thumbnails.iife.js` (CONTRACT.md, Exports): lit bundled,
// the page's global `videojs`, plugin and element registered, every named export on
// `window.VodSpriteThumbnails`. Loaded with plain <script>s in a fresh same-origin iframe, so the
// module-world video.js and element of the other tests cannot interfere.
import './support/console.js';
import { expect } from '@open-wc/testing';
import { sendMouse, setViewport } from '@web/test-runner-commands';
import * as pkg from '../src/index.js';
import { sleep, until as waitUntil } from './support/player.js';

const IIFE = '/dist/vod-sprite-thumbnails.iife.js';
const MEDIA = '/demo/public/media';
const DURATION = 180;
const TILE = { w: 142, h: 80, interval: 0.8, columns: 10, rows: 10 };
const SHEETS = [0, 1, 2].map((i) => new URL(`${MEDIA}/imageSprite_10_${i}.jpg`, location.href).href);

interface FrameWindow extends Window {
  videojs?: ((el: Element, options?: object) => FramePlayer) & {
    getPlugin(name: string): unknown;
    time: { formatTime(seconds: number, guide: number): string };
  };
  VodSpriteThumbnails?: Record<string, unknown>;
}
interface FramePlayer {
  el(): HTMLElement;
  src(source: object): void;
  one(type: string, fn: () => void): void;
  hasStarted(value: boolean): void;
  userActive(value: boolean): void;
  dispose(): void;
  vodSpriteThumbnails?: unknown;
}

/** These suites allow 6 s per wait (they were written against the contract alone, with their own budget). */
const until = <T>(check: () => T, what: string, timeout = 6000) => waitUntil(check, what, timeout);

/** A fresh same-origin iframe whose page loads plain-script video.js, then the IIFE. */
async function frameWithIife(): Promise<{ frame: HTMLIFrameElement; win: FrameWindow; doc: Document }> {
  const check = await fetch(IIFE, { method: 'GET', cache: 'no-store' });
  if (!check.ok) {
    throw new Error(
      `${IIFE} is missing (HTTP ${check.status}): the script-tag build must exist before this test runs. ` +
        'Run `npm run build:iife` (test/run.js should build it before starting the test runner).',
    );
  }
  const frame = document.createElement('iframe');
  frame.style.cssText = 'position:fixed;left:0;top:0;width:1000px;height:620px;border:0;background:#fff';
  frame.src = new URL('./fixtures/contract/iife.html', import.meta.url).href;
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as FrameWindow;
  return { frame, win, doc: frame.contentDocument! };
}

let current: HTMLIFrameElement | undefined;

describe('IIFE build (dist/vod-sprite-thumbnails.iife.js) in a plain-script page', () => {
  before(async () => {
    await setViewport({ width: 1200, height: 800 });
  });
  afterEach(async () => {
    await sendMouse({ type: 'move', position: [1190, 790] });
    current?.remove();
    current = undefined;
  });

  it('the ESM build (what `import "vod-sprite-thumbnails"` resolves to on this server) has the same named exports, and a second copy of the package beside this one throws nothing', async () => {
    // On the test server the package name resolves through package.json "exports" to dist/, not src/.
    const esm = '/dist/vod-sprite-thumbnails.js';
    const check = await fetch(esm, { cache: 'no-store' });
    if (!check.ok) throw new Error(`${esm} is missing (HTTP ${check.status}): run \`npm run build:lib\` before the tests.`);
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.message);
    window.addEventListener('error', onError);
    let built: Record<string, unknown>;
    try {
      built = await import(/* @vite-ignore */ new URL(esm, location.href).href);
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
    expect(Object.keys(built).sort()).to.deep.equal(Object.keys(pkg).sort());
    // Two copies, one definition: the first one defined wins, the second is guarded.
    expect(customElements.get('vod-sprite-thumbnails') === pkg.VodSpriteThumbnails, 'first definition kept').to.equal(true);
  });

  it('exposes every named export of the entry on window.VodSpriteThumbnails', async () => {
    const { frame, win } = await frameWithIife();
    current = frame;
    // Only primitives go into assertions: a failing assertion serialises its values, and the
    // bundle's classes are a deep object graph.
    expect(typeof win.VodSpriteThumbnails, 'window.VodSpriteThumbnails').to.equal('object');
    expect(win.VodSpriteThumbnails !== null).to.equal(true);
    const exposed = Object.keys(win.VodSpriteThumbnails!).sort();
    const named = Object.keys(pkg).sort();
    expect(named).to.include.members(['VodSpriteThumbnails', 'parseSpriteEvent', 'parseThumbnailVtt', 'SpriteEventError', 'ThumbnailVttError']);
    expect(exposed).to.include.members(named);
    for (const name of named) expect(typeof win.VodSpriteThumbnails![name], name).to.equal(typeof (pkg as Record<string, unknown>)[name]);
    // The exports work: a payload parses in the iframe's world.
    const parse = win.VodSpriteThumbnails!.parseSpriteEvent as typeof pkg.parseSpriteEvent;
    const [info] = parse({ ErrCode: 0, ImageSpriteUrlSet: SHEETS, WebVttUrl: new URL(`${MEDIA}/imageSprite_10.vtt`, location.href).href });
    expect(JSON.stringify(info?.imageUrls)).to.equal(JSON.stringify(SHEETS));
  });

  it('uses the page’s global videojs: registers the plugin `vodSpriteThumbnails` and defines <vod-sprite-thumbnails>', async () => {
    const { frame, win } = await frameWithIife();
    current = frame;
    expect(typeof win.videojs, 'the page’s global videojs').to.equal('function');
    expect(typeof win.videojs!.getPlugin('vodSpriteThumbnails')).to.equal('function');
    const defined = win.customElements.get('vod-sprite-thumbnails');
    expect(defined !== undefined, '<vod-sprite-thumbnails> defined in the IIFE page').to.equal(true);
    expect(defined === win.VodSpriteThumbnails!.VodSpriteThumbnails, 'defined as window.VodSpriteThumbnails.VodSpriteThumbnails').to.equal(true);
    // Not the module world's element class: lit is bundled into the IIFE.
    expect(defined === customElements.get('vod-sprite-thumbnails'), 'the module world’s class').to.equal(false);
  });

  it('a player with the element shows the tile for the hovered time', async () => {
    const { frame, win, doc } = await frameWithIife();
    current = frame;
    const video = doc.createElement('video');
    video.id = 'iife-player';
    video.className = 'video-js';
    video.width = 960;
    video.height = 540;
    video.muted = true;
    video.controls = true;
    doc.body.append(video);
    const el = doc.createElement('vod-sprite-thumbnails');
    el.setAttribute('for', 'iife-player');
    el.setAttribute('event-src', '/demo/public/payloads/normal.json');
    doc.body.append(el);
    const player = win.videojs!(video);
    const ready = new Promise<void>((resolve, reject) => {
      el.addEventListener('vod-thumbnails-ready', () => resolve(), { once: true });
      el.addEventListener('vod-thumbnails-error', (event) => reject((event as CustomEvent).detail.error), { once: true });
    });
    const loaded = new Promise<void>((resolve) => player.one('loadedmetadata', () => resolve()));
    player.src({ src: `${MEDIA}/sample.mp4`, type: 'video/mp4' });
    await loaded;
    await ready;
    player.hasStarted(true);
    player.userActive(true);
    await sleep(50);
    expect(player.el().contains(el), 'the element lives inside the player').to.equal(true);

    const bar = (player.el().querySelector('.vjs-progress-control .vjs-progress-holder') as HTMLElement).getBoundingClientRect();
    const frameBox = frame.getBoundingClientRect();
    // A pixel whose time is well inside a tile and away from a whole second.
    let x = Math.round(bar.left + bar.width * 0.4);
    let time = ((x - bar.left) / bar.width) * DURATION;
    for (let dx = 0; dx < 10; dx++) {
      const t = ((x + dx - bar.left) / bar.width) * DURATION;
      const margin = Math.min(t % TILE.interval, TILE.interval - (t % TILE.interval));
      if (margin > 0.2 && Math.min(t % 1, 1 - (t % 1)) > 0.1) {
        x += dx;
        time = t;
        break;
      }
    }
    const y = Math.round(bar.top + bar.height / 2);
    await sendMouse({ type: 'move', position: [Math.round(frameBox.left + x), Math.round(frameBox.top + y)] });

    const thumbnail = () => el.shadowRoot?.querySelector('[part~="thumbnail"]') as HTMLElement | null;
    await until(() => {
      const box = thumbnail()?.getBoundingClientRect();
      return box && box.width > 0 && box.height > 0 && thumbnail()!.checkVisibility();
    }, 'a visible thumbnail in the IIFE page');
    const label = el.shadowRoot?.querySelector('[part~="time"]') as HTMLElement;
    expect(label.textContent!.trim()).to.equal(win.videojs!.time.formatTime(time, DURATION));

    // Which tile: compare the drawn pixels to the expected tile and to its neighbour.
    const index = Math.floor(time / TILE.interval);
    const tileAt = (i: number) => ({ sheet: Math.floor(i / 100), x: ((i % 100) % TILE.columns) * TILE.w, y: Math.floor((i % 100) / TILE.columns) * TILE.h });
    const sheetImages = await Promise.all(
      SHEETS.map(async (url) => {
        const img = new Image();
        img.src = url;
        await img.decode();
        return img;
      }),
    );
    const reference = (i: number, width: number, height: number) => {
      const t = tileAt(i);
      const tile = document.createElement('canvas');
      tile.width = TILE.w;
      tile.height = TILE.h;
      tile.getContext('2d')!.drawImage(sheetImages[t.sheet]!, t.x, t.y, TILE.w, TILE.h, 0, 0, TILE.w, TILE.h);
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d')!;
      context.imageSmoothingQuality = 'high';
      context.drawImage(tile, 0, 0, width, height);
      return context.getImageData(0, 0, width, height);
    };
    const diff = (a: ImageData, b: ImageData) => {
      let sum = 0;
      for (let i = 0; i < a.data.length; i++) sum += Math.abs(a.data[i]! - b.data[i]!);
      return sum / a.data.length;
    };
    let own = 255;
    let neighbour = 0;
    await until(
      () => {
        const canvas = thumbnail()?.querySelector('canvas');
        if (!canvas?.width) return false;
        const shown = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        own = diff(shown, reference(index, canvas.width, canvas.height));
        neighbour = diff(shown, reference(index + 1, canvas.width, canvas.height));
        return own < 3 && neighbour > own + 2;
      },
      'the tile for the hovered time',
    ).catch((error: Error) => {
      throw new Error(`${error.message} (difference ${own.toFixed(2)}, to the next tile ${neighbour.toFixed(2)})`);
    });
    player.dispose();
  });
});
