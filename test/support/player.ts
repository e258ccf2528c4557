// Helpers for product tests: real video.js players on the real demo media, real input.
import './console.js';
import { executeServerCommand, sendMouse, setViewport } from '@web/test-runner-commands';
import videojs from 'video.js';
import type Player from 'video.js/dist/types/player';

export type { Player };

export const MEDIA = '/demo/public/media';
export const PAYLOADS = '/demo/public/payloads';
export const SAMPLE = `${MEDIA}/sample.mp4`;
export const VTT = `${MEDIA}/imageSprite_10.vtt`;
export const SHEETS = [0, 1, 2].map((i) => `${MEDIA}/imageSprite_10_${i}.jpg`);
/** Layout of the demo sprites (demo/make-media.sh): one 142x80 tile every 0.8 s, 10 columns x 10 rows per sheet. */
export const TILE = { w: 142, h: 80, interval: 0.8, columns: 10, rows: 10 };
export const DURATION = 180;

/** A unique query token, to find this test's requests in the server log. */
export function token(): string {
  return `run=${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
}

export function withToken(url: string, run: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}${run}`;
}

/** A CreateImageSpriteComplete callback (3.0, normal) for the demo sprites. */
export function spriteEvent(options: { vtt?: string; sheets?: string[]; fileId?: string } = {}): Record<string, unknown> {
  return {
    EventType: 'CreateImageSpriteComplete',
    CreateImageSpriteCompleteEvent: {
      ErrCode: 0,
      Message: '',
      TaskId: 'task-1',
      FileId: options.fileId ?? '5285890784246869380',
      Definition: 10,
      TotalCount: 225,
      ImageSpriteUrlSet: options.sheets ?? SHEETS.map((url) => new URL(url, location.href).href),
      WebVttUrl: options.vtt ?? new URL(VTT, location.href).href,
    },
  };
}

/** The demo payload with a token on every URL (absolute, so it works as `event` too). */
export function tokenedEvent(run: string, base = location.href): Record<string, unknown> {
  return spriteEvent({
    vtt: withToken(new URL(VTT, base).href, run),
    sheets: SHEETS.map((url) => withToken(new URL(url, base).href, run)),
  });
}

let counter = 0;
const made: Array<{ player: Player; holder: HTMLElement }> = [];

/** A video.js player in a fresh holder element (960x540 and a unique id unless told). */
export function makePlayer(
  options: Record<string, unknown> = {},
  size = { width: 960, height: 540 },
  id = `player-${++counter}-${Math.random().toString(36).slice(2, 7)}`,
): { player: Player; holder: HTMLElement; id: string } {
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
  document.body.append(holder);
  const player = videojs(video, options);
  made.push({ player, holder });
  return { player, holder, id };
}

/**
 * The usual hooks of a product test suite: a 1200x800 viewport, and after each test the mouse
 * moved away, `cleanup` (if any) run, and every player and element removed.
 */
export function productSuite(cleanup?: () => void | Promise<void>): void {
  before(async () => {
    await setViewport({ width: 1200, height: 800 });
  });
  afterEach(async () => {
    await moveAway();
    await cleanup?.();
    cleanupPlayers();
  });
}

export function cleanupPlayers(): void {
  for (const { player, holder } of made.splice(0)) {
    if (!player.isDisposed()) player.dispose();
    holder.remove();
  }
  for (const el of document.querySelectorAll('vod-sprite-thumbnails')) el.remove();
}

export function once(target: { one(type: string, fn: () => void): void }, type: string): Promise<void> {
  return new Promise((resolve) => target.one(type, () => resolve()));
}

/** Load the sample video and show the control bar (it only has width once the player has started). */
export async function startPlayer(player: Player, source: Record<string, unknown> = { src: SAMPLE, type: 'video/mp4' }): Promise<void> {
  const loaded = once(player, 'loadedmetadata');
  player.src(source);
  await loaded;
  player.hasStarted(true);
  player.userActive(true);
  await nextFrame();
}

