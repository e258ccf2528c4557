/**
 * Pointer, touch and keys on a video.js seek bar → preview requests. The handlers only record
 * where the preview should be (the painter draws once per frame); the rects they need are read
 * once and cached until the layout can have changed (resize, fullscreen, scroll, a new hover).
 */
import { onPlayer } from './binding.js';
import { currentTimeOf, durationOf, type Player, type ProgressParts, playerEl } from './videojs-internals.js';

export type SeekVia = 'mouse' | 'touch' | 'key';

/** Where the seek bar is, in px from the player's top-left corner, and the player's size. */
export interface SeekLayout {
  barLeft: number;
  barTop: number;
  barWidth: number;
  barBottom: number;
  width: number;
  height: number;
  /** Top of video.js's control bar: the video area above it is where the scrub layer goes. */
  controlTop: number;
  /** The player's top-left corner in client (viewport) px. */
  clientLeft: number;
  clientTop: number;
}

export interface SeekRequest {
  /** Position along the seek bar, 0..1. */
  fraction: number;
  /** Pointer x in px from the player's left edge. */
  x: number;
  via: SeekVia;
  /** A finger or a held mouse button is dragging (off the bar: `false` again). */
  drag: boolean;
}

/** How long a keyboard seek shows its preview. */
const KEY_PREVIEW_MS = 1000;

/**
 * Listens on the seek bar until `signal` aborts; calls `request` with each new request and
 * `undefined` to hide. `layout()` gives the cached geometry (also for the painter).
 */
