/**
 * Which payload the element shows, and the way from it to a track. The player's current
 * source wins when it carries a payload (`player.src({ spriteEvent })`); a source change
 * without one clears (never a stale preview); otherwise the element's `event`, then `event-src`.
 */
import { fetchText } from '../load/fetch-text.js';
import { SpriteEventError } from '../parse/errors.js';
import { parseSpriteEvent } from '../parse/payload.js';
import { parseThumbnailVttAsync } from '../parse/thumbnail-vtt.js';
import type { ThumbnailTrack } from '../parse/track.js';
import type { GridOptions, SpriteInfo } from '../parse/types.js';
import { parseUrl, shouldUpgrade, upgradeUrl } from '../parse/urls.js';

/** What one payload comes from: inline (object or JSON text) or a URL. */
export type PayloadSpec = { payload: unknown } | { url: string };

export type LoadStage = 'payload' | 'vtt';

/** One spelling per source URL: video.js reports a source as given (maybe relative) or resolved. */
const sourceId = (src: string | undefined) => (src ? (parseUrl(src, document.baseURI)?.href ?? src) : '');

function samePayload(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  try {
    return a != null && b != null && JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

export class SourceChoice {
  /** The payload of the player's current source, if it carries one. */
  private fromSource: { value: unknown } | undefined;
  /** The source changed to one without a payload: show nothing. */
  private cleared = false;
  private key = '';
  /** URLs given to `player.src()` lately: video.js's own copies of them (without `spriteEvent`) are no change. */
  private readonly given_ = new Set<string>();

  /** A new player (or none): start from its current source. */
  reset(source: { src?: string; spriteEvent?: unknown }): void {
    this.key = sourceId(source.src);
    this.fromSource = source.spriteEvent != null ? { value: source.spriteEvent } : undefined;
    this.cleared = false;
  }

  /** The element was given a payload (property, attribute or `load()`): it wins over the source's. */
  given(): void {
    this.fromSource = undefined;
    this.cleared = false;
  }

  /** True when the preview must change (clear, then load what `spec()` says). */
  changed(source: { src?: string; spriteEvent?: unknown }): boolean {
    const src = sourceId(source.src);
    this.given_.add(src);
    if (this.given_.size > 64) this.given_.delete(this.given_.values().next().value!);
    const payload = source.spriteEvent ?? undefined;
    const previous = this.key;
    if (src === previous && samePayload(payload, this.fromSource?.value)) return false;
    this.key = src;
    if (payload !== undefined) {
      this.fromSource = { value: payload };
      this.cleared = false;
      return true;
    }
    const hadPayload = this.fromSource !== undefined;
    this.fromSource = undefined;
    // The element's own payload describes the first source the player gets.
    if (!hadPayload && previous === '') return false;
    this.cleared = true;
    return true;
  }

  /**
   * A source object the player holds now, seen in a frame or at `loadstart`: `player.src()`
   * stores a copy of what it was given (our `spriteEvent` included) at once, and the tech later
   * swaps in its own copies (without it) of each source it loads. A copy of a URL given lately
   * is no change; any other URL is (a `<source>` change and `load()`, say).
   */
  movedTo(source: { src?: string; spriteEvent?: unknown }): boolean {
    const src = sourceId(source.src);
    return src !== this.key && !this.given_.has(src) && this.changed(source);
  }

  /** Another URL than the one shown (a change is coming). */
  differs(source: { src?: string }): boolean {
    return sourceId(source.src) !== this.key;
  }

  spec(event: unknown, eventSrc: string | null): PayloadSpec | undefined {
    if (this.fromSource) return { payload: this.fromSource.value };
    if (this.cleared) return undefined;
    if (event != null && event !== '') return { payload: event };
    return eventSrc ? { url: eventSrc } : undefined;
  }
}

export interface TrackOptions {
  fileId: string | null;
  definition: string | number | null;
  grid: GridOptions | null;
  upgradeInsecure: boolean;
  timeout: number;
  /** A retry after a failure: documents are asked for again, not taken from the HTTP cache. */
  retry?: boolean;
  /** The video's duration, for the grid fallback. */
  duration(): number | undefined;
  /** Resolves when loading may go on (lazy modes wait for the first interaction). */
  allowed(): Promise<void>;
}

/** The payload (fetched for `event-src`) and its sprite results that match `fileId`/`definition` (at least one, else it throws). */
export async function spritesOf(spec: PayloadSpec, options: TrackOptions, signal: AbortSignal): Promise<{ input: unknown; sprites: SpriteInfo[] }> {
  let input: unknown;
  let baseUrl = document.baseURI;
  if ('url' in spec) {
    await options.allowed();
    const response = await fetchText(new URL(spec.url, document.baseURI).href, signal, 'sprite event JSON', options.timeout, options.retry ? 'no-cache' : 'default');
    input = response.text;
    baseUrl = response.url;
  } else input = spec.payload;
  const filter: { fileId?: string; definition?: number | string; baseUrl: string } = { baseUrl };
  if (options.fileId) filter.fileId = options.fileId;
  if (options.definition !== null && options.definition !== '') filter.definition = options.definition;
  const sprites = parseSpriteEvent(input as Parameters<typeof parseSpriteEvent>[0], filter);
  if (!sprites.length) throw new SpriteEventError('no-sprite-data', 'The payload holds no sprite result for this file-id and definition.');
  return { input, sprites };
}

/** The track of one sprite result: its VTT, else (with `grid`) tiles laid out over its sheets. */
export async function trackOf(info: SpriteInfo, options: TrackOptions, signal: AbortSignal): Promise<ThumbnailTrack> {
  await options.allowed();
  const upgrade = shouldUpgrade({ upgradeInsecure: options.upgradeInsecure });
  try {
    const response = await fetchText(upgradeUrl(info.vttUrl, upgrade), signal, 'thumbnail WebVTT', options.timeout, options.retry ? 'no-cache' : 'default');
    // In slices that yield to the page: a 10-hour VTT makes no long task while the page starts.
    return await parseThumbnailVttAsync(response.text, { vttUrl: response.url, imageUrls: info.imageUrls, upgradeInsecure: options.upgradeInsecure }, { signal });
  } catch (error) {
    if (signal.aborted || !options.grid) throw error;
    // No usable VTT (no CORS on the CDN, 404, broken file): lay the tiles out from the grid.
    // Its code is a chunk of its own (only this fallback needs it); if that fails, the VTT's error stands.
    const { gridTrack } = await import('../parse/grid.js').catch(() => {
      throw error;
    });
    const duration = options.duration();
    return gridTrack(
      info.imageUrls.map((url) => upgradeUrl(url, upgrade)),
      options.grid,
      duration === undefined ? {} : { duration },
    );
  }
}