export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Wait until `check` returns (or resolves to) a truthy value, polling each frame, or fail with `what`. */
export async function until<T>(check: () => T | Promise<T>, what: string, timeout = 5000): Promise<NonNullable<T>> {
  const end = performance.now() + timeout;
  for (;;) {
    // Awaited: an async check is a real check, not an always-truthy promise.
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(16);
  }
}

/** Wait until `el`'s box stays the same across two frames (after a resize, fullscreen...). */
export async function layoutSettled(el: Element, timeout = 3000): Promise<void> {
  const end = performance.now() + timeout;
  let last = '';
  for (;;) {
    await nextFrame();
    const now = JSON.stringify(el.getBoundingClientRect());
    if (now === last) return;
    if (performance.now() > end) throw new Error('timed out waiting for the layout to settle');
    last = now;
  }
}

export function seekBarOf(player: Player): HTMLElement {
  return player.el().querySelector('.vjs-progress-control .vjs-progress-holder') as HTMLElement;
}

export function progressControlOf(player: Player): HTMLElement {
  return player.el().querySelector('.vjs-progress-control') as HTMLElement;
}

/**
 * A whole-pixel point on the seek bar whose time is close to `target` and not near a cue
 * boundary (0.8 s) or a whole second (the label), so rounding cannot change the answer.
 * Returns the point and the time it stands for (fraction of the bar x duration).
 */
export function pointForTime(player: Player, target: number): { x: number; y: number; time: number } {
  const rect = seekBarOf(player).getBoundingClientRect();
  const duration = player.duration() as number;
  const y = Math.round(rect.top + rect.height / 2);
  let best: { x: number; y: number; time: number } | undefined;
  let bestScore = -1;
  const center = rect.left + (target / duration) * rect.width;
  for (let x = Math.floor(center) - 4; x <= Math.ceil(center) + 4; x++) {
    if (x <= rect.left || x >= rect.right) continue;
    const time = ((x - rect.left) / rect.width) * duration;
    const cueMargin = Math.min(time % TILE.interval, TILE.interval - (time % TILE.interval));
    const secondMargin = Math.min(time % 1, 1 - (time % 1));
    const score = Math.min(cueMargin / TILE.interval, secondMargin) - Math.abs(time - target) / 100;
    if (score > bestScore) {
      bestScore = score;
      best = { x, y, time };
    }
  }
  if (!best) throw new Error(`no point on the seek bar for ${target}s`);
  return best;
}

export async function hover(x: number, y: number): Promise<void> {
  await sendMouse({ type: 'move', position: [x, y] });
}

/** Move the mouse onto the seek bar at the point for about `target` seconds (see `pointForTime`). */
export async function hoverTime(player: Player, target: number): Promise<{ x: number; y: number; time: number }> {
  const point = pointForTime(player, target);
  await hover(point.x, point.y);
  return point;
}

/** Move the mouse well away from any player. */
export async function moveAway(): Promise<void> {
  await sendMouse({ type: 'move', position: [2, 2] });
}

export async function touch(type: 'start' | 'move' | 'end' | 'cancel', x = 0, y = 0): Promise<void> {
  await executeServerCommand('touch', { type, x, y });
}

export interface LoggedRequest {
  url: string;
  time: number;
  origin: string;
}

export async function requests(contains: string): Promise<LoggedRequest[]> {
  return (await executeServerCommand('request-log', { contains })) as LoggedRequest[];
}

export async function otherOrigin(): Promise<string> {
  return (await executeServerCommand('other-origin')) as string;
}

/** Which tile of the demo sprites shows `time`: sheet index and pixel offset (the independent oracle). */
export function expectedTile(time: number): { sheet: number; x: number; y: number } {
  const count = Math.round(DURATION / TILE.interval);
  const index = Math.min(count - 1, Math.max(0, Math.floor(time / TILE.interval + 1e-9)));
  const perSheet = TILE.columns * TILE.rows;
  const inSheet = index % perSheet;
  return {
    sheet: Math.floor(index / perSheet),
    x: (inSheet % TILE.columns) * TILE.w,
    y: Math.floor(inSheet / TILE.columns) * TILE.h,
  };
}
