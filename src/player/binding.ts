/**
 * Lit ReactiveController that ties a host element to one video.js player: finds the player
 * (by id or as an ancestor, waiting for it to be set up), keeps the host inside the player
 * element, and turns pointer, touch and keyboard input on the seek bar into preview requests.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  currentSourceOf,
  currentTimeOf,
  durationOf,
  findPlayerAround,
  findPlayerById,
  isDisposed,
  onPlayerSetup,
  onSourceChange,
  type Player,
  type ProgressParts,
  playerEl,
  pointerFraction,
  progressParts,
  type SpriteSource,
} from './videojs-internals.js';

/** Where and what to preview, in viewport (client) coordinates. */
export interface PreviewRequest {
  time: number;
  duration: number;
  /** Pointer (or key target) position on the seek bar. */
  clientX: number;
  /** Top edge of the seek bar. */
  barTop: number;
  /** The player's box, to keep the preview inside it. */
  playerRect: DOMRect;
  via: 'mouse' | 'touch' | 'key';
}

export interface PlayerControllerCallbacks {
  attached(player: Player): void;
  detached(player: Player): void;
  /** A preview to show, or undefined to hide it. */
  preview(request: PreviewRequest | undefined): void;
  /** The player got a new source (called with the source object, `spriteEvent` included). */
  sourceChanged(source: SpriteSource): void;
}

type Listen = <K extends keyof HTMLElementEventMap>(
  target: HTMLElement | Document,
  type: K,
  listener: (event: HTMLElementEventMap[K]) => void,
  options?: AddEventListenerOptions,
) => void;

type Host = ReactiveControllerHost & HTMLElement & { readonly for: string | null | undefined };

/** How long a keyboard seek shows its preview. */
const KEY_PREVIEW_MS = 1000;

/** Class on the player element while our label replaces video.js's time tooltip. */
export const TIME_CLASS = 'vod-sprite-thumbnails-time';
const TOOLTIP_CSS = `.video-js.${TIME_CLASS} .vjs-progress-control .vjs-mouse-display .vjs-time-tooltip { display: none !important; }`;
const styledRoots = new WeakSet<Document | ShadowRoot>();

function ensureTooltipStyle(el: Element): void {
  const root = el.getRootNode();
  if (!(root instanceof Document || root instanceof ShadowRoot) || styledRoots.has(root)) return;
  styledRoots.add(root);
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(TOOLTIP_CSS);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = TOOLTIP_CSS;
    (root instanceof Document ? root.head : root).append(style);
  }
}

/** The element that previews each player (one per player). */
const owners = new WeakMap<Player, HTMLElement>();

/** Elements that found their player taken by another one: they take over when it leaves. */
const waiting = new WeakMap<Player, Set<() => void>>();

/** The `<vod-sprite-thumbnails>` currently attached to `player`, if any. */
export function thumbnailsElementOf(player: Player): HTMLElement | undefined {
  return owners.get(player);
}

export class PlayerController implements ReactiveController {
  /** The attached player. */
  player: Player | undefined;

  private readonly host: Host;
  private readonly callbacks: PlayerControllerCallbacks;
  private cleanup: Array<() => void> = [];
  private stopWaiting: (() => void) | undefined;
  private moving = false;
  private dragging = false;
  private touching = false;
  private hovering = false;
  private lastPointer: { clientX: number; via: 'mouse' | 'touch' } | undefined;
  private keyTimer: ReturnType<typeof setTimeout> | undefined;
  private keyUntil = 0;
  private keyTime = 0;
  private warnedTaken = false;
  private attachments = 0;
  /**
   * Where the author put the host before it moved into a player element: on the player's
   * dispose it goes back there, ready for the next player with that id (single-page apps).
   */
  private placeholder: Comment | undefined;
  /** The player element the host was moved into (so a move between players keeps the author's spot). */
  private movedInto: HTMLElement | undefined;

  constructor(host: Host, callbacks: PlayerControllerCallbacks) {
    this.host = host;
    this.callbacks = callbacks;
    host.addController(this);
  }

