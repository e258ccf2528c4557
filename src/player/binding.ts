/**
 * Element ↔ player: finds the host's player (by id or as an ancestor, waiting for video.js to
 * set it up), keeps the host inside the player element (so previews show in fullscreen), lets
 * one element per player be active (the next waits and takes over), and reports source changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  currentSourceOf,
  findPlayerAround,
  findPlayerById,
  isDisposed,
  onPlayerSetup,
  onSourceChange,
  type Player,
  playerEl,
  type SpriteSource,
} from './videojs-internals.js';

export interface BindingCallbacks {
  /** Attached; `signal` aborts on detach (for listeners of the attachment). */
  attached(player: Player, signal: AbortSignal): void;
  detached(player: Player): void;
  /**
   * The player got a new source: `exact` from `player.src()` (the source object as given,
   * `spriteEvent` included), else from `loadstart` (video.js's copy, which may lack it).
   */
  sourceChanged(source: SpriteSource, exact: boolean): void;
}

type Host = ReactiveControllerHost & HTMLElement & { readonly for: string | null };

/** The one registry: per player, its active binding and the elements waiting to take over. */
const registry = new WeakMap<Player, { owner: PlayerBinding; waiting: Set<() => void> }>();

/** The `<vod-sprite-thumbnails>` attached to `player`, if any. */
export const thumbnailsElementOf = (player: Player): HTMLElement | undefined => registry.get(player)?.owner.host;

/** Run `listener` on video.js events of `player` until `signal` aborts. */
export function onPlayer(player: Player, types: string | string[], listener: () => void, signal: AbortSignal): void {
  player.on(types, listener);
  signal.addEventListener('abort', () => player.off(types, listener), { once: true });
}

export class PlayerBinding implements ReactiveController {
  player: Player | undefined;
  readonly host: Host;
  private readonly callbacks: BindingCallbacks;
  private attachment: AbortController | undefined;
  private stopWaiting: (() => void) | undefined;
  private moving = false;
  private warnedTaken = false;
  /** Where the author put the host before it moved into a player: it goes back there on dispose. */
  private placeholder: Comment | undefined;
  private movedInto: HTMLElement | undefined;

  constructor(host: Host, callbacks: BindingCallbacks) {
    this.host = host;
    this.callbacks = callbacks;
    host.addController(this);
  }

  hostConnected(): void {
    if (this.moving) return;
    const player = this.player;
    // Moved by someone else: stay attached if still the right player, else start over.
    if (player && this.fits(player)) {
      this.moveInside(player);
      return;
    }
    this.detach();
    this.resolve();
  }

  hostDisconnected(): void {
    if (this.moving) return;
    // A move (disconnect + connect in one task) must not tear down and re-fetch everything.
    queueMicrotask(() => {
      if (this.host.isConnected) return;
      this.stopWaiting?.();
      this.detach();
      this.placeholder?.remove();
      this.placeholder = this.movedInto = undefined;
    });
  }

  /** `for` changed: find the new player, waiting for it where the author put the element. */
  retarget(): void {
    if (!this.host.isConnected || (this.player && this.fits(this.player))) return;
    this.detach();
    this.moveBack();
    this.resolve();
  }

  private fits(player: Player): boolean {
    if (isDisposed(player)) return false;
    const id = this.host.for;
    return id ? findPlayerById(id) === player : playerEl(player).contains(this.host);
  }

  private find(): Player | undefined {
    const id = this.host.for;
    return id ? findPlayerById(id) : findPlayerAround(this.host);
  }

  /** Attach to the player now, or (`later`, or when there is none yet) when video.js sets it up. */
  private resolve(later = false): void {
    this.stopWaiting?.();
    const player = later ? undefined : this.find();
    if (player) {
      this.attach(player);
      return;
    }
    // Not there yet: attach when video.js sets it up (before or after us in the page, or later).
    const stop = onPlayerSetup(() => {
      const found = this.find();
      if (!found) return;
      stop();
      this.attach(found);
    });
    this.stopWaiting = () => {
      stop();
      this.stopWaiting = undefined;
    };
  }

  private attach(player: Player): void {
    this.stopWaiting = undefined;
    let entry = registry.get(player);
    const owner = entry?.owner.host;
    if (entry && owner !== this.host && owner?.isConnected) {
      if (!this.warnedTaken) {
        this.warnedTaken = true;
        console.warn(`vod-sprite-thumbnails: player "${player.id()}" already has a <vod-sprite-thumbnails>; this one stays inactive. Configure the existing one instead.`);
      }
      const waiting = entry.waiting;
      const retry = () => {
        this.stopWaiting = undefined;
        if (this.host.isConnected && !this.player) this.resolve();
      };
      waiting.add(retry);
      this.stopWaiting = () => waiting.delete(retry);
      return;
    }
    entry ??= { owner: this, waiting: new Set() };
    entry.owner = this;
    registry.set(player, entry);
    this.player = player;
    this.moveInside(player);
    const attachment = new AbortController();
    this.attachment = attachment;
    onSourceChange((target, source) => registry.get(target)?.owner.callbacks.sourceChanged(source, true));
    // loadstart catches sources set some other way (e.g. a <source> change followed by load()).
    onPlayer(player, 'loadstart', () => this.callbacks.sourceChanged(currentSourceOf(player), false), attachment.signal);
    onPlayer(
      player,
      'dispose',
      () => {
        this.detach();
        // Before video.js removes its element: an element the author placed elsewhere goes back
        // there; one that started inside the player (or came from the plugin) goes away with it.
        this.moveBack();
        // A new player may be built with the same id later (the disposing one still looks alive now).
        if (this.host.isConnected) this.resolve(true);
      },
      attachment.signal,
    );
    this.callbacks.attached(player, attachment.signal);
  }

  private detach(): void {
    const player = this.player;
    if (!player) return;
    this.player = undefined;
    this.attachment?.abort();
    const entry = registry.get(player);
    if (entry?.owner === this) {
      registry.delete(player);
      // Once this detach is over (and a disposing player is gone), a waiting element may take over.
      if (entry.waiting.size) queueMicrotask(() => {
        for (const retry of entry.waiting) retry();
      });
    }
    this.callbacks.detached(player);
  }

  private moveInside(player: Player): void {
    const el = playerEl(player);
    if (el.contains(this.host)) return;
    const from = this.host.parentNode;
    // Moved by us from another player: the author's spot is still the remembered one.
    if (from && from !== this.movedInto) {
      this.placeholder?.remove();
      this.placeholder = document.createComment(' vod-sprite-thumbnails ');
      from.insertBefore(this.placeholder, this.host);
    }
    this.movedInto = el;
    this.move(() => el.append(this.host));
  }

  private moveBack(): void {
    const placeholder = this.placeholder;
    this.placeholder = this.movedInto = undefined;
    if (placeholder?.parentNode) this.move(() => placeholder.replaceWith(this.host));
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
}
