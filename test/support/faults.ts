// Helpers for the fault, CSP, lifecycle and fuzz suites: test-server routes and commands, page
// watchers, and the one check every failure must pass (CONTRACT.md, "Any failure").
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ThumbnailsErrorDetail, VodSpriteThumbnails } from '../../src/index.js';
import { createElement, recordEvents, recordWarnings } from './element.js';
import { hoverTime, type Player, sleep, TILE, until } from './player.js';

/** Element properties of the CONTRACT that the element under change may not declare yet. */
export interface ContractProps {
  timeout?: number;
  refreshEvent?: () => Promise<unknown>;
}

export const absolute = (path: string): string => new URL(path, location.href).href;

/** `path` (same origin) through one of the config's fault routes, e.g. `route('hang', VTT)`. */
export function route(kind: 'hang' | 'html' | 'signed' | `stall/${number}` | `truncate/${number}`, path: string): string {
  const url = new URL(path, location.href);
  return `${url.origin}/__wtr/${kind}${url.pathname}${url.search}`;
}

/** A Tencent-style hotlink signature (`t` = expiry as hex Unix seconds) on a `/__wtr/signed/` URL. */
export function signed(path: string, expiresInSeconds: number, extra = ''): string {
  const t = Math.floor(Date.now() / 1000 + expiresInSeconds).toString(16);
  const url = new URL(route('signed', path));
  url.searchParams.set('t', t);
  url.searchParams.set('sign', Math.random().toString(16).slice(2, 18));
  if (extra) url.search += `&${extra}`;
  return url.href;
}

/** Serve `text` from the test server (absolute URL ending in `name`). */
export async function serveText(text: string, name: string): Promise<string> {
  return absolute((await executeServerCommand('serve-text', { text, name })) as string);
}

export interface MemorySample {
  heap: number;
  nodes: number;
  documents: number;
  listeners: number;
}

/** JS heap and DOM counters after a forced full GC. */
export async function memory(): Promise<MemorySample> {
  return (await executeServerCommand('memory')) as MemorySample;
}

/** $FUZZ_RUNS of the test run, or `fallback`. */
export async function fuzzRuns(fallback: number): Promise<number> {
  return ((await executeServerCommand('fuzz-runs')) as number) || fallback;
}

export async function heavy(): Promise<boolean> {
  return (await executeServerCommand('heavy')) as boolean;
}