  hostConnected(): void {
    if (this.moving) return;
    if (this.player) {
      // Moved by someone else: stay attached if still the right player, else start over.
      if (!isDisposed(this.player) && this.targetFits(this.player)) {
        this.moveInside(this.player);
        return;
      }
      this.detach();
    }
    this.resolve();
  }

  hostDisconnected(): void {
    if (this.moving) return;
    // A move (disconnect + connect in one task) must not tear down and re-fetch everything.
    queueMicrotask(() => {
      if (this.host.isConnected) return;
      this.stopWaiting?.();
      this.stopWaiting = undefined;
      this.detach();
      // Taken out of the page for good: the author's spot means nothing any more.
      this.forgetPlaceholder();
    });
  }

  /** `for` changed: find the new player. */
  retarget(): void {
    if (!this.host.isConnected) return;
    if (this.player && this.targetFits(this.player)) return;
    this.detach();
    // Wait for the new player where the author put the element, not inside the old player.
    this.moveBack();
    this.resolve();
  }

  /** The player's current source object (`{}` when none or detached). */
  currentSource(): SpriteSource {
    return this.player ? currentSourceOf(this.player) : {};
  }

  setTimeLabelShown(shown: boolean): void {
    const player = this.player;
    if (player && !isDisposed(player)) playerEl(player).classList.toggle(TIME_CLASS, shown);
  }

  private targetFits(player: Player): boolean {
    const id = this.host.for;
    if (id) return findPlayerById(id) === player;
    return playerEl(player).contains(this.host);
  }

  private findTarget(): Player | undefined {
    const id = this.host.for;
    return id ? findPlayerById(id) : findPlayerAround(this.host);
  }

  private resolve(): void {
    this.stopWaiting?.();
    this.stopWaiting = undefined;
    const player = this.findTarget();
    if (player) this.attach(player);
    else this.waitForSetup();
  }

  /** Not there yet: attach when video.js sets it up (before or after us in the page, or later). */
  private waitForSetup(): void {
    this.stopWaiting?.();
    this.stopWaiting = onPlayerSetup(() => {
      const found = this.findTarget();
      if (!found) return;
      this.stopWaiting?.();
      this.stopWaiting = undefined;
      this.attach(found);
    });
  }

  private moveInside(player: Player): void {
    const el = playerEl(player);
    if (el.contains(this.host)) return;
    const from = this.host.parentNode;
    // Moved by us from another player: the author's spot is still the remembered one.
    if (from && from !== this.movedInto) {
      this.forgetPlaceholder();
      this.placeholder = document.createComment(' vod-sprite-thumbnails ');
      from.insertBefore(this.placeholder, this.host);
    }
    this.movedInto = el;
    this.move(() => el.append(this.host));
  }

  /** The player goes away: put the host back where the author put it (if we moved it). */
  private moveBack(): void {
    const placeholder = this.placeholder;
    this.placeholder = undefined;
    this.movedInto = undefined;
    if (placeholder?.parentNode) this.move(() => placeholder.replaceWith(this.host));
    else placeholder?.remove();
  }

  private forgetPlaceholder(): void {
    this.placeholder?.remove();
    this.placeholder = undefined;
    this.movedInto = undefined;
  }

  /** A DOM move of the host that must not look like a removal (no teardown, no re-resolve). */
  private move(action: () => void): void {
    this.moving = true;
    try {
      action();
    } finally {
      this.moving = false;
    }
  }

