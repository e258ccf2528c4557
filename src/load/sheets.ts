/** Sprite sheets through `<img>` + `decode()`, cached per player. No video.js here. */
import { clip, ThumbnailLoadError } from '../parse/errors.js';
import { assertLoadable } from './fetch-text.js';

/**
 * Sprite sheets of one player: each URL is requested at most once and kept decoded, so that
 * swapping to it never shows a half-decoded image (a failed one may be asked for again).
 */
export class SheetCache {
  private readonly entries = new Map<string, { image: HTMLImageElement; promise: Promise<HTMLImageElement>; ready: boolean }>();
  private disposed = false;

  /**
   * The decoded sheet known as `url`, loading it from `src` (default `url`: another for a
   * refreshed signature) if needed. Rejects with a `ThumbnailLoadError`.
   */
  load(url: string, src = url): Promise<HTMLImageElement> {
    const known = this.entries.get(url);
    if (known) return known.promise;
    if (this.disposed) return Promise.reject(new ThumbnailLoadError('image-failed', url, 'The thumbnail loader was disposed.'));
    const image = new Image();
    image.decoding = 'async';
    const entry = {
      image,
      ready: false,
      promise: Promise.resolve().then(async () => {
        assertLoadable(src);
        image.src = src;
        try {
          await image.decode();
        } catch (cause) {
          // decode() can reject for a loaded image (e.g. a huge one); only a broken image is a failure.
          if (!(image.complete && image.naturalWidth > 0)) {
            throw new ThumbnailLoadError('image-failed', src, `Could not load the sprite sheet ${clip(src)}.`, { cause });
          }
        }
        entry.ready = true;
        return image;
      }),
    };
    // Callers may drop the promise (prefetch); keep a failure from surfacing as unhandled.
    // A failure is not cached: the next load of this URL (a reload, another source) tries again.
    entry.promise.catch(() => {
      if (this.entries.get(url) === entry) this.entries.delete(url);
    });
    this.entries.set(url, entry);
    return entry.promise;
  }

  /** The sheet if it is already decoded, for drawing without waiting. */
  ready(url: string): HTMLImageElement | undefined {
    const entry = this.entries.get(url);
    return entry?.ready ? entry.image : undefined;
  }

  has(url: string): boolean {
    return this.entries.has(url);
  }

  /** Forget sheets not in `keep` (another video's sheets), cancelling their downloads. */
  retain(keep: readonly string[]): void {
    const wanted = new Set(keep);
    for (const [url, entry] of this.entries) {
      if (wanted.has(url)) continue;
      if (!entry.ready) entry.image.removeAttribute('src');
      this.entries.delete(url);
    }
  }

  dispose(): void {
    this.disposed = true;
    this.retain([]);
  }
}
