// Creating elements and waiting for what they report.
import type { ThumbnailsErrorDetail, ThumbnailsReadyDetail, VodSpriteThumbnails } from '../../src/index.js';
import { makePlayer, type Player, startPlayer, token, tokenedEvent } from './player.js';

/** The next `vod-thumbnails-ready` of `el` (rejects on an error event first). */
export function readyOf(el: EventTarget, timeout = 8000): Promise<ThumbnailsReadyDetail> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no vod-thumbnails-ready event')), timeout);
    const onReady = (event: Event) => {
      clearTimeout(timer);
      el.removeEventListener('vod-thumbnails-error', onError);
      resolve((event as CustomEvent<ThumbnailsReadyDetail>).detail);
    };
    const onError = (event: Event) => {
      clearTimeout(timer);
      el.removeEventListener('vod-thumbnails-ready', onReady);
      reject((event as CustomEvent<ThumbnailsErrorDetail>).detail.error);
    };
    el.addEventListener('vod-thumbnails-ready', onReady, { once: true });
    el.addEventListener('vod-thumbnails-error', onError, { once: true });
  });
}

/** The next `vod-thumbnails-error` of `el`. */
export function errorOf(el: EventTarget, timeout = 8000): Promise<ThumbnailsErrorDetail> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no vod-thumbnails-error event')), timeout);
    el.addEventListener(
      'vod-thumbnails-error',
      (event) => {
        clearTimeout(timer);
        resolve((event as CustomEvent<ThumbnailsErrorDetail>).detail);
      },
      { once: true },
    );
  });
}

/** Records every thumbnails event dispatched anywhere in the document from now on. */
export function recordEvents(): { events: Array<{ type: string; detail: unknown; target: EventTarget | null }>; stop(): void } {
  const events: Array<{ type: string; detail: unknown; target: EventTarget | null }> = [];
  const listener = (event: Event) => events.push({ type: event.type, detail: (event as CustomEvent).detail, target: event.target });
  document.addEventListener('vod-thumbnails-ready', listener, true);
  document.addEventListener('vod-thumbnails-error', listener, true);
  return {
    events,
    stop() {
      document.removeEventListener('vod-thumbnails-ready', listener, true);
      document.removeEventListener('vod-thumbnails-error', listener, true);
    },
  };
}

// One capture for the whole suite (support/console.ts): recorded warnings are claimed, not printed.
export { recordWarnings } from './console.js';

/** A new, not yet connected element with these attributes. */
export function createElement(attributes: Record<string, string> = {}): VodSpriteThumbnails {
  const el = document.createElement('vod-sprite-thumbnails');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
}

/** An element for the player `id` (appended to the body), resolved once its thumbnails are ready. */
export async function attach(id: string, props: Partial<VodSpriteThumbnails> = {}): Promise<VodSpriteThumbnails> {
  const el = createElement({ for: id });
  Object.assign(el, props);
  const ready = readyOf(el);
  document.body.append(el);
  await ready;
  return el;
}

/**
 * A started player (960x540 unless told) with an element for it, ready; its payload is the demo
 * one with the returned `run` token on every URL unless `props` holds another `event`.
 */
export async function startWithThumbnails(
  props: Partial<VodSpriteThumbnails> = {},
  size?: { width: number; height: number },
): Promise<{ run: string; player: Player; id: string; el: VodSpriteThumbnails }> {
  const run = token();
  const { player, id } = makePlayer({}, size);
  await startPlayer(player);
  const el = await attach(id, { event: tokenedEvent(run), ...props });
  return { run, player, id, el };
}