  private attach(player: Player): void {
    const owner = owners.get(player);
    if (owner && owner !== this.host && owner.isConnected) {
      if (!this.warnedTaken) {
        this.warnedTaken = true;
        console.warn(
          `vod-sprite-thumbnails: player "${player.id()}" already has a <vod-sprite-thumbnails>; this one stays inactive. Configure the existing one instead.`,
        );
      }
      const queue = waiting.get(player) ?? new Set<() => void>();
      waiting.set(player, queue);
      const retry = () => {
        this.stopWaiting = undefined;
        if (this.host.isConnected && !this.player) this.resolve();
      };
      queue.add(retry);
      this.stopWaiting = () => queue.delete(retry);
      return;
    }
    owners.set(player, this.host);
    this.player = player;
    this.moveInside(player);
    ensureTooltipStyle(playerEl(player));

    const listen: Listen = (target, type, listener, options) => {
      target.addEventListener(type, listener as EventListener, options);
      this.cleanup.push(() => target.removeEventListener(type, listener as EventListener, options));
    };
    const onPlayer = (type: string | string[], listener: () => void) => {
      player.on(type, listener);
      this.cleanup.push(() => player.off(type, listener));
    };

    const attachment = ++this.attachments;
    const bind = () => {
      const parts = progressParts(player);
      // Still this attachment (not detached, or detached and attached again, meanwhile).
      if (parts && this.attachments === attachment && this.player === player) this.bindSeekBar(player, parts, listen);
    };
    // A plugin set up through the player options runs before the control bar exists.
    if (progressParts(player)) bind();
    else player.ready(bind);

    // The layout under the preview is gone or about to fade (video.js hides its tooltip then too).
    onPlayer(['fullscreenchange', 'controlsdisabled', 'userinactive'], () => this.hideAll());
    onPlayer('dispose', () => {
      this.detach();
      // Before video.js removes its element: an element the author placed elsewhere goes back
      // there; one that started inside the player (or came from the plugin) goes away with it.
      this.moveBack();
      // A new player may be built with the same id later (the disposing one still looks alive now).
      if (this.host.isConnected) this.waitForSetup();
    });
    // Source changes come through the middleware right after player.src(); loadstart catches
    // sources set some other way (e.g. a <source> change followed by load()).
    this.cleanup.push(onSourceChange(player, (source) => this.callbacks.sourceChanged(source)));
    onPlayer('loadstart', () => this.callbacks.sourceChanged(currentSourceOf(player)));

    this.callbacks.attached(player);
  }

  private bindSeekBar(player: Player, parts: ProgressParts, listen: Listen): void {
    const { progressControl, seekBar } = parts;
    listen(progressControl, 'pointermove', (event) => this.handlePointer(event, seekBar));
    listen(progressControl, 'pointerdown', (event) => {
      if (event.pointerType === 'mouse') {
        if (event.button !== 0) return;
        this.dragging = true;
      } else {
        this.touching = true;
      }
      this.handlePointer(event, seekBar);
    });
    listen(progressControl, 'pointerleave', (event) => {
      if (event.pointerType === 'mouse' || event.pointerType === 'pen') {
        this.hovering = false;
        if (!this.dragging) this.hidePointer();
      }
    });
    const endTouch = (event: PointerEvent) => {
      if (event.pointerType === 'mouse') return;
      this.touching = false;
      this.hovering = false;
      this.hidePointer();
    };
    listen(progressControl, 'pointerup', endTouch);
    listen(progressControl, 'pointercancel', endTouch);
    // A mouse drag (scrubbing) keeps the preview while the pointer leaves the bar.
    const doc = progressControl.ownerDocument;
    listen(doc, 'pointermove', (event) => {
      if (this.dragging && event.pointerType === 'mouse' && !progressControl.contains(event.target as Node)) this.handlePointer(event, seekBar);
    });
    listen(doc, 'pointerup', (event) => {
      if (event.pointerType !== 'mouse' || !this.dragging) return;
      this.dragging = false;
      if (!progressControl.contains(event.target as Node)) this.hidePointer();
    });
    // Capture phase: read the time before video.js's own keydown listener seeks, and
    // compute the target the way video.js does (the seek itself may complete later).
    listen(
      progressControl,
      'keydown',
      (event) => {
        if (event.target !== seekBar || event.altKey || event.ctrlKey || event.metaKey) return;
        const time = this.keyTarget(player, parts, event.key);
        if (time === undefined) return;
        this.keyUntil = performance.now() + KEY_PREVIEW_MS;
        this.keyTime = time;
        this.showKeyPreview(seekBar);
        clearTimeout(this.keyTimer);
        this.keyTimer = setTimeout(() => this.endKeyPreview(seekBar), KEY_PREVIEW_MS);
      },
      { capture: true },
    );
    listen(seekBar, 'blur', () => {
      if (performance.now() < this.keyUntil) this.endKeyPreview(seekBar);
    });
  }