export function bindSeekInput(
  player: Player,
  parts: ProgressParts,
  signal: AbortSignal,
  request: (next: SeekRequest | undefined) => void,
  /** The layout may have changed (not per move: resize, fullscreen, scroll). */
  moved: () => void,
) {
  const { progressControl, seekBar } = parts;
  const doc = progressControl.ownerDocument;
  const on = <K extends keyof HTMLElementEventMap>(target: EventTarget, type: K, fn: (event: HTMLElementEventMap[K]) => void, capture = false) =>
    target.addEventListener(type, fn as EventListener, { signal, capture, passive: true });

  let cached: SeekLayout | undefined;
  // Told at once, not a frame later: ResizeObserver calls back right after layout (video.js
  // animates the bar's height for 0.2 s on hover), when reading it again costs nothing.
  const invalidate = () => {
    cached = undefined;
    moved();
  };
  const layout = (): SeekLayout => {
    if (!cached) {
      const box = playerEl(player).getBoundingClientRect();
      const bar = seekBar.getBoundingClientRect();
      const controls = (progressControl.parentElement ?? progressControl).getBoundingClientRect();
      cached = {
        controlTop: Math.min(controls.top, bar.top) - box.top,
        barLeft: bar.left - box.left,
        barTop: bar.top - box.top,
        barBottom: bar.bottom - box.top,
        barWidth: bar.width,
        width: box.width,
        height: box.height,
        clientLeft: box.left,
        clientTop: box.top,
      };
    }
    return cached;
  };
  const resizes = new ResizeObserver(invalidate);
  resizes.observe(playerEl(player));
  resizes.observe(seekBar);
  signal.addEventListener('abort', () => resizes.disconnect(), { once: true });
  on(doc.defaultView ?? window, 'scroll' as keyof HTMLElementEventMap, invalidate, true);

  let hovering = false;
  let dragging = false;
  let touching = false;
  let keyUntil = 0;
  let keyTimer: ReturnType<typeof setTimeout> | undefined;
  let last: SeekRequest | undefined;

  /** Pointer position → request, from the cached rects (no layout read while moving). */
  let lastTouch = -Infinity;
  const fromPointer = (event: MouseEvent, via: SeekVia) => {
    const geometry = layout();
    const x = Math.min(geometry.barLeft + geometry.barWidth, Math.max(geometry.barLeft, event.clientX - geometry.clientLeft));
    const fraction = geometry.barWidth > 0 ? (x - geometry.barLeft) / geometry.barWidth : 0;
    // A drag that leaves the bar's row (a finger moving up over the video) ends the scrub layer.
    const y = event.clientY - geometry.clientTop;
    const drag = (via === 'touch' ? touching : dragging) && y >= geometry.barTop - 48 && y <= geometry.barBottom + 48;
    last = { fraction, x, via, drag };
    if (performance.now() >= keyUntil) request(last);
  };

  const hide = () => {
    last = undefined;
    if (performance.now() >= keyUntil) request(undefined);
  };
  const endKey = () => {
    clearTimeout(keyTimer);
    keyUntil = 0;
    request(last && (hovering || touching || dragging) ? last : undefined);
  };

  on(progressControl, 'pointerenter', invalidate);
  on(progressControl, 'pointermove', (event) => {
    if (event.pointerType === 'touch') {
      if (touching) fromPointer(event, 'touch');
      lastTouch = performance.now();
    } else if (event.pointerType === 'pen') {
      hovering = true;
      fromPointer(event, 'mouse');
    }
  });
  // The mouse through `mousemove`, which fires after `pointermove` and after video.js's own
  // listener here: our frame callback is then asked for after video.js's, so video.js reads
  // the layout before we write to it (else each frame lays out twice).
  on(progressControl, 'mousemove', (event) => {
    // A touch's compatibility mouse events are not a hover.
    const fromTouch = (event as MouseEvent & { sourceCapabilities?: { firesTouchEvents?: boolean } }).sourceCapabilities?.firesTouchEvents;
    if (fromTouch || performance.now() - lastTouch < 1000) return;
    hovering = true;
    fromPointer(event, 'mouse');
  });
  on(progressControl, 'pointerdown', (event) => {
    if (event.pointerType === 'touch') {
      touching = true;
      lastTouch = performance.now();
    } else if (event.button === 0) dragging = true;
    else return;
    invalidate();
    fromPointer(event, event.pointerType === 'touch' ? 'touch' : 'mouse');
  });
  on(progressControl, 'pointerleave', (event) => {
    if (event.pointerType === 'touch') return;
    hovering = false;
    if (!dragging) hide();
  });
  const endTouch = (event: PointerEvent) => {
    if (event.pointerType !== 'touch') return;
    lastTouch = performance.now();
    touching = hovering = false;
    hide();
  };
  on(progressControl, 'pointerup', endTouch);
  on(progressControl, 'pointercancel', endTouch);
  // A mouse drag (scrubbing) keeps the preview while the pointer leaves the bar.
  on(doc, 'pointermove', (event) => {
    if (dragging && event.pointerType === 'mouse' && !progressControl.contains(event.target as Node)) fromPointer(event, 'mouse');
  });
  on(doc, 'pointerup', (event) => {
    if (event.pointerType !== 'mouse' || !dragging) return;
    dragging = false;
    if (progressControl.contains(event.target as Node)) {
      if (last) fromPointer(event, 'mouse');
    } else hide();
  });
  // Capture phase, then a task (microtasks run between listeners): by then video.js's SeekBar
  // has handled the key, `defaultPrevented` says whether it was a seek key, and the player's
  // time is the new target. No copy of SeekBar's key arithmetic.
  on(
    progressControl,
    'keydown',
    (event) => {
      if (event.target !== seekBar || event.key === ' ' || event.key === 'Enter') return;
      setTimeout(() => {
        const duration = durationOf(player);
        if (!event.defaultPrevented || duration === undefined || signal.aborted) return;
        const fraction = Math.min(1, Math.max(0, currentTimeOf(player) / duration));
        const geometry = layout();
        keyUntil = performance.now() + KEY_PREVIEW_MS;
        request({ fraction, x: geometry.barLeft + fraction * geometry.barWidth, via: 'key', drag: false });
        clearTimeout(keyTimer);
        keyTimer = setTimeout(endKey, KEY_PREVIEW_MS);
      }, 0);
    },
    true,
  );
  on(seekBar, 'blur', () => {
    if (performance.now() < keyUntil) endKey();
  });
  onPlayer(player, 'playerresize', invalidate, signal);
  // The layout under the preview is gone or about to fade (video.js hides its tooltip then too).
  onPlayer(
    player,
    ['fullscreenchange', 'controlsdisabled', 'userinactive'],
    () => {
      invalidate();
      hovering = dragging = touching = false;
      clearTimeout(keyTimer);
      keyUntil = 0;
      hide();
    },
    signal,
  );
  signal.addEventListener('abort', () => clearTimeout(keyTimer), { once: true });
  return { layout };
}