/** Collects what a page must never see: uncaught errors and unhandled rejections. */
export function watchPage(target: Window = window): { thrown: unknown[]; stop(): void } {
  const thrown: unknown[] = [];
  const onError = (event: ErrorEvent) => thrown.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => thrown.push(event.reason);
  target.addEventListener('error', onError);
  target.addEventListener('unhandledrejection', onRejection);
  return {
    thrown,
    stop() {
      target.removeEventListener('error', onError);
      target.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Every `type` event dispatched in the document from now on. */
export function recordEventsOf(type: string): { details: unknown[]; stop(): void } {
  const details: unknown[] = [];
  const listener = (event: Event) => details.push((event as CustomEvent).detail);
  document.addEventListener(type, listener, true);
  return { details, stop: () => document.removeEventListener(type, listener, true) };
}

/** The player keeps working: it plays for real (currentTime advances), then seeks and lands. */
export async function expectStillPlays(player: Player): Promise<void> {
  await player.play();
  const from = player.currentTime() ?? 0;
  await until(() => (player.currentTime() ?? 0) > from + 0.3, 'playback to advance');
  player.pause();
  player.currentTime(100);
  await until(() => Math.abs((player.currentTime() ?? 0) - 100) < 0.5 && !player.seeking(), 'the seek to land at 100 s');
}

/** A warning names the error when one of its arguments is or contains the message. */
function mentions(args: unknown[], error: Error): boolean {
  return args.some((arg) => arg === error || (typeof arg === 'string' && arg.includes(error.message)) || (arg instanceof Error && arg.message === error.message));
}

export interface FaultOptions {
  stage: ThumbnailsErrorDetail['stage'] | 'chapters';
  code: string;
  /** Configure the new element (before it is connected). */
  setup(el: VodSpriteThumbnails & ContractProps): void;
  /** Hover this time once the element settled (image faults need a hover to load a sheet). */
  hoverAt?: number;
  /** How long the error event may take (timeouts: a few times the `timeout` given). */
  within?: number;
}

/**
 * Attach an element for a started player and expect CONTRACT's failure behaviour: `state` =
 * `error`, exactly one `vod-thumbnails-error` (with `stage` and an error with `code`, held by
 * `error`), one console warning naming it, nothing thrown into the page, and a player that
 * still plays and seeks.
 */
export async function expectFault(player: Player, id: string, options: FaultOptions): Promise<{ el: VodSpriteThumbnails; error: Error & { code?: string } }> {
  const page = watchPage();
  const events = recordEvents();
  const warnings = recordWarnings();
  try {
    const el = createElement({ for: id }) as VodSpriteThumbnails & ContractProps;
    options.setup(el);
    document.body.append(el);
    if (options.hoverAt !== undefined) {
      await until(() => el.state === 'ready' || el.state === 'error', 'ready or error');
      player.hasStarted(true);
      player.userActive(true);
      await hoverTime(player, options.hoverAt);
    }
    await until(() => events.events.some((event) => event.type === 'vod-thumbnails-error'), 'a vod-thumbnails-error event', options.within ?? 5000).catch(
      (error: Error) => {
        throw new Error(`${error.message}; state is ${el.state}`);
      },
    );
    await sleep(300);
    const expected = options.stage === 'image' ? ['vod-thumbnails-ready', 'vod-thumbnails-error'] : ['vod-thumbnails-error'];
    expect(events.events.map((event) => event.type), 'events').to.deep.equal(expected);
    const last = events.events.at(-1)!;
    const detail = last.detail as { error: Error & { code?: string }; stage: string };
    expect(last.target === el, 'the error event comes from the element').to.equal(true);
    expect(detail.stage, 'stage').to.equal(options.stage);
    expect(detail.error).to.be.instanceOf(Error);
    expect(detail.error.code, `code of "${detail.error.message}"`).to.equal(options.code);
    expect(el.state).to.equal('error');
    expect(el.getAttribute('state')).to.equal('error');
    expect(el.error === detail.error, '`error` holds the reported error').to.equal(true);
    expect(warnings.warnings.length, 'console warnings').to.equal(1);
    expect(mentions(warnings.warnings[0]!, detail.error), 'the warning names the error').to.equal(true);
    expect(page.thrown, 'errors thrown into the page').to.deep.equal([]);
    await expectStillPlays(player);
    expect(page.thrown, 'errors thrown into the page').to.deep.equal([]);
    return { el, error: detail.error };
  } finally {
    page.stop();
    events.stop();
    warnings.stop();
  }
}

/**
 * The demo sprites' VTT with every cue showing the tile `shift` places later (wrapping), as bare
 * file names: time t shows the demo tile for t + shift × 0.8 s. Lets a test tell payloads apart by pixels.
 */
export function shiftedDemoVtt(shift: number): string {
  const count = 225;
  const perSheet = TILE.columns * TILE.rows;
  const stamp = (seconds: number) => {
    const ms = Math.round(seconds * 1000);
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    return `${pad(Math.floor(ms / 3600000))}:${pad(Math.floor(ms / 60000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
  };
  const lines = ['WEBVTT', ''];
  for (let i = 0; i < count; i++) {
    const tile = (i + shift) % count;
    const inSheet = tile % perSheet;
    const x = (inSheet % TILE.columns) * TILE.w;
    const y = Math.floor(inSheet / TILE.columns) * TILE.h;
    lines.push(`${stamp(i * TILE.interval)} --> ${stamp((i + 1) * TILE.interval)}`, `imageSprite_10_${Math.floor(tile / perSheet)}.jpg#xywh=${x},${y},${TILE.w},${TILE.h}`, '');
  }
  return lines.join('\n');
}