  private detach(): void {
    const player = this.player;
    if (!player) return;
    this.attachments++;
    for (const undo of this.cleanup.splice(0)) undo();
    clearTimeout(this.keyTimer);
    this.keyUntil = 0;
    this.dragging = this.touching = this.hovering = false;
    this.lastPointer = undefined;
    if (owners.get(player) === this.host) {
      owners.delete(player);
      // Once this detach is over (and a disposing player is gone), a waiting element may take over.
      const queue = waiting.get(player);
      waiting.delete(player);
      if (queue?.size) {
        queueMicrotask(() => {
          for (const retry of queue) retry();
        });
      }
    }
    if (!isDisposed(player)) playerEl(player).classList.remove(TIME_CLASS);
    this.player = undefined;
    this.callbacks.preview(undefined);
    this.callbacks.detached(player);
  }

  private request(seekBar: HTMLElement, fraction: number, clientX: number, via: PreviewRequest['via']): void {
    const player = this.player;
    const duration = player ? durationOf(player) : undefined;
    if (!player || duration === undefined) {
      this.callbacks.preview(undefined);
      return;
    }
    const bar = seekBar.getBoundingClientRect();
    this.callbacks.preview({
      time: fraction * duration,
      duration,
      clientX,
      barTop: bar.top,
      playerRect: playerEl(player).getBoundingClientRect(),
      via,
    });
  }

  private handlePointer(event: PointerEvent, seekBar: HTMLElement): void {
    const touch = event.pointerType === 'touch';
    if (touch && !this.touching) return;
    if (!touch) this.hovering = true;
    const fraction = pointerFraction(seekBar, event);
    const bar = seekBar.getBoundingClientRect();
    const clientX = bar.left + fraction * bar.width;
    this.lastPointer = { clientX, via: touch ? 'touch' : 'mouse' };
    if (performance.now() < this.keyUntil) this.endKeyTimer();
    this.request(seekBar, fraction, clientX, touch ? 'touch' : 'mouse');
  }

  private hidePointer(): void {
    this.lastPointer = undefined;
    if (performance.now() < this.keyUntil) return;
    this.callbacks.preview(undefined);
  }

  private hideAll(): void {
    this.lastPointer = undefined;
    this.dragging = this.touching = this.hovering = false;
    this.endKeyTimer();
    this.callbacks.preview(undefined);
  }

  /** The time a seek-bar key goes to, as video.js's SeekBar computes it; undefined for other keys. */
  private keyTarget(player: Player, parts: ProgressParts, key: string): number | undefined {
    const duration = durationOf(player);
    if (duration === undefined) return undefined;
    const now = currentTimeOf(player);
    const page = parts.step * parts.pageMultiplier;
    let time: number;
    if (key === 'ArrowRight' || key === 'ArrowUp') time = now + parts.step;
    else if (key === 'ArrowLeft' || key === 'ArrowDown') time = now - parts.step;
    else if (key === 'PageUp') time = now + page;
    else if (key === 'PageDown') time = now - page;
    else if (key === 'Home') time = 0;
    else if (key === 'End') time = duration;
    else if (/^[0-9]$/.test(key)) time = duration * Number(key) * 0.1;
    else return undefined;
    return Math.min(duration, Math.max(0, time));
  }

  private showKeyPreview(seekBar: HTMLElement): void {
    const player = this.player;
    if (!player || performance.now() >= this.keyUntil) return;
    const duration = durationOf(player);
    if (duration === undefined) return;
    const fraction = Math.min(1, Math.max(0, this.keyTime / duration));
    const bar = seekBar.getBoundingClientRect();
    this.request(seekBar, fraction, bar.left + fraction * bar.width, 'key');
  }

  private endKeyTimer(): void {
    clearTimeout(this.keyTimer);
    this.keyUntil = 0;
  }

  private endKeyPreview(seekBar: HTMLElement): void {
    this.endKeyTimer();
    const pointer = this.lastPointer;
    if (pointer && (this.hovering || this.touching || this.dragging)) {
      const bar = seekBar.getBoundingClientRect();
      this.request(seekBar, bar.width > 0 ? (pointer.clientX - bar.left) / bar.width : 0, pointer.clientX, pointer.via);
    } else {
      this.callbacks.preview(undefined);
    }
  }
}
